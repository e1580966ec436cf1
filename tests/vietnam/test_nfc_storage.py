"""Everything entered is stored in NFC (R11): through the Wagtail editor, in code, and in search queries."""

import unicodedata

import pytest
from wagtail.models import Page

from home.models import SiteContactSettings
from tests.home.helpers import add_url, section, standard_page_form

pytestmark = pytest.mark.django_db


def nfd(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    return decomposed


def test_decomposed_text_typed_in_the_wagtail_editor_is_stored_composed(client, agency, editor):
    title, lead, heading, paragraph = (
        "Quy chế hoạt động của Cổng thông tin",
        "Tóm tắt: tiếp nhận, giải đáp ý kiến",
        "Điều 6. Tên miền truy cập",
        "Trang TTĐT của UBND huyện Tư Nghĩa",
    )
    client.force_login(editor)
    form = standard_page_form(
        nfd(title), "quy-che", lead=nfd(lead), heading=nfd(heading), paragraph=f"<p>{nfd(paragraph)}</p>"
    )

    response = client.post(add_url(section(agency, "gioi-thieu")), {**form, "action-submit": "1"})

    assert response.status_code == 302
    page = Page.objects.get(slug="quy-che").specific
    assert page.title == title and page.lead == lead and page.draft_title == title
    assert page.body[0].value["text"] == heading
    assert paragraph in page.body[1].value.source
    revised = page.latest_revision.as_object()
    assert revised.title == title and revised.lead == lead and revised.body[0].value["text"] == heading


def test_text_saved_in_code_is_stored_composed(agency):
    settings = SiteContactSettings.for_site(agency.site)
    settings.address = nfd("Số 52 Hùng Vương, phường Cẩm Thành")
    settings.save()

    settings.refresh_from_db()
    assert settings.address == "Số 52 Hùng Vương, phường Cẩm Thành"


def test_search_queries_are_normalized(client, agency):
    response = client.get("/tim-kiem/", {"q": nfd("Giới thiệu")}, HTTP_HOST=agency.site.hostname)

    assert response.status_code == 200
    assert response.context["query"] == "Giới thiệu"
    assert response.context["results"].paginator.count >= 1
