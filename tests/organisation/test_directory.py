"""The directory of officials (Điều 8.2.k) on each site's "Liên hệ" page: every official of the site's units,
searched without diacritics, filtered by unit, in Vietnamese order of names, paginated, in both languages."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import OfficialContact
from organisation.queries import DIRECTORY_PAGE_SIZE
from tests.home.helpers import section

from .helpers import add_unit, chart, translate_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def units(agency, other_agency):
    """Sở TT&TT's office and IT division (with a team under it), and one unit of xã Tư Nghĩa."""
    office = add_unit(
        chart(agency),
        "Văn phòng Sở",
        [("Nguyễn Văn Hùng", "Chánh Văn phòng"), ("Trần Thị Ánh", "Chuyên viên")],
    )
    division = add_unit(
        chart(agency),
        "Phòng Công nghệ thông tin",
        [
            {"name": "Nguyễn Văn An", "title": "Trưởng phòng", "phone": "0255 0000 311", "fax": "0255 0000 319"},
            {"name": "Đặng Thị Bích", "title": "Phó Trưởng phòng", "email": "cntt@quangngai.gov.vn"},
        ],
    )
    team = add_unit(division, "Tổ An toàn thông tin", [("Lê Quốc Dũng", "Tổ trưởng")])
    add_unit(chart(other_agency), "Phòng Kinh tế", [("Nguyễn Văn Cường", "Trưởng phòng")])
    return {"office": office, "division": division, "team": team}


def directory(client, agency, language="vi", **params):
    path = "/en/contacts/" if language == "en" else "/lien-he/"
    response = client.get(path, params, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return response


def names(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [row.th.text for row in page.select(".directory .contact-table tbody tr")]


def test_the_contact_page_lists_every_official_of_the_sites_units_in_order_of_given_names(client, agency, units):
    response = directory(client, agency)

    # An, Ánh, Bích, Dũng, Hùng: by given name (tên), in Vietnamese dictionary order; not xã Tư Nghĩa's official.
    assert names(response) == ["Nguyễn Văn An", "Trần Thị Ánh", "Đặng Thị Bích", "Lê Quốc Dũng", "Nguyễn Văn Hùng"]
    page = BeautifulSoup(response.content, "html.parser")
    first = page.select_one(".directory .contact-table tbody tr")
    assert "Trưởng phòng" in first.text and "Phòng Công nghệ thông tin" in first.text
    assert "0255 0000 311" in first.text and "0255 0000 319" in first.text
    assert page.select_one(".directory a[href='mailto:cntt@quangngai.gov.vn']")


def test_the_search_ignores_diacritics_and_matches_the_start_of_words(client, agency, units):
    assert names(directory(client, agency, q="nguyen van")) == ["Nguyễn Văn An", "Nguyễn Văn Hùng"]
    assert names(directory(client, agency, q="Nguyễn Văn")) == ["Nguyễn Văn An", "Nguyễn Văn Hùng"]
    assert names(directory(client, agency, q="dang thi")) == ["Đặng Thị Bích"]
    assert names(directory(client, agency, q="truong phong")) == ["Nguyễn Văn An", "Đặng Thị Bích"]
    assert names(directory(client, agency, q="an")) == ["Nguyễn Văn An", "Trần Thị Ánh"]
    assert names(directory(client, agency, q="cuong")) == []  # another site's official


def test_the_unit_filter_takes_the_unit_and_the_units_under_it(client, agency, units):
    division = units["division"]

    response = directory(client, agency, **{"don-vi": division.pk})
    assert names(response) == ["Nguyễn Văn An", "Đặng Thị Bích", "Lê Quốc Dũng"]
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("#directory-unit option[selected]")["value"] == str(division.pk)
    assert [option.text for option in page.select("#directory-unit option")] == [
        "Tất cả đơn vị",
        "Văn phòng Sở",
        "Phòng Công nghệ thông tin",
        "– Tổ An toàn thông tin",
    ]
    assert names(directory(client, agency, q="dung", **{"don-vi": division.pk})) == ["Lê Quốc Dũng"]
    assert names(directory(client, agency, q="hung", **{"don-vi": division.pk})) == []


def test_a_unit_of_another_site_is_no_filter(client, agency, other_agency, units):
    foreign = chart(other_agency).get_children().get().pk
    assert len(names(directory(client, agency, **{"don-vi": foreign}))) == 5


def test_the_directory_is_paginated_with_shareable_links(client, agency):
    add_unit(chart(agency), "Văn phòng Sở", [(f"Nguyễn Văn Số{number:02d}", "Chuyên viên") for number in range(30)])

    first = directory(client, agency, q="nguyen")
    assert len(names(first)) == DIRECTORY_PAGE_SIZE
    assert 'href="?q=nguyen&amp;page=2"' in first.text
    assert len(names(directory(client, agency, q="nguyen", page=2))) == 30 - DIRECTORY_PAGE_SIZE


def test_the_contact_page_keeps_the_focal_contacts_and_the_sites_details(client, agency, units):
    contacts = section(agency, "lien-he")
    contacts.contacts = [OfficialContact(name="Lê Văn Tâm", position="Phó Giám đốc", unit="Sở TT&TT")]
    contacts.save_revision().publish()

    text = directory(client, agency).text
    assert "Cán bộ, công chức đầu mối" in text and "Lê Văn Tâm" in text
    assert "Thông tin giao dịch" in text and "Danh bạ cán bộ, công chức" in text


def test_a_site_without_units_shows_no_directory(client, other_agency):
    assert "Danh bạ cán bộ, công chức" not in directory(client, other_agency).text


def test_the_english_directory_shows_english_titles_and_units(client, agency, units):
    english_division = translate_unit(
        units["division"], "Information Technology Division", "information-technology", ["Head", "Deputy Head"]
    )

    response = directory(client, agency, "en", q="nguyen van")
    assert names(response) == ["Nguyễn Văn An"]  # the office has no English version yet
    page = BeautifulSoup(response.content, "html.parser")
    row = page.select_one(".directory .contact-table tbody tr")
    assert "Head" in row.text and "Information Technology Division" in row.text
    official = english_division.officials.get(name="Nguyễn Văn An")
    assert row.select_one(f"a[href$='vcard/{official.pk}/']")
    assert page.html["lang"] == "en"


def test_the_directorys_queries_do_not_grow_with_its_officials(client, agency, units):
    def count():
        directory(client, agency, q="nguyen")
        with CaptureQueriesContext(connection) as captured:
            directory(client, agency, q="nguyen")
        return len(captured)

    few = count()
    add_unit(chart(agency), "Phòng Bưu chính", [(f"Nguyễn Thị Số{number:02d}", "Chuyên viên") for number in range(12)])
    add_unit(units["team"], "Nhóm Giám sát", [("Nguyễn Minh Khoa", "Chuyên viên")])
    assert count() == few
