"""Directives (chỉ đạo, điều hành; Điều 8.2.c): the site's own documents of the chosen types, through the library's
search, linking to the documents' own pages."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from documents.models import DirectiveIndexPage, DocumentType
from tests.home.helpers import english, section

pytestmark = pytest.mark.django_db

URL = "/chi-dao-dieu-hanh/van-ban-chi-dao-dieu-hanh/"


def get(client, agency, url=URL, **params):
    response = client.get(url, params, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return response


def directives(agency, language="vi") -> DirectiveIndexPage:
    page = section(agency, "chi-dao-dieu-hanh").get_children().get(slug="van-ban-chi-dao-dieu-hanh").specific
    return english(page) if language == "en" else page


@pytest.fixture
def documents(agency, other_agency, make_document):
    """A directive, an official letter and a decision on the agency's site; a directive on another site."""
    return {
        "directive": make_document(
            agency,
            "06/CT-UBND",
            "Xây dựng Kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025",
            type="Chỉ thị",
            issued_on=date(2020, 4, 24),
        ),
        "letter": make_document(
            agency,
            "1520/UBND-KGVX",
            "Triển khai nền tảng số dùng chung",
            type="Công văn",
            issued_on=date(2026, 3, 9),
        ),
        "decision": make_document(agency, "27/QĐ-UBND", "Bổ nhiệm Giám đốc Trung tâm", issued_on=date(2026, 1, 9)),
        "elsewhere": make_document(
            other_agency, "01/CT-UBND", "Chỉ thị của xã", type="Chỉ thị", issued_on=date(2026, 2, 2)
        ),
    }


def test_every_site_has_the_directives_section_in_both_languages(client, portal, agency, other_agency):
    for site in (portal, agency, other_agency):
        page = directives(site)
        assert page.live and page.title == "Văn bản chỉ đạo, điều hành"
        translation = directives(site, "en")
        assert translation.slug == "directives" and translation.live
        get(client, site, URL)
        get(client, site, "/en/direction-and-administration/directives/")


def test_the_default_types_list_the_sites_own_directives_newest_first_linking_to_the_library(client, agency, documents):
    response = get(client, agency)
    html = response.text

    results = list(response.context["search"].results)
    assert results == [documents["letter"], documents["directive"]]
    assert f'href="{documents["directive"].relative_url(agency.site)}"' in html
    assert documents["directive"].relative_url(agency.site).startswith("/van-ban/")  # the library's page, not a copy
    assert "27/QĐ-UBND" not in html and "01/CT-UBND" not in html
    assert "24/04/2020" in html


def test_the_editors_choice_of_types_replaces_the_default(client, agency, documents):
    page = directives(agency)
    page.document_types.set([DocumentType.objects.get(name="Chỉ thị")])
    page.save_revision().publish()

    assert list(get(client, agency).context["search"].results) == [documents["directive"]]
    # The English page follows the Vietnamese one's choice.
    english_results = get(client, agency, "/en/direction-and-administration/directives/").context["search"].results
    assert list(english_results) == [documents["directive"]]


def test_search_and_filters_work_within_the_directives(client, agency, documents):
    search = get(client, agency, q="ke hoach phat trien").context["search"]
    assert list(search.results) == [documents["directive"]]

    search = get(client, agency).context["search"]
    types = next(facet for facet in search.facets if facet["name"] == "type")
    assert {(option["label"], option["count"]) for option in types["options"]} == {("Chỉ thị", 1), ("Công văn", 1)}

    search = get(client, agency, nam="2026").context["search"]
    assert list(search.results) == [documents["letter"]]


def test_english_visitors_see_the_vietnamese_documents_marked_as_such(client, agency, documents):
    html = get(client, agency, "/en/direction-and-administration/directives/").text

    assert 'hreflang="vi"' in html and "06/CT-UBND" in html and 'lang="vi"' in html


def test_query_count_does_not_grow_with_directives(client, agency, make_document):
    def count():
        get(client, agency)
        with CaptureQueriesContext(connection) as captured:
            get(client, agency, page="1")
        return len(captured)

    make_document(agency, "01/CT-UBND", "Chỉ thị đầu tiên", type="Chỉ thị", issued_on=date(2026, 1, 5))
    few = count()
    for number in range(2, 12):
        make_document(agency, f"{number:02d}/CT-UBND", f"Chỉ thị {number}", type="Chỉ thị", issued_on=date(2026, 2, 2))
    assert count() == few


def test_the_bbt_chooses_the_types_in_the_page_editor(client, agency, moderator):
    client.force_login(moderator)
    page = directives(agency)
    directive, letter = DocumentType.objects.get(name="Chỉ thị"), DocumentType.objects.get(name="Công văn")

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        {
            **nested_form_data(
                {
                    "title": page.title,
                    "slug": page.slug,
                    "intro": rich_text(""),
                    "seo_title": "",
                    "search_description": "",
                    "action-publish": "publish",
                }
            ),
            "document_types": [directive.pk, letter.pk],
        },
    )

    assert response.status_code == 302, response.context and response.context["form"].errors
    assert response["Location"].startswith("/admin/"), response["Location"]
    assert set(directives(agency).document_types.all()) == {directive, letter}
