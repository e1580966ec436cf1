"""Plans, statistics, science programmes, commendations and sanctions (Điều 8.2.c, đ; 9.1.e, g): their sections on
every site, validation, posting limits (R10), the listings with filters and counts, the pages, the admin."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from publications.models import (
    CommendationIndexPage,
    CommendationPage,
    PlanIndexPage,
    PlanPage,
    ScienceIndexPage,
    ScienceProgrammePage,
    StatisticsIndexPage,
    StatisticsReportPage,
)
from tests.home.helpers import english, section

from .conftest import index_of, upload

pytestmark = pytest.mark.django_db

SECTIONS = [
    ("quy-hoach-ke-hoach-du-an", "chien-luoc-quy-hoach-ke-hoach", "strategies-and-plans", PlanIndexPage),
    ("quy-hoach-ke-hoach-du-an", "thong-ke", "statistics", StatisticsIndexPage),
    ("quy-hoach-ke-hoach-du-an", "khoa-hoc-cong-nghe", "science-and-technology", ScienceIndexPage),
    ("chi-dao-dieu-hanh", "khen-thuong-xu-ly-vi-pham", "commendations-and-sanctions", CommendationIndexPage),
]


def get(client, agency, url, **params):
    response = client.get(url, params, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200, url
    return response


@pytest.mark.parametrize("code", ["portal", "stttt", "tunghia"])
def test_every_site_has_the_four_sections_in_both_languages(client, code, portal, agency, other_agency):
    site = {"portal": portal, "stttt": agency, "tunghia": other_agency}[code]
    for parent_slug, slug, slug_en, model in SECTIONS:
        parent = section(site, parent_slug)
        page = parent.get_children().get(slug=slug).specific
        assert isinstance(page, model) and page.live
        translation = english(page)
        assert translation.slug == slug_en and translation.live
        assert get(client, site, page.relative_url(site.site)).status_code == 200
        assert translation.relative_url(site.site).startswith("/en/") and slug_en in translation.url
        get(client, site, translation.relative_url(site.site))


def test_each_kind_lives_only_in_its_own_section(agency):
    plans = index_of(agency, PlanPage)
    assert PlanPage.can_create_at(plans) and not StatisticsReportPage.can_create_at(plans)
    assert not PlanPage.can_create_at(section(agency, "tin-tuc"))
    assert not PlanIndexPage.can_create_at(plans.get_parent())  # one per section: it is there already


def test_a_plan_refuses_a_period_backwards_a_missing_decision_and_a_future_date(agency):
    plan = PlanPage(
        title="Kế hoạch",
        slug="ke-hoach",
        summary="Tóm tắt",
        kind="ke-hoach",
        period_start=2030,
        period_end=2026,
        status="da-phe-duyet",
        decision_number="",
        trigger_date=date(2999, 1, 1),
        issuing_body="UBND tỉnh",
    )
    with pytest.raises(ValidationError) as raised:
        plan.clean()
    assert set(raised.value.message_dict) == {"period_end", "decision_number", "trigger_date"}

    plan.period_end, plan.status, plan.trigger_date = 2030, "du-thao", date(2026, 1, 5)
    plan.clean()  # a draft needs no approving decision yet


@pytest.mark.parametrize(
    ("model", "trigger", "due"),
    [
        # 121/KH-UBND: 1 January is a holiday, 2 January was given off and Saturday 10 January worked for it.
        (PlanPage, date(2025, 12, 31), date(2026, 1, 15)),
        # The Friday before Tết Bính Ngọ (16–20 February 2026 off).
        (StatisticsReportPage, date(2026, 2, 13), date(2026, 3, 6)),
        (ScienceProgrammePage, date(2026, 2, 13), date(2026, 3, 20)),
    ],
)
def test_posting_due_counts_working_days_past_holidays(model, trigger, due):
    page = model(trigger_date=trigger)
    assert page.posting_due == due
    assert (model.POSTING_CATEGORY, model.POSTING_LIMIT) == {
        PlanPage: ("plans", 10),
        StatisticsReportPage: ("statistics", 10),
        ScienceProgrammePage: ("science", 20),
    }[model]
    assert model._meta.get_field("trigger_date").db_index and not model._meta.get_field("trigger_date").blank


def test_commendations_have_no_posting_limit():
    assert not hasattr(CommendationPage, "posting_due")


def test_the_listing_is_newest_first_with_facts_and_files(client, agency, publish):
    publish(agency, PlanPage, "Kế hoạch chuyển đổi số năm 2026", files=["ke-hoach-121.pdf"])
    publish(
        agency,
        PlanPage,
        "Kế hoạch phát triển kinh tế - xã hội 5 năm 2026 - 2030",
        period_start=2026,
        period_end=2030,
        decision_number="47/NQ-HĐND",
        trigger_date=date(2025, 12, 10),
        issuing_body="HĐND tỉnh Quảng Ngãi",
    )
    publish(agency, PlanPage, "Bản nháp chưa xuất bản", live=False)

    html = get(client, agency, "/quy-hoach-ke-hoach-du-an/chien-luoc-quy-hoach-ke-hoach/").text

    assert "2 mục" in html and "Bản nháp" not in html
    assert html.index("chuyển đổi số năm 2026") < html.index("5 năm 2026 - 2030")
    assert "121/KH-UBND ngày 31/12/2025" in html and "47/NQ-HĐND ngày 10/12/2025" in html
    assert "Thời kỳ: 2026–2030" in html and "Tình trạng: Đã phê duyệt" in html
    assert "ke-hoach-121.pdf" in html and "(PDF, " in html


def test_filters_have_counts_and_shareable_urls(client, agency, publish):
    publish(agency, PlanPage, "Kế hoạch A", trigger_date=date(2025, 12, 31))
    publish(agency, PlanPage, "Quy hoạch B", kind="quy-hoach", trigger_date=date(2024, 3, 1), period_end=2030)
    publish(agency, PlanPage, "Dự thảo C", status="du-thao", decision_number="", trigger_date=date(2025, 6, 2))
    url = "/quy-hoach-ke-hoach-du-an/chien-luoc-quy-hoach-ke-hoach/"

    everything = get(client, agency, url).context["listing"]
    assert {facet["name"]: [(o["label"], o["count"]) for o in facet["options"]] for facet in everything.facets} == {
        "year": [("2025", 2), ("2024", 1)],
        "kind": [("Quy hoạch", 1), ("Kế hoạch", 2)],
        "status": [("Dự thảo", 1), ("Đã phê duyệt", 2)],
    }

    response = get(client, agency, url, nam="2025", **{"trang-thai": "da-phe-duyet"})
    listing = response.context["listing"]
    assert [page.title for page in listing.results] == ["Kế hoạch A"]
    facets = {facet["name"]: {o["value"]: o["count"] for o in facet["options"]} for facet in listing.facets}
    assert facets["year"] == {"2025": 1, "2024": 1}  # other years, under the status chosen
    assert facets["status"] == {"du-thao": 1, "da-phe-duyet": 1}  # other statuses, in the year chosen
    assert "trang-thai=da-phe-duyet" in response.text and 'aria-current="true"' in response.text

    # Unknown values are ignored, not errors.
    assert get(client, agency, url, nam="abc", loai="khong-co").context["listing"].total == 3


def test_the_listing_pages_through_twenty_at_a_time(client, agency, publish):
    for day in range(1, 23):
        publish(agency, CommendationPage, f"Khen thưởng {day:02d}", decided_on=date(2026, 1, day))

    first = get(client, agency, "/chi-dao-dieu-hanh/khen-thuong-xu-ly-vi-pham/").context["listing"].results
    second = get(client, agency, "/chi-dao-dieu-hanh/khen-thuong-xu-ly-vi-pham/", page="2").context["listing"].results

    assert first.paginator.count == 22 and len(first) == 20 and len(second) == 2
    assert first[0].title == "Khen thưởng 22" and second[1].title == "Khen thưởng 01"


def test_listing_query_count_does_not_grow_with_items(client, agency, publish):
    def count():
        get(client, agency, "/quy-hoach-ke-hoach-du-an/khoa-hoc-cong-nghe/")
        with CaptureQueriesContext(connection) as captured:
            get(client, agency, "/quy-hoach-ke-hoach-du-an/khoa-hoc-cong-nghe/")
        return len(captured)

    publish(agency, ScienceProgrammePage, "Đề tài 1", files=["a.pdf"])
    few = count()
    for number in range(2, 8):
        publish(agency, ScienceProgrammePage, f"Đề tài {number}", files=["a.pdf", "b.pdf"], status="nghiem-thu")
    assert count() == few


def test_a_site_lists_only_its_own(client, agency, other_agency, publish):
    publish(other_agency, StatisticsReportPage, "Báo cáo của xã", files=["x.pdf"])
    publish(agency, StatisticsReportPage, "Báo cáo của sở", files=["y.pdf"])

    html = get(client, agency, "/quy-hoach-ke-hoach-du-an/thong-ke/").text

    assert "Báo cáo của sở" in html and "Báo cáo của xã" not in html


def test_the_english_listing_shows_translations_and_untranslated_items_in_vietnamese(client, agency, publish):
    translated = publish(agency, StatisticsReportPage, "Báo cáo quý III", files=["q3.pdf"])
    publish(agency, StatisticsReportPage, "Báo cáo quý II", trigger_date=date(2026, 7, 6), files=["q2.pdf"])
    copy = translated.copy_for_translation(Locale.objects.get(language_code="en"))
    copy.title, copy.summary, copy.period = "Third-quarter report", "Summary in English", "Q3 2026"
    copy.save_revision().publish()

    html = get(client, agency, "/en/plans-and-projects/statistics/").text

    assert "Third-quarter report" in html and "Báo cáo quý III" not in html
    assert 'lang="vi" hreflang="vi">Báo cáo quý II</a>' in html


def test_an_item_page_shows_its_facts_summary_and_files_with_type_and_size(client, agency, publish):
    page = publish(
        agency,
        CommendationPage,
        "Xử phạt vi phạm hành chính",
        kind="xu-ly-vi-pham",
        subject="Công ty TNHH Minh họa",
        decision_number="15/QĐ-XPHC",
        decided_on=date(2026, 4, 2),
        files=["qd-15.pdf"],
    )

    html = get(client, agency, page.relative_url(agency.site)).text

    assert "Xử lý vi phạm" in html and "Công ty TNHH Minh họa" in html
    assert "15/QĐ-XPHC ngày 02/04/2026" in html and "Tóm tắt: Xử phạt vi phạm hành chính" in html
    assert f'href="{page.file.url}"' in html and "(PDF, " in html


def test_the_bbt_publishes_a_plan_from_the_page_editor_with_its_files(client, agency, moderator):
    client.force_login(moderator)
    index = index_of(agency, PlanPage)
    file = upload(agency, "quy-hoach.pdf")
    url = reverse("wagtailadmin_pages:add", args=("publications", "planpage", index.pk))
    assert client.get(url).status_code == 200

    data = nested_form_data(
        {
            "title": "Quy hoạch tỉnh thời kỳ 2021-2030",
            "slug": "quy-hoach-tinh",
            "kind": "quy-hoach",
            "status": "dang-thuc-hien",
            "period_start": "2021",
            "period_end": "2030",
            "issuing_body": "Thủ tướng Chính phủ",
            "decision_number": "1456/QĐ-TTg",
            "trigger_date": "2023-11-22",
            "summary": "Quy hoạch minh họa.",
            "body": rich_text("<p>Nội dung</p>"),
            "files": inline_formset([{"document": file.pk, "title": "Toàn văn"}]),
            "seo_title": "",
            "search_description": "",
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)

    assert response.status_code == 302, response.context and response.context["form"].errors
    plan = PlanPage.objects.get(slug="quy-hoach-tinh")
    assert plan.live and plan.get_parent().pk == index.pk
    assert [(row.label, row.document_id) for row in plan.files.all()] == [("Toàn văn", file.pk)]


def test_editors_of_another_site_cannot_add_to_these_sections(client, agency, other_agency, make_user):
    stranger = make_user("bientap_tunghia", other_agency.editors)
    client.force_login(stranger)
    index = index_of(agency, ScienceProgrammePage)

    url = reverse("wagtailadmin_pages:add", args=("publications", "scienceprogrammepage", index.pk))

    assert client.get(url).status_code in (302, 403)
    assert not Page.objects.get(pk=index.pk).permissions_for_user(stranger).can_add_subpage()
