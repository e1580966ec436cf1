"""The chart and the unit pages as visitors see them, in both languages."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisation.models import UnitPage

from .helpers import add_unit, chart, path, translate_unit

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def get(client, agency, url):
    response = client.get(url, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200, url
    return response


def test_the_chart_is_a_nested_list_of_headings_and_links(client, agency):
    office = add_unit(
        chart(agency), "Văn phòng Sở", kind="van-phong", head_name="Lê Thị Hoa", head_title="Chánh Văn phòng"
    )
    centre = add_unit(
        chart(agency), "Trung tâm Công nghệ thông tin và Truyền thông", kind="trung-tam", phone="0255 0000 301"
    )
    add_unit(centre, "Phòng Hạ tầng số", kind="phong")

    tree = soup(get(client, agency, path(chart(agency)))).select_one("nav.org-chart")

    top = tree.select(":scope > ul > li")
    assert [item.select_one(":scope > h2 > a").text for item in top] == [
        "Văn phòng Sở",
        "Trung tâm Công nghệ thông tin và Truyền thông",
    ]
    assert top[0].select_one(":scope > h2 > a")["href"] == path(office)
    assert "Chánh Văn phòng Lê Thị Hoa" in top[0].text and "Văn phòng" in top[0].text
    assert top[1].select_one(":scope > ul > li > h3 > a").text == "Phòng Hạ tầng số"
    assert "0255 0000 301" in top[1].text


def test_the_chart_leaves_out_unpublished_units_and_what_is_under_them(client, agency):
    hidden = add_unit(chart(agency), "Phòng sắp thành lập")
    add_unit(hidden, "Tổ công tác")
    hidden.unpublish()

    text = get(client, agency, path(chart(agency))).text
    assert "Phòng sắp thành lập" not in text and "Tổ công tác" not in text


def test_the_charts_queries_do_not_grow_with_its_units(client, agency):
    def count():
        get(client, agency, path(chart(agency)))
        with CaptureQueriesContext(connection) as captured:
            get(client, agency, path(chart(agency)))
        return len(captured)

    top = add_unit(chart(agency), "Văn phòng Sở")
    few = count()
    for number in range(6):
        parent = add_unit(chart(agency), f"Phòng số {number}", head_name="Nguyễn Văn A", phone="0255 0000 100")
        add_unit(parent, f"Tổ số {number}")
    add_unit(top, "Bộ phận Một cửa")
    assert count() == few


def test_a_unit_page_shows_its_functions_head_contacts_officials_and_sub_units(client, portal, other_agency):
    unit = add_unit(
        chart(portal),
        "Sở Nội vụ",
        [
            ("Tạ Công Dũng", "Giám đốc"),
            {
                "name": "Trần Thị Mai",
                "title": "Phó Giám đốc",
                "phone": "0255 0000 202",
                "email": "snv@quangngai.gov.vn",
            },
        ],
        kind="so-nganh",
        functions="<p>Tham mưu về tổ chức bộ máy.</p>",
        head_name="Tạ Công Dũng",
        head_title="Giám đốc",
        address="Phường Cẩm Thành, tỉnh Quảng Ngãi",
        phone="0255 0000 200",
        fax="0255 0000 209",
        email="snv@quangngai.gov.vn",
        agency=other_agency,
    )
    add_unit(unit, "Văn phòng Sở")

    page = soup(get(client, portal, path(unit)))
    text = page.get_text(" ")
    assert "Tham mưu về tổ chức bộ máy." in text and "Giám đốc Tạ Công Dũng" in text
    assert "0255 0000 209" in text and "Phường Cẩm Thành" in text
    rows = page.select(".contact-table tbody tr")
    assert [row.th.text for row in rows] == ["Tạ Công Dũng", "Trần Thị Mai"]
    assert page.select_one("a[href='mailto:snv@quangngai.gov.vn']")
    assert page.select_one(f"a[href='{other_agency.site.root_url}/']")  # the unit's own site on the network
    assert page.select_one(".org-sub-units a").text == "Văn phòng Sở"
    card = page.select_one(f"a[href='{path(unit)}vcard/']")
    assert card is not None and "Sở Nội vụ" in card.text
    assert rows[1].select_one(f"a[href='{path(unit)}vcard/{unit.officials.get(name='Trần Thị Mai').pk}/']")


def test_english_pages_show_the_english_chart(client, agency):
    unit = add_unit(chart(agency), "Phòng Công nghệ thông tin", [("Nguyễn Văn Bình", "Trưởng phòng")], kind="phong")
    translate_unit(unit, "Information Technology Division", "information-technology", ["Head of Division"])

    page = get(client, agency, "/en/introduction/organisation/")
    assert "Information Technology Division" in page.text and "Phòng Công nghệ thông tin" not in page.text
    unit_page = get(client, agency, "/en/introduction/organisation/information-technology/")
    assert "Head of Division" in unit_page.text and "Nguyễn Văn Bình" in unit_page.text
    assert unit_page.context["page"].locale.language_code == "en"


def test_the_site_search_finds_a_unit_by_its_officials_without_diacritics(agency):
    unit = add_unit(chart(agency), "Phòng Bưu chính, Viễn thông", [("Đỗ Quang Huy", "Trưởng phòng")])

    assert list(UnitPage.objects.live().search("do quang huy")) == [unit]
