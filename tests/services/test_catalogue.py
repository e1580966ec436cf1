"""The procedures catalogue (R7, Điều 12.3): without diacritics, filters with counts, one site or every site."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from services.models import Channel, DossierComponent, ProcedurePage, Sector
from tests.home.helpers import section

pytestmark = pytest.mark.django_db


def make_procedure(agency, title, sector="Thành lập và hoạt động của hộ kinh doanh", **fields):
    catalogue = section(agency, "thu-tuc-hanh-chinh")
    values = {
        "code": "1.001612.000.00.00.H48",
        "government_level": "cap-xa",
        "implementing_agency": "Ủy ban nhân dân xã",
        "applicants": "Cá nhân, hộ gia đình",
        "steps": "<p>Nộp hồ sơ tại Trung tâm Phục vụ hành chính công.</p>",
        "result": "Giấy chứng nhận đăng ký hộ kinh doanh",
        **fields,
    }
    page = ProcedurePage(
        title=title,
        sector=Sector.objects.get_or_create(name=sector)[0],
        channels=[
            Channel(kind="truc-tuyen", working_days=3, fee="100.000 đồng"),
            Channel(kind="truc-tiep", working_days=3),
        ],
        components=[DossierComponent(name="Giấy đề nghị đăng ký hộ kinh doanh")],
        **values,
    )
    catalogue.add_child(instance=page)
    page.save_revision().publish()
    return page


def get(client, agency, path="/thu-tuc-hanh-chinh/", **params):
    response = client.get(path, params, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return response


def titles(response) -> list[str]:
    return [procedure.title for procedure in response.context["catalogue"].results]


def test_a_procedure_is_found_without_diacritics_on_its_site_and_on_the_portal(client, portal, other_agency):
    make_procedure(other_agency, "Đăng ký thành lập hộ kinh doanh", online_service="toan-trinh")
    make_procedure(other_agency, "Đăng ký khai sinh", sector="Hộ tịch", result="Giấy khai sinh", applicants="Cá nhân")

    assert titles(get(client, other_agency, q="dang ky ho kinh doanh")) == ["Đăng ký thành lập hộ kinh doanh"]
    on_portal = get(client, portal, q="dang ky ho kinh doanh")
    assert titles(on_portal) == ["Đăng ký thành lập hộ kinh doanh"]
    assert "Xã Tư Nghĩa" in on_portal.text  # the agency, on the portal
    assert titles(get(client, portal, q="1.001612")) == ["Đăng ký khai sinh", "Đăng ký thành lập hộ kinh doanh"]


def test_filters_have_counts_under_the_other_filters(client, agency, other_agency):
    make_procedure(other_agency, "Đăng ký thành lập hộ kinh doanh", online_service="toan-trinh")
    make_procedure(other_agency, "Đăng ký khai sinh", sector="Hộ tịch", online_service="toan-trinh")
    make_procedure(other_agency, "Chứng thực bản sao từ bản chính", sector="Chứng thực")
    make_procedure(agency, "Cấp giấy phép xuất bản bản tin", sector="Xuất bản", government_level="cap-tinh")

    response = get(client, other_agency, **{"dich-vu": "toan-trinh"})
    found = response.context["catalogue"]
    facets = {
        facet["name"]: {option["label"]: option["count"] for option in facet["options"]} for facet in found.facets
    }
    assert titles(response) == ["Đăng ký khai sinh", "Đăng ký thành lập hộ kinh doanh"]  # Vietnamese order
    assert facets["online"] == {"Dịch vụ công trực tuyến toàn trình": 2, "Chưa có dịch vụ công trực tuyến": 1}
    assert facets["sector"] == {"Hộ tịch": 1, "Thành lập và hoạt động của hộ kinh doanh": 1}
    assert "Cấp giấy phép xuất bản" not in response.text  # another site's


def test_the_catalogue_takes_the_same_queries_however_many_procedures(client, portal, other_agency):
    def queries():
        get(client, portal)
        with CaptureQueriesContext(connection) as captured:
            get(client, portal)
        return len(captured)

    make_procedure(other_agency, "Thủ tục 1")
    few = queries()
    for number in range(2, 8):
        make_procedure(other_agency, f"Thủ tục {number}", sector=f"Lĩnh vực {number}")
    assert queries() == few


def test_the_procedure_page_shows_what_it_takes(client, other_agency):
    procedure = make_procedure(
        other_agency,
        "Đăng ký thành lập hộ kinh doanh",
        online_service="mot-phan",
        partial_reason="Kết quả nhận trực tiếp để ký nhận bản gốc.",
        legal_basis_text="Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp",
    )
    page = client.get(procedure.url, HTTP_HOST=other_agency.site.hostname).text

    for text in ("1.001612.000.00.00.H48", "100.000 đồng", "Giấy đề nghị đăng ký hộ kinh doanh", "ký nhận bản gốc",
                 "Nghị định 168/2025/NĐ-CP", "3 ngày làm việc"):  # fmt: skip
        assert text in page


def test_a_partial_online_service_must_publish_its_reason(other_agency):
    procedure = ProcedurePage(title="Thủ tục", online_service="mot-phan", partial_reason="")
    with pytest.raises(ValidationError) as refusal:
        procedure.clean()
    assert "partial_reason" in refusal.value.message_dict


def test_the_english_catalogue_lists_the_translated_procedures(client, other_agency):
    procedure = make_procedure(
        other_agency, "Chứng thực bản sao từ bản chính", sector="Chứng thực", used_by_foreigners=True
    )
    make_procedure(other_agency, "Đăng ký khai sinh", sector="Hộ tịch")
    english = procedure.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Certifying copies from originals"
    english.save_revision().publish()

    response = get(client, other_agency, "/en/administrative-procedures/")
    assert titles(response) == ["Certifying copies from originals", "Đăng ký khai sinh"]


with translation.override("en"):
    NO_ENGLISH = gettext("Chưa có bản tiếng Anh; trang này bằng tiếng Việt.")


def test_a_procedure_without_english_is_on_the_english_catalogue_in_vietnamese(client, portal, other_agency):
    """Not translated yet, it is still listed, says it has no English version and links to the Vietnamese page."""
    procedure = make_procedure(other_agency, "Đăng ký khai sinh", sector="Hộ tịch")
    draft_only = make_procedure(other_agency, "Chứng thực bản sao từ bản chính", sector="Chứng thực")
    english_draft = draft_only.copy_for_translation(Locale.objects.get(language_code="en"))
    english_draft.title = "Certifying copies from originals"
    english_draft.save_revision()  # not published: the Vietnamese page is listed

    for site in (other_agency, portal):
        response = get(client, site, "/en/administrative-procedures/")
        assert titles(response) == ["Chứng thực bản sao từ bản chính", "Đăng ký khai sinh"]
        link = re.search(rf'<a [^>]*href="[^"]*/{procedure.slug}/"[^>]*>', response.text).group()
        assert 'lang="vi"' in link and 'hreflang="vi"' in link
        assert response.text.count(NO_ENGLISH) == 2
    assert NO_ENGLISH not in get(client, other_agency).text
    assert titles(get(client, other_agency, "/en/administrative-procedures/", q="khai sinh")) == ["Đăng ký khai sinh"]


def test_the_portals_english_catalogue_names_agencies_in_english(client, portal, other_agency):
    procedure = make_procedure(other_agency, "Chứng thực bản sao từ bản chính", used_by_foreigners=True)
    english = procedure.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Certifying copies from originals"
    english.save_revision().publish()

    response = get(client, portal, "/en/administrative-procedures/")

    agencies = next(facet for facet in response.context["catalogue"].facets if facet["name"] == "agency")
    assert [option["label"] for option in agencies["options"]] == ["Tu Nghia Commune"]
    assert "Tu Nghia Commune" in response.text and "Xã Tư Nghĩa" not in response.text
    assert "Xã Tư Nghĩa" in get(client, portal, q="chung thuc").text


def test_words_without_diacritics_search_wagtails_index_under_the_filters_and_pages(client, monkeypatch, other_agency):
    """The words go to Wagtail's search backend (whole words, every one, đ folded to d); the filters, their counts
    and the paging apply to what it found."""
    monkeypatch.setattr("services.catalogue.PAGE_SIZE", 2)
    for number in (1, 2, 3):
        make_procedure(other_agency, f"Thủ tục đất đai số {number}", sector="Đất đai", code=f"1.00{number}")
    make_procedure(other_agency, "Đăng ký đất đai lần đầu", sector="Đăng ký đất đai", code="1.004")
    make_procedure(other_agency, "Thủ tục hộ tịch", sector="Hộ tịch", code="1.005")
    draft = make_procedure(other_agency, "Thủ tục đất đai chưa công khai", sector="Đất đai", code="1.006")
    draft.unpublish()

    found = get(client, other_agency, q="thu tuc dat dai").context["catalogue"]
    assert titles_of(found) == ["Thủ tục đất đai số 1", "Thủ tục đất đai số 2"]
    assert found.results.paginator.count == 3
    assert counts(found, "sector") == {"Đất đai": 3}

    second = get(client, other_agency, q="THU TUC DAT DAI", page="2").context["catalogue"]
    assert titles_of(second) == ["Thủ tục đất đai số 3"]

    found = get(client, other_agency, q="dat dai", **{"linh-vuc": "dang-ky-dat-dai"}).context["catalogue"]
    assert titles_of(found) == ["Đăng ký đất đai lần đầu"]
    assert counts(found, "sector") == {"Đăng ký đất đai": 1, "Đất đai": 3}  # the other sectors' counts stay

    assert titles_of(get(client, other_agency, q="dat da").context["catalogue"]) == []  # whole words


def test_a_searched_catalogue_takes_the_same_queries_however_many_procedures_match(client, portal, other_agency):
    def queries():
        get(client, portal, q="thu tuc")
        with CaptureQueriesContext(connection) as captured:
            get(client, portal, q="thu tuc")
        return len(captured)

    make_procedure(other_agency, "Thủ tục 1")
    few = queries()
    for number in range(2, 8):
        make_procedure(other_agency, f"Thủ tục {number}", sector=f"Lĩnh vực {number}")
    assert queries() == few


def test_a_change_to_a_published_procedure_is_found_once_published(client, other_agency):
    procedure = make_procedure(other_agency, "Cấp giấy phép xây dựng")
    procedure.title = "Cấp giấy phép sửa chữa nhà ở"
    procedure.save_revision()
    assert titles(get(client, other_agency, q="sua chua nha")) == []  # a draft is not searched

    procedure.get_latest_revision().publish()
    assert titles(get(client, other_agency, q="sua chua nha")) == ["Cấp giấy phép sửa chữa nhà ở"]
    assert titles(get(client, other_agency, q="xay dung")) == []


def titles_of(catalogue) -> list[str]:
    return [procedure.title for procedure in catalogue.results]


def counts(catalogue, name: str) -> dict:
    facet = next(facet for facet in catalogue.facets if facet["name"] == name)
    return {str(option["label"]): option["count"] for option in facet["options"]}


def test_the_catalogue_is_in_vietnamese_dictionary_order_across_its_pages(client, monkeypatch, other_agency):
    """Ă and Â after A, Đ after D (so "Đăng ký" after "Dừng"), Ô and Ơ after O, Ư after U, tones after letters:
    the database sorts (an ICU collation on PostgreSQL) and each page is the next part of that order."""
    monkeypatch.setattr("services.catalogue.PAGE_SIZE", 4)
    in_order = [
        "An táng: hỗ trợ chi phí",
        "Ăn uống: cấp giấy chứng nhận",
        "Âm nhạc: cấp phép biểu diễn",
        "Cấp đổi giấy phép lái xe",
        "Cấp lại giấy phép lái xe",
        "Dừng hoạt động cơ sở giáo dục",
        "Đăng ký khai sinh",
        "Ổn định dân cư",
        "Ơn nghĩa: tặng quà người có công",
        "Ủy quyền đăng ký hộ tịch",
        "Ưu đãi đầu tư",
    ]
    for number, title in enumerate(reversed(in_order)):
        make_procedure(other_agency, title, code=f"1.00{number}")

    pages = [titles(get(client, other_agency, page=str(number))) for number in (1, 2, 3)]
    assert [len(page) for page in pages] == [4, 4, 3]
    assert sum(pages, []) == in_order
    assert titles(get(client, other_agency, q="cap giay phep lai xe")) == in_order[3:5]


def test_the_catalogue_and_its_search_take_the_same_queries_at_3_and_30_procedures(client, portal, other_agency):
    """Listing, filtering, searching and paging: the count, the facets and the page are each one query, however
    many procedures there are or match."""
    requests = [
        (portal, {}),
        (other_agency, {}),
        (portal, {"q": "thu tuc", "page": "2"}),
        (other_agency, {"q": "Thủ tục", "cap": "cap-xa", "dich-vu": "toan-trinh"}),
        (portal, {"linh-vuc": "ho-tich", "co-quan": other_agency.code}),
    ]

    def queries() -> list[int]:
        counted = []
        for site, params in requests:
            get(client, site, **params)
            with CaptureQueriesContext(connection) as captured:
                get(client, site, **params)
            counted.append(len(captured))
        return counted

    def add(numbers: range) -> None:
        for number in numbers:
            sector = ("Hộ tịch", "Chứng thực", "Đất đai")[number % 3]
            online = ("toan-trinh", "mot-phan", "khong")[number % 3]
            make_procedure(other_agency, f"Thủ tục {number}", sector=sector, code=f"1.{number:03d}",
                           online_service=online, partial_reason="Nhận kết quả trực tiếp.")  # fmt: skip

    add(range(3))
    few = queries()
    add(range(3, 30))
    assert queries() == few
    found = get(client, portal, q="thu tuc").context["catalogue"]
    assert found.results.paginator.count == 30
    assert counts(found, "sector") == {"Chứng thực": 10, "Hộ tịch": 10, "Đất đai": 10}
