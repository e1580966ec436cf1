"""Legal dissemination and guidance (Điều 8.2.d): its section beside every site's library, in both languages, the
15-working-day posting limit (Điều 9.1.b), the listing, and the link to the text it explains."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publications.models import GuidanceIndexPage, GuidancePage
from tests.documents.conftest import lists, make_document  # noqa: F401 - fixtures
from tests.home.helpers import english, section

from .conftest import index_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def library_document(agency, make_document):  # noqa: F811 - the fixture imported above
    return make_document(agency, "16/2017/QĐ-UBND", "Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh")


def get(client, agency, url, **params):
    response = client.get(url, params, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200, url
    return response


def test_every_site_has_the_section_under_its_library_in_both_languages(client, portal, other_agency):
    for site in (portal, other_agency):
        library = section(site, "van-ban")
        page = library.get_children().get(slug="pho-bien-giao-duc-phap-luat").specific
        assert isinstance(page, GuidanceIndexPage) and page.live
        assert english(page).slug == "legal-dissemination"
        get(client, site, english(page).relative_url(site.site))
        # The library links to it (documents are not in menus; its sections are).
        assert page.relative_url(site.site) in get(client, site, "/van-ban/").text


def test_the_posting_limit_is_15_working_days_after_the_policy_is_issued():
    # Issued on Friday 30/01/2026: Tết (14–22/02/2026) falls inside the 15 working days.
    page = GuidancePage(trigger_date=date(2026, 1, 30))
    assert (page.POSTING_CATEGORY, page.POSTING_LIMIT) == ("dissemination", 15)
    assert page.posting_due == date(2026, 2, 27)  # 2–13/02, then 23–27/02


def test_the_page_links_to_the_text_it_explains_and_lists_newest_first(client, agency, publish, library_document):
    older = publish(agency, GuidancePage, "Hỏi đáp về Luật 72/2025/QH15", kind="hoi-dap")
    newer = publish(
        agency,
        GuidancePage,
        "Phổ biến Kế hoạch chuyển đổi số năm 2026",
        policy="Kế hoạch 121/KH-UBND",
        trigger_date=date(2025, 12, 31),
        policy_document=library_document,
    )

    listing = get(client, agency, index_of(agency, GuidancePage).relative_url(agency.site)).text
    assert listing.index(newer.title) < listing.index(older.title)
    page = get(client, agency, newer.relative_url(agency.site)).text
    assert library_document.relative_url(agency.site) in page and "Kế hoạch 121/KH-UBND" in page
    filtered = get(client, agency, index_of(agency, GuidancePage).relative_url(agency.site), loai="hoi-dap").text
    assert older.title in filtered and newer.title not in filtered


def test_listing_query_count_does_not_grow_with_items(client, agency, publish, library_document):
    url = index_of(agency, GuidancePage).relative_url(agency.site)

    def count():
        get(client, agency, url)  # the site's frame, cached until a page changes
        with CaptureQueriesContext(connection) as captured:
            get(client, agency, url)
        return len(captured)

    publish(agency, GuidancePage, "Bài một", files=["a.pdf"], policy_document=library_document)
    few = count()
    for number in range(4):
        publish(agency, GuidancePage, f"Bài số {number}", files=["b.pdf"], policy_document=library_document)
    assert count() == few
