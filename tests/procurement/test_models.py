"""Projects and notices: the posting limit (R10), the stages around their boundaries in Python and in SQL alike,
the editor's validation in Vietnamese, and what a save keeps up to date."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text

from procurement.models import NoticePage, ProjectPage
from procurement.stages import Stage, stage_condition, stage_of

from .conftest import notice_fields, procurement_section, vn_time


def test_projects_and_notices_take_the_posting_convention(make_notice, make_project, agency):
    # Friday 24/04/2026: Monday 27/04 is given for Hùng Kings day (Sunday 26/04), 30/04 and 01/05 are holidays.
    notice = make_notice(agency, trigger_date=date(2026, 4, 24), issued_on=date(2026, 4, 24))
    project = make_project(agency, trigger_date=date(2026, 4, 24))

    for item in (notice, project):
        assert item.POSTING_CATEGORY == "procurement" and item.POSTING_LIMIT == 10
        assert item.posting_due == date(2026, 5, 13)
    assert NoticePage._meta.get_field("trigger_date").db_index
    assert ProjectPage._meta.get_field("trigger_date").db_index


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (timedelta(days=5), Stage.OPEN),
        (timedelta(days=3, seconds=1), Stage.OPEN),
        (timedelta(days=3), Stage.CLOSING_SOON),
        (timedelta(seconds=1), Stage.CLOSING_SOON),
        (timedelta(0), Stage.CLOSED),
        (-timedelta(days=1), Stage.CLOSED),
    ],
)
def test_stage_from_the_closing_time_in_python_and_sql(make_notice, agency, offset, expected):
    now = vn_time(timezone.localdate(), 16, 30)
    started = timezone.localdate() - timedelta(days=20)
    notice = make_notice(agency, closes_at=now + offset, issued_on=started, trigger_date=started)

    assert stage_of(notice.closes_at, False, now) == expected
    assert notice.stage(now) == expected
    matching = [stage for stage in Stage if NoticePage.objects.filter(stage_condition(stage, now), pk=notice.pk)]
    assert matching == [expected]


def test_a_cancelled_notice_is_cancelled_whatever_its_dates_and_a_plan_has_no_stage(make_notice, agency):
    now = timezone.now()
    cancelled = make_notice(agency, status="da-huy", status_note="Hủy để sửa hồ sơ mời thầu.")
    plan = make_notice(agency, kind="ke-hoach-lcnt", closes_at=None)

    assert cancelled.stage(now) == Stage.CANCELLED
    assert list(NoticePage.objects.filter(stage_condition(Stage.CANCELLED, now))) == [cancelled]
    assert plan.stage(now) == ""
    assert not any(NoticePage.objects.filter(stage_condition(stage, now), pk=plan.pk) for stage in Stage)


def test_a_save_records_the_agency_the_listing_and_the_folded_text(make_notice, portal, agency):
    notice = make_notice(agency, title="Gói thầu Đường Trà Bồng – Sơn Hà")

    assert notice.agency == agency and notice.listed
    assert " duong tra bong son ha " in notice.search_text
    assert notice.investor_key == "ban-quan-ly-du-an-dau-tu-xay-dung-cac-cong-trinh-giao-thong-tinh"
    notice.unpublish()
    notice.refresh_from_db()
    assert not notice.listed


def full_clean_errors(**fields) -> dict:
    page = NoticePage(slug="kiem-tra", **notice_fields(**fields))
    with pytest.raises(ValidationError) as raised:
        page.clean()
    return raised.value.message_dict


def test_validation_of_the_dates_in_vietnamese():
    today = timezone.localdate()

    assert full_clean_errors(closes_at=vn_time(today - timedelta(days=10)), issued_on=today - timedelta(days=10)) == {
        "closes_at": ["Thời điểm đóng thầu phải sau ngày đăng tải thông báo."]
    }
    closes = vn_time(today + timedelta(days=5))
    assert full_clean_errors(closes_at=closes, opens_at=closes - timedelta(minutes=1)) == {
        "opens_at": ["Thời điểm mở thầu không được trước thời điểm đóng thầu."]
    }
    assert full_clean_errors(closes_at=None) == {
        "closes_at": ["Thông báo mời thầu, mời quan tâm, sơ tuyển, chào hàng phải có thời điểm đóng thầu."]
    }
    assert full_clean_errors(trigger_date=today) == {"trigger_date": ["Ngày phê duyệt không được sau ngày đăng tải."]}
    # Opening at the closing time itself is the usual case, and valid.
    NoticePage(slug="hop-le", **notice_fields(opens_at=closes, closes_at=closes)).clean()


def test_validation_of_results_and_status():
    errors = full_clean_errors(kind="ket-qua-lcnt", closes_at=None, winner="", winning_price=None, status="da-huy")

    assert errors == {
        "winner": ["Kết quả lựa chọn nhà thầu phải ghi nhà thầu trúng thầu."],
        "winning_price": ["Kết quả lựa chọn nhà thầu phải ghi giá trúng thầu."],
        "status_note": ["Hãy ghi lý do sửa đổi, gia hạn hoặc hủy."],
    }


def test_the_editor_shows_the_errors_and_saves_a_valid_notice(client, agency, editor):
    client.force_login(editor)
    section = procurement_section(agency)
    url = reverse("wagtailadmin_pages:add", args=("procurement", "noticepage", section.pk))
    today = timezone.localdate()
    data = {
        "title": "Thông báo mời thầu gói thầu TV-02",
        "slug": "tbmt-tv-02",
        "kind": "moi-thau",
        "status": "da-dang",
        "status_note": "",
        "project": "",
        "investor": "Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và PTNT tỉnh",
        "package_name": "Tư vấn giám sát thi công",
        "package_number": "TV-02",
        "notice_number": "",
        "field": "tu-van",
        "method": "chao-hang-canh-tranh",
        "package_price": "850000000",
        "trigger_date": (today - timedelta(days=3)).strftime("%Y-%m-%d"),
        "issued_on": (today - timedelta(days=2)).strftime("%Y-%m-%d"),
        "closes_at": (today - timedelta(days=2)).strftime("%Y-%m-%d 09:00"),
        "opens_at": "",
        "winner": "",
        "winning_price": "",
        "summary": "Chào hàng cạnh tranh gói tư vấn giám sát.",
        "body": rich_text(""),
        "files-TOTAL_FORMS": "0",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "seo_title": "",
        "search_description": "",
    }

    refused = client.post(url, nested_form_data(data))

    assert refused.status_code == 200
    assert "Thời điểm đóng thầu phải sau ngày đăng tải thông báo." in refused.text
    assert not NoticePage.objects.filter(package_number="TV-02").exists()

    data["closes_at"] = (today + timedelta(days=8)).strftime("%Y-%m-%d 09:00")
    saved = client.post(url, nested_form_data(data))

    assert saved.status_code == 302, saved.context["form"].errors
    notice = NoticePage.objects.get(package_number="TV-02")
    assert notice.agency == agency and not notice.live
    assert timezone.localtime(notice.closes_at).hour == 9  # Vietnamese wall-clock time
