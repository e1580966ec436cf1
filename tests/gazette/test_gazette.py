"""The Official Gazette (R6): issues with their documents and file, the index by year, the link back from documents."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from gazette.models import GazetteIndexPage, GazetteIssuePage
from tests.documents.conftest import pdf_bytes
from tests.home.helpers import english, section

pytestmark = pytest.mark.django_db


def get(client, agency, url, **params):
    response = client.get(url, params, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return response


@pytest.fixture
def decisions(portal, make_document):
    """Two decisions of the provincial People's Committee in the portal's library."""
    return [
        make_document(
            portal,
            "16/2017/QĐ-UBND",
            "Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Quảng Ngãi",
            issued_on=date(2017, 4, 19),
        ),
        make_document(
            portal,
            "12/2017/NQ-HĐND",
            "Quy định mức chi bảo đảm cho công tác cải cách hành chính",
            type="Nghị quyết",
            authority="HĐND tỉnh Quảng Ngãi",
            issued_on=date(2017, 4, 10),
        ),
    ]


def test_the_portal_has_the_gazette_in_both_languages_and_an_agency_does_not(client, portal, agency):
    gazette = section(portal, "cong-bao")
    assert isinstance(gazette, GazetteIndexPage)
    assert gazette.title == "Công báo" and gazette.live and gazette.show_in_menus
    gazette_en = english(gazette)
    assert (gazette_en.slug, gazette_en.title) == ("official-gazette", "Official Gazette") and gazette_en.live
    assert "Công báo" in get(client, portal, "/cong-bao/").text
    assert "Official Gazette" in get(client, portal, "/en/official-gazette/").text
    assert not agency.site.root_page.get_children().filter(slug="cong-bao").exists()
    assert not GazetteIndexPage.can_create_at(agency.site.root_page)


def test_an_issue_shows_its_documents_in_order_with_summaries_links_and_its_file(client, portal, decisions, make_issue):
    resolution, decision = decisions[1], decisions[0]
    issue = make_issue("15", date(2017, 5, 2), [resolution, decision])

    assert (issue.title, issue.slug, issue.year) == ("Công báo số 15 năm 2017", "so-15-nam-2017", 2017)
    html = get(client, portal, "/cong-bao/so-15-nam-2017/").text
    assert '<h1 class="page-title">Công báo số 15 năm 2017</h1>' in html
    assert "02/05/2017" in html
    assert f'href="{issue.file.url}"' in html
    first, second = html.index("Nghị quyết 12/2017/NQ-HĐND"), html.index("Quyết định 16/2017/QĐ-UBND")
    assert first < second
    assert f'<a href="{resolution.relative_url(portal.site)}">Nghị quyết 12/2017/NQ-HĐND</a>' in html
    assert f'<a href="{decision.relative_url(portal.site)}">Quyết định 16/2017/QĐ-UBND</a>' in html
    assert "Quy định mức chi bảo đảm cho công tác cải cách hành chính" in html
    assert "Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Quảng Ngãi" in html
    assert "10/04/2017" in html and "19/04/2017" in html
    assert "Trang 3" in html and "Trang 13" in html
    assert client.get(issue.file.url, HTTP_HOST=portal.site.hostname).status_code == 200


def test_the_index_groups_issues_by_year_newest_first_and_filters_by_year(client, portal, make_issue):
    make_issue("9", date(2024, 3, 1))
    make_issue("1", date(2025, 1, 10))
    make_issue("15", date(2025, 5, 2))
    make_issue("16", date(2025, 5, 2))
    make_issue("2", date(2025, 1, 20), live=False)

    response = get(client, portal, "/cong-bao/")
    titles = [issue.title for issue in response.context["children"]]
    assert titles == [
        "Công báo số 16 năm 2025",
        "Công báo số 15 năm 2025",
        "Công báo số 1 năm 2025",
        "Công báo số 9 năm 2024",
    ]
    html = response.text
    assert html.index(">Năm 2025</h2>") < html.index("Công báo số 1 năm 2025") < html.index(">Năm 2024</h2>")
    assert "Công báo số 2 năm 2025" not in html
    assert [(option["year"], option["count"]) for option in response.context["years"]] == [(2025, 3), (2024, 1)]

    filtered = get(client, portal, "/cong-bao/", nam="2024")
    assert [issue.title for issue in filtered.context["children"]] == ["Công báo số 9 năm 2024"]
    assert "Công báo số 15 năm 2025" not in filtered.text
    assert '<a href="?nam=2024" aria-current="true">' in filtered.text

    assert len(get(client, portal, "/cong-bao/", nam="abc").context["children"]) == 4
    assert "Chưa có số công báo nào trong năm 2019." in get(client, portal, "/cong-bao/", nam="2019").text


def test_a_document_shows_the_issues_it_appeared_in(client, portal, decisions, make_issue):
    decision = decisions[0]
    issue = make_issue("15", date(2017, 5, 2), [decision])
    make_issue("16", date(2017, 5, 9), [decisions[1]])

    html = get(client, portal, decision.relative_url(portal.site)).text

    assert "Đăng trên Công báo" in html
    assert (
        f'<a href="{issue.relative_url(portal.site)}">số 15/2017</a> (<time datetime="2017-05-02">02/05/2017</time>)'
        in html
    )
    assert "số 16/2017" not in html
    assert "số 15/2017" not in get(client, portal, decisions[1].relative_url(portal.site)).text


def test_the_index_makes_as_many_queries_for_twenty_issues_as_for_two(client, portal, decisions, make_issue):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            get(client, portal, "/cong-bao/")
        return len(captured)

    for number in ("1", "2"):
        make_issue(number, date(2025, 1, int(number)), decisions)
    get(client, portal, "/cong-bao/")  # warm up: site root paths and other per-process caches
    few = queries()
    for number in range(3, 21):
        make_issue(str(number), date(2024 if number % 2 else 2025, 2, number), decisions)
    get(client, portal, "/cong-bao/")  # new pages renew the cached site frame

    assert queries() == few


def test_an_issue_makes_as_many_queries_for_six_documents_as_for_two(client, portal, make_document, make_issue):
    documents = [make_document(portal, f"{number}/2025/QĐ-UBND", f"Trích yếu {number}") for number in range(1, 7)]
    make_issue("1", date(2025, 3, 1), documents[:2])
    make_issue("2", date(2025, 3, 2), documents)
    for url in ("/cong-bao/so-1-nam-2025/", "/cong-bao/so-2-nam-2025/"):
        get(client, portal, url)  # warm up: each page's language links and breadcrumbs are cached

    def queries(url) -> int:
        with CaptureQueriesContext(connection) as captured:
            get(client, portal, url)
        return len(captured)

    assert queries("/cong-bao/so-2-nam-2025/") == queries("/cong-bao/so-1-nam-2025/")


def add_issue(client, index, number, year="", issued_on="2025-05-02", documents=()):
    """POST the admin's "add issue" form, title and slug left blank, and publish."""
    file = get_document_model().objects.create(
        title=f"Công báo số {number}", file=ContentFile(pdf_bytes("Cong bao"), name="cong-bao.pdf")
    )
    data = nested_form_data(
        {
            "title": "",
            "slug": "",
            "number": number,
            "year": year,
            "issued_on": issued_on,
            "file": file.pk,
            "intro": rich_text(""),
            "entries": inline_formset(
                [{"document": document.pk, "page_from": "", "page_to": ""} for document in documents]
            ),
            "seo_title": "",
            "search_description": "",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("gazette", "gazetteissuepage", index.pk))
    return client.post(url, {**data, "action-publish": "publish"})


def test_the_same_number_twice_in_a_year_is_refused(client, portal, decisions, make_user):
    client.force_login(make_user("quantri", is_superuser=True))
    index = section(portal, "cong-bao")

    assert add_issue(client, index, "15", documents=decisions).status_code == 302
    issue = GazetteIssuePage.objects.child_of(index).get()
    assert (issue.title, issue.slug, issue.year, issue.live) == (
        "Công báo số 15 năm 2025",
        "so-15-nam-2025",
        2025,
        True,
    )
    assert [entry.document for entry in issue.entries.all()] == decisions

    refused = add_issue(client, index, " 15 ", issued_on="2025-06-01")
    assert refused.status_code == 200
    assert "Năm 2025 đã có công báo số 15." in refused.text
    assert add_issue(client, index, "15", issued_on="2026-01-05").status_code == 302
    assert GazetteIssuePage.objects.child_of(index).count() == 2


def test_a_document_in_an_issue_cannot_be_deleted(portal, decisions, make_issue):
    make_issue("15", date(2017, 5, 2), decisions)

    with pytest.raises(ProtectedError):
        decisions[0].delete()


def test_the_issue_editor_offers_a_document_chooser(client, portal, make_user):
    client.force_login(make_user("quantri", is_superuser=True))
    index = section(portal, "cong-bao")

    response = client.get(reverse("wagtailadmin_pages:add", args=("gazette", "gazetteissuepage", index.pk)))

    assert response.status_code == 200
    assert '"modelNames": ["legal_documents.legaldocumentpage"]' in response.text
    assert "Để trống để tự đặt theo số và năm" in response.text
