"""vCards of units and officials, read back with vobject as an address book would."""

import pytest
import vobject

from organisation.vcards import fold, tel_uri

from .helpers import add_unit, chart, path, translate_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def department(portal):
    """Sở Nội vụ on the portal's chart with its office under it, and their officials."""
    unit = add_unit(
        chart(portal),
        "Sở Nội vụ",
        [("Tạ Công Dũng", "Giám đốc")],
        kind="so-nganh",
        address="Phường Cẩm Thành, tỉnh Quảng Ngãi",
        phone="0255 0000 200",
        fax="0255 0000 209",
        email="snv@quangngai.gov.vn",
        head_name="Tạ Công Dũng",
        head_title="Giám đốc",
    )
    office = add_unit(
        unit,
        "Văn phòng Sở",
        [
            {
                "name": "Nguyễn Thị Hồng Nhung",
                "title": "Chánh Văn phòng; kiêm Trưởng bộ phận tiếp nhận, trả kết quả",
                "phone": "0255 0000 201",
                "fax": "0255 0000 209",
                "email": "vp-snv@quangngai.gov.vn",
            }
        ],
        address="Phường Cẩm Thành, tỉnh Quảng Ngãi",
    )
    return unit, office


def fetch(client, agency, url):
    response = client.get(url, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    text = response.content.decode("utf-8")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    return vobject.readOne(text), text


def test_an_officials_vcard_has_name_title_unit_phones_email_address_and_page(client, portal, department):
    _unit, office = department
    official = office.officials.get()

    card, text = fetch(client, portal, f"{path(office)}vcard/{official.pk}/")

    assert card.version.value == "4.0" and card.kind.value == "individual"
    assert card.fn.value == "Nguyễn Thị Hồng Nhung"
    assert (card.n.value.family, card.n.value.given, card.n.value.additional) == ("Nguyễn", "Nhung", "Thị Hồng")
    assert card.title.value == "Chánh Văn phòng; kiêm Trưởng bộ phận tiếp nhận, trả kết quả"
    assert card.org.value == ["Ủy ban nhân dân tỉnh Quảng Ngãi", "Sở Nội vụ", "Văn phòng Sở"]
    phones = {tuple(sorted(tel.params["TYPE"])): tel.value for tel in card.contents["tel"]}
    assert phones == {("voice", "work"): "tel:+842550000201", ("fax", "work"): "tel:+842550000209"}
    assert card.email.value == "vp-snv@quangngai.gov.vn" and card.email.params["TYPE"] == ["work"]
    assert card.adr.value.street == "Phường Cẩm Thành, tỉnh Quảng Ngãi" and card.adr.value.country == "Việt Nam"
    assert card.url.value == f"http://{portal.site.hostname}{path(office)}"
    assert card.uid.value == f"urn:uuid:{official.translation_key}"
    assert "Hồng" in text  # UTF-8, not escaped


def test_a_units_vcard_is_an_organisation_card(client, portal, department):
    unit, _office = department

    card, _text = fetch(client, portal, f"{path(unit)}vcard/")

    assert card.kind.value == "org" and card.fn.value == "Sở Nội vụ"
    assert card.org.value == ["Ủy ban nhân dân tỉnh Quảng Ngãi", "Sở Nội vụ"]
    assert {tel.value for tel in card.contents["tel"]} == {"tel:+842550000200", "tel:+842550000209"}
    assert card.email.value == "snv@quangngai.gov.vn"
    assert card.note.value == "Người đứng đầu: Giám đốc Tạ Công Dũng"
    assert card.url.value == f"http://{portal.site.hostname}{path(unit)}"


def test_an_officials_vcard_is_only_at_their_own_unit(client, portal, department):
    unit, office = department
    response = client.get(f"{path(unit)}vcard/{office.officials.get().pk}/", HTTP_HOST=portal.site.hostname)
    assert response.status_code == 404


def test_the_english_vcard_speaks_english(client, portal, department):
    unit, _office = department
    english = translate_unit(unit, "Department of Home Affairs", "home-affairs", ["Director"])
    official = english.officials.get()

    card, _text = fetch(client, portal, f"/en/introduction/organisation/home-affairs/vcard/{official.pk}/")

    assert card.title.value == "Director" and card.fn.value == "Tạ Công Dũng"
    assert card.org.value == ["Quang Ngai Provincial People's Committee", "Department of Home Affairs"]
    assert card.url.value.endswith("/en/introduction/organisation/home-affairs/")


def test_phone_numbers_become_international_tel_uris_where_they_can():
    assert tel_uri("0255 0000 101") == "tel:+842550000101"
    assert tel_uri("0255.0000.101") == "tel:+842550000101"
    assert tel_uri("+84 255 0000 101") == "tel:+842550000101"
    assert tel_uri("0255 0000 101 (máy lẻ 12)") is None


def test_long_lines_fold_between_characters():
    line = "TITLE:" + "Trưởng phòng Công nghệ thông tin và Chuyển đổi số " * 3
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
