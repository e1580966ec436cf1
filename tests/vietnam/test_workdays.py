"""Working days (R10): weekends, public holidays, Tết, the government's swaps, and the decisions admins add."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from vietnam.models import CalendarOverride
from vietnam.workdays import add_working_days, forget_overrides, is_working_day, working_days_between

pytestmark = pytest.mark.django_db

YEARS = range(2024, 2028)


@pytest.fixture(autouse=True)
def fresh_calendar_cache():
    """Each test's rows are rolled back, but the cache outlives them: start and end with nothing cached."""
    forget_overrides(*YEARS)
    yield
    forget_overrides(*YEARS)


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("quantri", is_superuser=True))
    return client


def test_saturday_and_sunday_are_not_working_days():
    assert is_working_day(date(2026, 3, 6))  # Friday
    assert not is_working_day(date(2026, 3, 7))  # Saturday
    assert not is_working_day(date(2026, 3, 8))  # Sunday
    assert is_working_day(date(2026, 3, 9))  # Monday


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 4, 7),  # Giỗ Tổ Hùng Vương, Monday 10/3 âm lịch
        date(2025, 4, 30),  # Ngày Chiến thắng
        date(2025, 5, 1),  # Ngày Quốc tế Lao động
        date(2025, 5, 2),  # Friday swapped for Saturday 26/04 (Thông báo 6150/TB-BLĐTBXH)
        date(2025, 9, 1),  # Quốc khánh, the day before
        date(2025, 9, 2),  # Quốc khánh
        date(2026, 1, 1),  # Tết Dương lịch
        date(2026, 4, 27),  # Giỗ Tổ falls on Sunday 26/04/2026: Monday given instead
        date(2026, 8, 31),  # Monday swapped for Saturday 22/08 (Thông báo 9441/TB-BNV)
    ],
)
def test_statutory_holidays_are_not_working_days(day):
    assert day.weekday() < 5
    assert not is_working_day(day)


def test_a_weekday_holiday_pushes_the_deadline():
    # Friday 24/04/2026, 2 working days: Monday 27/04 is the Giỗ Tổ day off, so Tuesday 28 is day 1, Wednesday 29 day 2.
    assert add_working_days(date(2026, 4, 24), 2) == date(2026, 4, 29)
    # Tuesday 28/04/2026, 3 working days: 29/04 is day 1; 30/04 and 01/05 are holidays, then the weekend; Mon 04/05
    # is day 2 and Tue 05/05 day 3.
    assert add_working_days(date(2026, 4, 28), 3) == date(2026, 5, 5)


def test_tet_2026_is_a_nine_day_break():
    break_days = [date(2026, 2, 14) + timedelta(days=offset) for offset in range(9)]  # 14/02 to 22/02
    assert not any(is_working_day(day) for day in break_days)
    assert is_working_day(date(2026, 2, 13)) and is_working_day(date(2026, 2, 23))


def test_a_question_received_just_before_tet_is_answered_after_the_break():
    # Received Thursday 12/02/2026, 15 working days (Điều 9.1.n). By hand: Fri 13/02 is day 1; Sat 14/02 to Sun 22/02
    # is the Tết break; 23–27/02 are days 2–6, 02–06/03 days 7–11, and Mon 09 to Thu 12/03 days 12–15.
    # Without the break it would have been Thursday 05/03.
    assert add_working_days(date(2026, 2, 12), 15) == date(2026, 3, 12)
    # Issued on the last working day before Tết with 2 working days: due on the second day back.
    assert add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 24)


@pytest.mark.parametrize(
    "saturday",
    [
        date(2025, 4, 26),  # for Friday 02/05/2025, Thông báo 6150/TB-BLĐTBXH
        date(2026, 1, 10),  # for Friday 02/01/2026, Công văn 12729/VPCP-KGVX (shipped by migration 0003)
        date(2026, 8, 22),  # for Monday 31/08/2026, Thông báo 9441/TB-BNV
    ],
)
def test_make_up_saturdays_are_working_days(saturday):
    assert saturday.weekday() == 5
    assert is_working_day(saturday)


def test_new_year_2026_swap_is_shipped_with_its_decision():
    day_off = CalendarOverride.objects.get(date=date(2026, 1, 2))
    assert day_off.kind == CalendarOverride.Kind.DAY_OFF
    assert "12729/VPCP-KGVX" in day_off.decision
    assert not is_working_day(date(2026, 1, 2))
    # Issued Wednesday 31/12/2025 with 1 working day: 01/01 holiday, 02/01 swapped, then the weekend.
    assert add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 5)
    # Issued Friday 09/01/2026 with 1 working day: the make-up Saturday counts.
    assert add_working_days(date(2026, 1, 9), 1) == date(2026, 1, 10)


def test_document_issued_on_friday_with_two_working_days_is_due_on_tuesday():
    friday = date(2026, 3, 6)
    assert add_working_days(friday, 2) == date(2026, 3, 10)
    # The trigger's own day never counts, working day or not: issued on Saturday, also due on Tuesday.
    assert add_working_days(date(2026, 3, 7), 2) == date(2026, 3, 10)
    assert add_working_days(friday, 0) == friday
    with pytest.raises(ValueError):
        add_working_days(friday, -1)


