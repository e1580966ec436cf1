"""The notices listing: search without diacritics, filters with counts, stages now, sorts, the portal spanning every
site with each notice's agency and canonical address, English pages, and a query count that does not grow."""

import difflib
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .conftest import procurement_section, vn_time

LISTING = "/quy-hoach-ke-hoach-du-an/du-an-dau-thau/"
LISTING_EN = "/en/plans-and-projects/projects-and-procurement/"
AGRICULTURE = "Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và PTNT tỉnh"


def titles(response) -> list[str]:
    return re.findall(r'<h2 class="document-item__title"><a href="[^"]*"[^>]*>([^<]+)</a>', response.text)


def facet(response, title: str) -> dict[str, int]:
    """The options of the facet titled `title`, as {label: count}."""
    block = response.text.split(f'<summary class="facet__title">{title}</summary>')[1].split("</details>")[0]
    return {
        label.strip().lstrip("✓ "): int(count)
        for label, count in re.findall(r'<a href="[^"]*"[^>]*>([^<]+)<span class="facet__count">\((\d+)\)', block)
    }


@pytest.fixture
def notices(make_notice, portal, agency, other_agency):
    """Four notices on two sites: open, closing soon, closed, and a result (no stage)."""
    today = timezone.localdate()
    return {
        "open": make_notice(agency, "mo", title="Xây dựng Đường Trà Bồng – Sơn Hà"),
        "soon": make_notice(
            agency,
            "sap-dong",
            title="Mua sắm máy tính cho trường học",
            field="hang-hoa",
            method="chao-hang-canh-tranh",
            closes_at=vn_time(today + timedelta(days=1), 9),
            investor=AGRICULTURE,
        ),
        "closed": make_notice(
            other_agency,
            "da-dong",
            title="Tư vấn thiết kế kè chống sạt lở sông Vệ",
            field="tu-van",
            closes_at=vn_time(today - timedelta(days=2), 9),
        ),
        "result": make_notice(
            other_agency,
            "ket-qua",
            title="Kết quả lựa chọn nhà thầu gói thầu kè sông Vệ",
            kind="ket-qua-lcnt",
            closes_at=None,
            winner="Công ty TNHH Xây dựng Minh Họa",
            winning_price=9_800_000_000,
        ),
    }


def test_a_search_without_diacritics_finds_what_has_them(client, portal, notices):
    response = client.get(LISTING, {"q": "duong tra bong"}, HTTP_HOST=portal.site.hostname)

    assert titles(response) == ["Xây dựng Đường Trà Bồng – Sơn Hà"]
    winner = client.get(LISTING, {"q": "minh hoa"}, HTTP_HOST=portal.site.hostname)
    assert titles(winner) == ["Kết quả lựa chọn nhà thầu gói thầu kè sông Vệ"]


def test_the_portal_spans_every_site_labels_agencies_and_links_to_their_sites(client, portal, agency, notices):
    response = client.get(LISTING, HTTP_HOST=portal.site.hostname)

    assert response.status_code == 200
    assert len(titles(response)) == 4
    assert f'href="http://{agency.site.hostname}{LISTING}mo/"' in response.text
    assert "Sở Thông tin và Truyền thông" in response.text and "Xã Tư Nghĩa" in response.text
    assert facet(response, "Cơ quan đăng tải") == {"Sở Thông tin và Truyền thông": 2, "Xã Tư Nghĩa": 2}


def test_a_site_lists_only_its_own(client, agency, notices):
    response = client.get(LISTING, HTTP_HOST=agency.site.hostname)

    assert sorted(titles(response)) == ["Mua sắm máy tính cho trường học", "Xây dựng Đường Trà Bồng – Sơn Hà"]
    assert "Cơ quan đăng tải" not in response.text


def test_stages_are_badges_with_words_and_filter_with_counts(client, portal, notices):
    response = client.get(LISTING, HTTP_HOST=portal.site.hostname)

    assert facet(response, "Tình trạng") == {"Đang mời thầu": 1, "Sắp đóng thầu": 1, "Đã đóng thầu": 1}
    assert '<span class="badge badge--sap-dong-thau">Sắp đóng thầu</span>' in response.text
    closing = client.get(LISTING, {"tinh-trang": "sap-dong-thau"}, HTTP_HOST=portal.site.hostname)
    assert titles(closing) == ["Mua sắm máy tính cho trường học"]
    # A facet's own counts ignore its own choice, so the other stages stay offered.
    assert facet(closing, "Tình trạng") == {"Đang mời thầu": 1, "Sắp đóng thầu": 1, "Đã đóng thầu": 1}
    assert facet(closing, "Lĩnh vực") == {"Hàng hóa": 1}


