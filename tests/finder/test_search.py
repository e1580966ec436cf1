"""The results page at /tim-kiem/ (/en/search/): everything public, without diacritics, grouped by kind with
counts, filtered by kind and (on the portal) by site, the portal spanning every site, in a constant number of
queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from feedback import handling
from feedback.models import Question
from tests.home.helpers import add_page, section
from tests.services.test_catalogue import make_procedure

from .helpers import add_news, search, titles

pytestmark = pytest.mark.django_db


def test_the_query_without_diacritics_finds_what_the_query_with_them_finds(client, agency):
    add_news(agency, "Chuyển đổi số trong cơ quan nhà nước")
    add_news(agency, "Đường Hùng Vương được mở rộng", text="Dự án giao thông.")

    assert titles(search(client, agency, q="chuyen doi so")) == ["Chuyển đổi số trong cơ quan nhà nước"]
    assert titles(search(client, agency, q="CHUYỂN ĐỔI SỐ")) == ["Chuyển đổi số trong cơ quan nhà nước"]
    assert titles(search(client, agency, q="duong hung vuong")) == ["Đường Hùng Vương được mở rộng"]
    assert titles(search(client, agency, q="du an giao thong")) == ["Đường Hùng Vương được mở rộng"]  # body text


def test_the_portal_finds_every_sites_procedures_questions_and_pages_each_on_its_own_host(
    client, portal, agency, other_agency, moderator
):
    birth = make_procedure(other_agency, "Đăng ký khai sinh", sector="Hộ tịch")
    question = Question.objects.create(
        agency=agency, name="Lê Thị Hoa", email="hoa@example.vn", title="Hỏi về khai sinh trực tuyến", body="Xin hỏi."
    )
    handling.answer(question, moderator, "Trả lời.")
    handling.publish(question, moderator)

    response = search(client, portal, q="khai sinh")

    results = {result.title: result for result in response.context["results"]}
    procedure = results["Đăng ký khai sinh"]
    assert procedure.url == birth.get_full_url() and procedure.url.startswith(f"http://{other_agency.site.hostname}/")
    assert procedure.agency == other_agency and procedure.kind_label == "Thủ tục hành chính"
    answer = results["Hỏi về khai sinh trực tuyến"]
    assert answer.url == f"http://{agency.site.hostname}/hoi-dap/{question.pk}/" and answer.kind == "hoi-dap"
    assert "Xã Tư Nghĩa" in response.text and f'href="{procedure.url}"' in response.text
    # An agency's site searches itself only.
    assert titles(search(client, agency, q="khai sinh")) == ["Hỏi về khai sinh trực tuyến"]


def test_results_are_grouped_by_kind_with_counts_and_links_that_filter(client, agency):
    add_news(agency, "Hội nghị về cải cách hành chính")
    add_news(agency, "Kết quả cải cách hành chính năm 2025")
    add_page(section(agency, "gioi-thieu"), "Cải cách hành chính tại Sở", slug="cai-cach-hanh-chinh")

    response = search(client, agency, q="cai cach hanh chinh")

    kinds = {kind["slug"]: kind["count"] for kind in response.context["search"].kinds}
    assert kinds == {"tin-tuc": 2, "trang": 1}
    assert "?q=cai+cach+hanh+chinh&amp;loai=tin-tuc" in response.text and "Tin tức <span" in response.text
    narrowed = search(client, agency, q="cai cach hanh chinh", loai="trang")
    assert titles(narrowed) == ["Cải cách hành chính tại Sở"]
    assert narrowed.context["search"].kinds[0]["count"] == 2  # the other kinds keep their counts


def test_the_portal_filters_by_site_and_counts_each(client, portal, agency, other_agency):
    add_news(agency, "Ngày hội chuyển đổi số của Sở")
    add_news(other_agency, "Chuyển đổi số ở xã Tư Nghĩa")

    response = search(client, portal, q="chuyen doi so")
    sites = {row["param"]: row["count"] for row in response.context["search"].site_counts}
    assert sites == {"stttt": 1, "tunghia": 1}
    assert titles(search(client, portal, q="chuyen doi so", trang="tunghia")) == ["Chuyển đổi số ở xã Tư Nghĩa"]


def test_exact_title_first_then_relevance_then_newest(client, agency):
    now = timezone.now()
    add_news(
        agency, "Tin khác nhắc dịch vụ công", text="dịch vụ công trực tuyến", date=now - datetime.timedelta(days=1)
    )
    add_news(agency, "Dịch vụ công trực tuyến", date=now - datetime.timedelta(days=30))
    add_news(agency, "Hướng dẫn", text="dịch vụ công trực tuyến", date=now)

    assert titles(search(client, agency, q="dich vu cong truc tuyen"))[0] == "Dịch vụ công trực tuyến"


def test_drafts_private_pages_and_unpublished_questions_are_never_found(client, portal, agency, moderator):
    draft = add_news(agency, "Bí mật nháp")
    draft.unpublish()
    hidden = add_page(section(agency, "gioi-thieu"), "Bí mật nội bộ", slug="bi-mat")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    Question.objects.create(agency=agency, name="Lê Thị Hoa", email="hoa@example.vn", title="Bí mật câu hỏi", body=".")

    assert titles(search(client, agency, q="bi mat")) == []
    assert titles(search(client, portal, q="bi mat")) == []


def test_english_pages_search_english_content(client, agency):
    page = add_news(agency, "Hội thảo an toàn thông tin")
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Information security workshop", "information-security-workshop"
    english.save_revision().publish()

    response = search(client, agency, "en", q="security workshop")
    assert titles(response) == ["Information security workshop"]
    assert response.context["results"][0].url == (
        f"http://{agency.site.hostname}/en/news/information-security-workshop/"
    )
    assert titles(search(client, agency, "en", q="an toan thong tin")) == []


def test_no_result_says_so_and_suggests(client, agency):
    response = search(client, agency, q="khong co gi ca")
    assert "Không tìm thấy kết quả nào cho “khong co gi ca”." in response.text
    assert "?q=co%20gi%20ca" in response.text  # one word fewer
    assert 'href="/van-ban/"' in response.text  # the sections


def test_the_results_page_query_count_does_not_grow_with_results(client, portal, agency, other_agency):
    def count():
        search(client, portal, q="ke hoach")
        with CaptureQueriesContext(connection) as captured:
            search(client, portal, q="ke hoach")
        return len(captured)

    add_news(agency, "Kế hoạch số 1")
    few = count()
    for number in range(12):
        add_news(agency if number % 2 else other_agency, f"Kế hoạch số {number + 2}")
    assert count() == few


def test_a_search_is_answered_from_the_cache_until_the_index_changes(client, agency):
    add_news(agency, "Kế hoạch số 1")
    search(client, agency, q="ke hoach")
    with CaptureQueriesContext(connection) as captured:
        search(client, agency, q="ke hoach")
    assert not any("finder_searchentry" in query["sql"] for query in captured)  # counts and page from the cache

    add_news(agency, "Kế hoạch số 2")
    assert {"Kế hoạch số 2", "Kế hoạch số 1"} <= set(titles(search(client, agency, q="ke hoach")))