def test_a_datetime_counts_from_its_vietnamese_date():
    # 20:00 UTC on Thursday 06/03/2025 is 03:00 on Friday 07/03 in Quảng Ngãi (UTC+7).
    received = datetime(2025, 3, 6, 20, 0, tzinfo=UTC)
    assert add_working_days(received, 1) == date(2025, 3, 10)  # Monday, not Friday 07/03
    assert add_working_days(datetime(2025, 3, 6, 16, 59, tzinfo=UTC), 1) == date(2025, 3, 7)  # 23:59 Thursday
    assert is_working_day(datetime(2025, 3, 7, 17, 0, tzinfo=UTC)) is False  # already Saturday 00:00
    assert working_days_between(received, datetime(2025, 3, 10, 2, 0, tzinfo=UTC)) == 1


def test_working_days_between():
    assert working_days_between(date(2026, 3, 6), date(2026, 3, 10)) == 2  # Fri → Tue: Mon, Tue
    assert working_days_between(date(2026, 3, 6), date(2026, 3, 8)) == 0  # only the weekend
    assert working_days_between(date(2026, 3, 10), date(2026, 3, 10)) == 0
    assert working_days_between(date(2026, 3, 10), date(2026, 3, 6)) == 0
    assert working_days_between(date(2026, 2, 12), date(2026, 3, 12)) == 15  # across Tết
    for start in (date(2025, 12, 30), date(2026, 2, 12), date(2026, 8, 20)):
        for n in (1, 2, 10, 15, 20):
            assert working_days_between(start, add_working_days(start, n)) == n


def test_a_recorded_decision_wins_over_the_package_and_the_weekend():
    assert is_working_day(date(2026, 8, 22)) and not is_working_day(date(2026, 11, 24))  # as `holidays` has them

    saturday = CalendarOverride.objects.create(
        date=date(2026, 8, 22), kind=CalendarOverride.Kind.DAY_OFF, name="Hủy làm bù", decision="Văn bản thử nghiệm"
    )
    CalendarOverride.objects.create(
        date=date(2026, 11, 24), kind=CalendarOverride.Kind.WORKING_DAY, name="Làm việc", decision="Văn bản thử nghiệm"
    )
    assert not is_working_day(date(2026, 8, 22))
    assert is_working_day(date(2026, 11, 24))

    saturday.date = date(2027, 8, 21)  # moved to another year: both years are read again
    saturday.save()
    assert is_working_day(date(2026, 8, 22))
    assert not is_working_day(date(2027, 8, 21))


def test_an_administrator_adds_a_decision_and_deadlines_follow_at_once(admin_client):
    # Issued Thursday 03/12/2026 with 1 working day: Friday 04/12. Computed first, so the year is cached.
    assert add_working_days(date(2026, 12, 3), 1) == date(2026, 12, 4)

    response = admin_client.post(
        reverse("calendar_overrides:add"),
        {
            "date": "2026-12-04",
            "kind": "day_off",
            "name": "Nghỉ bù (thử nghiệm)",
            "decision": "Thông báo số 1/TB-BNV ngày 01/12/2026 của Bộ Nội vụ (thử nghiệm)",
            "source_url": "moha.gov.vn/thong-bao-1-tb-bnv",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    override = CalendarOverride.objects.get(date=date(2026, 12, 4))
    assert override.source_url == "https://moha.gov.vn/thong-bao-1-tb-bnv"  # typed without a scheme: https
    assert add_working_days(date(2026, 12, 3), 1) == date(2026, 12, 7)

    response = admin_client.post(reverse("calendar_overrides:delete", args=(override.pk,)))
    assert response.status_code == 302
    assert add_working_days(date(2026, 12, 3), 1) == date(2026, 12, 4)


def test_the_admin_lists_the_decisions_by_date(admin_client):
    CalendarOverride.objects.create(
        date=date(2025, 12, 29), kind=CalendarOverride.Kind.DAY_OFF, name="Nghỉ thử nghiệm", decision="Văn bản thử"
    )
    response = admin_client.get(reverse("calendar_overrides:index"))
    assert response.status_code == 200
    text = response.text
    assert "12729/VPCP-KGVX" in text and "Ngày làm bù" in text
    assert text.index("Nghỉ thử nghiệm") < text.index("Nghỉ Tết Dương lịch 2026") < text.index("Làm bù cho ngày nghỉ")

    filtered = admin_client.get(reverse("calendar_overrides:index"), {"kind": "working_day"})
    assert "Làm bù cho ngày nghỉ" in filtered.text and "Nghỉ Tết Dương lịch 2026" not in filtered.text


def test_many_deadlines_cost_one_query_per_year(django_assert_num_queries):
    with django_assert_num_queries(2):  # 2025 and 2026, read once each
        assert add_working_days(date(2025, 12, 30), 2) == date(2026, 1, 5)
    with django_assert_num_queries(0):
        for offset in range(365):
            add_working_days(date(2025, 6, 1) + timedelta(days=offset), 15)