def test_filters_combine_and_count_under_the_others(client, portal, notices):
    response = client.get(LISTING, {"linh-vuc": "xay-lap", "loai": "moi-thau"}, HTTP_HOST=portal.site.hostname)

    assert titles(response) == ["Xây dựng Đường Trà Bồng – Sơn Hà"]
    assert facet(response, "Lĩnh vực") == {"Xây lắp": 1, "Hàng hóa": 1, "Tư vấn": 1}
    assert facet(response, "Loại thông tin") == {"Thông báo mời thầu": 1, "Kết quả lựa chọn nhà thầu": 1}
    assert facet(response, "Năm đăng tải") == {str(notices["open"].issued_on.year): 1}


def test_investor_and_method_filters(client, portal, notices):
    from vietnam.text import slugify

    response = client.get(LISTING, {"chu-dau-tu": slugify(AGRICULTURE)}, HTTP_HOST=portal.site.hostname)

    assert titles(response) == ["Mua sắm máy tính cho trường học"]
    assert facet(response, "Chủ đầu tư, bên mời thầu") == {
        "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh": 3,
        AGRICULTURE: 1,
    }
    method = client.get(LISTING, {"hinh-thuc": "dau-thau-rong-rai"}, HTTP_HOST=portal.site.hostname)
    assert len(titles(method)) == 3


def test_sort_by_closing_puts_the_soonest_open_first(client, portal, notices):
    response = client.get(LISTING, {"sap-xep": "dong-thau"}, HTTP_HOST=portal.site.hostname)

    assert titles(response) == [
        "Mua sắm máy tính cho trường học",
        "Xây dựng Đường Trà Bồng – Sơn Hà",
        "Tư vấn thiết kế kè chống sạt lở sông Vệ",
        "Kết quả lựa chọn nhà thầu gói thầu kè sông Vệ",
    ]


def test_english_pages_list_the_vietnamese_notices_marked_as_such_or_their_translation(client, portal, agency, notices):
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    open_notice = notices["open"]
    translation = open_notice.copy_for_translation(english)
    translation.title = "Construction of the Tra Bong – Son Ha road"
    translation.slug = "tra-bong-son-ha-road"
    translation.save_revision().publish()

    response = client.get(LISTING_EN, HTTP_HOST=portal.site.hostname)

    assert response.status_code == 200
    assert "Construction of the Tra Bong – Son Ha road" in titles(response)
    assert 'hreflang="vi" lang="vi">Mua sắm máy tính cho trường học' in response.text


def test_the_listing_query_count_does_not_grow_with_notices(client, portal, agency, make_notice):
    def count():
        client.get(LISTING, {"q": "duong"}, HTTP_HOST=portal.site.hostname)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(LISTING, {"q": "duong", "linh-vuc": "xay-lap"}, HTTP_HOST=portal.site.hostname)
        assert response.status_code == 200
        return [query["sql"] for query in captured]

    make_notice(agency, "dau-tien")
    few = count()
    for number in range(8):
        make_notice(agency if number % 2 else portal, f"thong-bao-{number}", investor=f"Chủ đầu tư số {number}")
    many = count()
    assert len(many) == len(few), "\n".join(difflib.unified_diff([q[:300] for q in few], [q[:300] for q in many]))


def test_projects_are_listed_and_show_their_notices(client, portal, agency, make_project, make_notice):
    project = make_project(agency)
    make_notice(agency, "goi-1", project=project, title="Gói thầu XL-01 của dự án")

    listing = client.get(LISTING + "du-an/", HTTP_HOST=portal.site.hostname)
    page = client.get(LISTING + "du-an-mau/", HTTP_HOST=agency.site.hostname)
    english = client.get(LISTING_EN + "projects/", HTTP_HOST=agency.site.hostname)

    assert listing.status_code == page.status_code == english.status_code == 200
    assert project.title in listing.text and "1.200.000.000.000 đồng" in listing.text
    assert "Gói thầu XL-01 của dự án" in page.text and "1234/QĐ-UBND" in page.text
    assert 'lang="vi"' in english.text and "VND 1,200,000,000,000" in english.text


def test_a_notice_page_shows_its_facts(client, agency, notices):
    response = client.get(LISTING + "sap-dong/", HTTP_HOST=agency.site.hostname)

    assert response.status_code == 200
    assert "Sắp đóng thầu" in response.text and "Hàng hóa" in response.text
    assert "12.500.000.000 đồng" in response.text
    closes = timezone.localdate() + timedelta(days=1)
    assert f"09:00 {closes:%d/%m/%Y}" in response.text


def test_a_section_made_private_hides_its_notices_from_the_portal(client, portal, agency, notices):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=procurement_section(agency), restriction_type="login")

    response = client.get(LISTING, HTTP_HOST=portal.site.hostname)

    assert sorted(titles(response)) == [
        "Kết quả lựa chọn nhà thầu gói thầu kè sông Vệ",
        "Tư vấn thiết kế kè chống sạt lở sông Vệ",
    ]
