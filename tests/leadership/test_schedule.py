"""The weekly work schedule (Điều 8.2.c): weeks as pages under the site's workflow, the editor's validation, the
"điều chỉnh" marks, the public week view (navigation, leader filter, today, print, JSON-LD) and its query count."""

import json
import re
from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from leadership.models import WeekSchedulePage
from leadership.weeks import parse_week, span, this_monday, week_code, week_slug, week_title

from .helpers import (
    add_week_url,
    entry,
    leaders_section,
    make_leader,
    make_week,
    republish,
    schedule_section,
    week_form,
)

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 11, 30)


def get(client, agency, url, **params):
    return client.get(url, params, HTTP_HOST=agency.site.hostname)


# Weeks


def test_weeks_are_iso_weeks_named_in_dd_mm_yyyy():
    assert week_code(MONDAY) == "2026-W49" and week_slug(MONDAY) == "2026-w49"
    assert parse_week("2026-W49") == MONDAY and parse_week("2026w49") == MONDAY
    assert parse_week("2026-W54") is None and parse_week("tuần 49") is None and parse_week(None) is None
    assert week_title(MONDAY) == "Tuần 49 (30/11–06/12/2026)"
    assert span(date(2025, 12, 29)) == "29/12/2025–04/01/2026"
    assert week_code(date(2025, 12, 29)) == "2026-W01"


def test_a_week_takes_its_monday_title_and_slug_in_its_language(agency):
    week = make_week(agency, MONDAY + timedelta(days=2))  # any day of the week: stored as its Monday

    assert week.week_start == MONDAY
    assert (week.title, week.slug) == ("Tuần 49 (30/11–06/12/2026)", "2026-w49")
    english = week.copy_for_translation(schedule_section(agency, "en").locale)
    english.full_clean()
    assert english.title == "Week 49 (30/11–06/12/2026)"


# The editor: validation, workflow


def test_the_editor_refuses_a_day_outside_the_week_an_end_before_the_start_and_another_sites_leader(
    client, agency, other_agency, editor
):
    own = make_leader(agency, "Nguyễn Văn An", "Giám đốc Sở")
    foreign = make_leader(other_agency, "Lê Thị Bình", "Chủ tịch UBND xã")
    client.force_login(editor)

    response = client.post(
        add_week_url(schedule_section(agency)),
        {
            **week_form(
                MONDAY,
                [
                    {"date": MONDAY + timedelta(days=7), "leader": own},
                    {"date": MONDAY, "start_time": "10:00", "end_time": "09:00"},
                    {"date": MONDAY + timedelta(days=1), "leader": foreign},
                ],
            ),
            "action-submit": "submit",
        },
    )

    assert response.status_code == 200  # the form again, with the errors
    text = response.text
    assert "Ngày 07/12/2026 không thuộc tuần này (30/11/2026–06/12/2026)." in text
    assert "Giờ kết thúc phải sau giờ bắt đầu." in text
    assert "Hãy chọn lãnh đạo của chính cơ quan, đơn vị này." in text
    assert not WeekSchedulePage.objects.exists()


def test_a_second_page_for_the_same_week_is_refused(client, agency, editor):
    make_week(agency, MONDAY, [entry(MONDAY, time(8), "Họp giao ban")])
    client.force_login(editor)

    response = client.post(
        add_week_url(schedule_section(agency)),
        {**week_form(MONDAY + timedelta(days=3), [{"date": MONDAY}]), "action-submit": "submit"},
    )

    assert response.status_code == 200
    assert "Tuần này đã có lịch công tác: hãy sửa lịch đã có." in response.text


def test_an_editors_week_is_public_only_once_the_bbt_approves_it(client, agency, editor, moderator):
    leader = make_leader(agency, "Nguyễn Văn An", "Giám đốc Sở")
    monday = this_monday()
    index = schedule_section(agency)
    client.force_login(editor)

    response = client.post(
        add_week_url(index),
        {
            **week_form(monday, [{"date": monday, "content": "Họp Ban chỉ đạo chuyển đổi số", "leader": leader}]),
            "action-submit": "submit",
        },
    )

    assert response.status_code == 302, response.text[:3000]
    week = WeekSchedulePage.objects.child_of(index).get()
    assert not week.live and not week.permissions_for_user(editor).can_publish()
    client.logout()
    assert get(client, agency, week.relative_url(agency.site)).status_code == 404
    assert "Họp Ban chỉ đạo chuyển đổi số" not in get(client, agency, index.relative_url(agency.site)).text
    assert "Họp Ban chỉ đạo chuyển đổi số" not in get(client, agency, index.relative_url(agency.site) + "ics/").text

    task_state = Page.objects.get(pk=week.pk).current_workflow_task_state
    assert task_state.task.specific.groups.get() == agency.moderators
    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(week.pk, "approve", task_state.pk)), {"comment": ""}
    )
    client.logout()

    week.refresh_from_db()
    assert week.live
    assert "Họp Ban chỉ đạo chuyển đổi số" in get(client, agency, index.relative_url(agency.site)).text


# "Điều chỉnh": what changed after publication


def test_entries_changed_or_added_after_publication_are_marked_with_the_time(client, agency):
    monday = this_monday()
    week = make_week(
        agency,
        monday,
        [entry(monday, time(8), "Họp giao ban"), entry(monday + timedelta(days=1), time(14), "Tiếp công dân")],
    )
    assert [(e.changed_at, e.sequence) for e in week.entries.all()] == [(None, 0), (None, 0)]

    def move_meeting(page):
        meeting, reception = page.entries.all()
        meeting.start_time = time(9, 30)
        page.entries = [meeting, reception, entry(monday + timedelta(days=2), time(8), "Làm việc với xã Tư Nghĩa")]

    before = timezone.now()
    week = republish(week, move_meeting)

    marks = {e.content: (e.changed_at is not None, e.sequence) for e in week.entries.all()}
    assert marks == {
        "Họp giao ban": (True, 1),
        "Tiếp công dân": (False, 0),
        "Làm việc với xã Tư Nghĩa": (True, 0),
    }
    meeting = week.entries.get(content="Họp giao ban")
    assert meeting.changed_at >= before

    # Published again unchanged: the marks stay as they were (not renewed, not lost to an older revision).
    week = republish(week, lambda page: None)
    assert week.entries.get(content="Họp giao ban").changed_at == meeting.changed_at
    assert week.entries.get(content="Họp giao ban").sequence == 1

    page = get(client, agency, schedule_section(agency).relative_url(agency.site)).text
    changed_time = timezone.localtime(meeting.changed_at).strftime("%H:%M %d/%m/%Y")
    assert page.count('<span class="badge">Điều chỉnh</span>') == 2
    assert f"lúc {changed_time}" in page


def test_a_week_published_for_the_first_time_has_no_marks(agency):
    monday = this_monday()
    week = make_week(agency, monday, [entry(monday, time(8), "Họp giao ban")], live=False)

    def edit(page):
        [meeting] = page.entries.all()
        meeting.content = "Họp giao ban đầu tuần"
        page.entries = [meeting]

    week = republish(week, edit)

    assert [(e.changed_at, e.sequence) for e in week.entries.all()] == [(None, 0)]


# The public week


def test_the_section_shows_this_week_with_days_as_headings_and_today_marked(client, agency):
    leader = make_leader(agency, "Nguyễn Văn An", "Giám đốc Sở")
    today = timezone.localdate()
    monday = this_monday()
    make_week(
        agency,
        monday,
        [
            entry(today, time(8), "Họp giao ban", leader=leader, place="Phòng họp tầng 3", attendees="Trưởng phòng"),
            entry(monday, time(14), "Họp tập thể lãnh đạo", preparer="Văn phòng Sở"),
        ],
    )

    response = get(client, agency, schedule_section(agency).relative_url(agency.site))

    text = response.text
    assert response.status_code == 200
    assert week_title(monday) in text
    assert re.search(rf'<h2 class="schedule-day__heading" id="day-{today:%Y-%m-%d}" aria-current="date">', text)
    assert text.count('aria-current="date"') == 1
    assert "Thứ Hai, <time" in text
    assert "Phòng họp tầng 3" in text and "Trưởng phòng" in text and "Văn phòng Sở" in text
    assert f'<a href="{leader.url}" class="schedule-entry__leader">Nguyễn Văn An</a>' in text
    assert "Tập thể lãnh đạo" in text


def test_previous_this_and_next_weeks_have_shareable_urls(client, agency):
    monday = this_monday()
    make_week(agency, monday - timedelta(weeks=1), [entry(monday - timedelta(weeks=1), time(8), "Lịch tuần trước")])
    make_week(agency, monday + timedelta(weeks=1), [entry(monday + timedelta(weeks=1), time(8), "Lịch tuần sau")])
    url = schedule_section(agency).relative_url(agency.site)

    this_week = get(client, agency, url).text
    previous_code, next_code = week_code(monday - timedelta(weeks=1)), week_code(monday + timedelta(weeks=1))

    assert f'href="{url}?tuan={previous_code}" rel="prev"' in this_week
    assert f'href="{url}?tuan={next_code}" rel="next"' in this_week
    assert f'href="{url}" aria-current="true">Tuần này' in this_week
    assert "Chưa có lịch công tác được công bố cho tuần này." in this_week
    assert "Lịch tuần trước" in get(client, agency, url, tuan=previous_code).text
    assert "Lịch tuần sau" in get(client, agency, url, tuan=next_code).text
    # A week that is not one falls back to this week.
    assert week_title(monday) in get(client, agency, url, tuan="2026-W99").text


def test_the_leader_filter_keeps_one_leaders_entries_and_the_week(client, agency):
    chair = make_leader(agency, "Nguyễn Văn An", "Giám đốc Sở", rank=1)
    deputy = make_leader(agency, "Trần Thị Cúc", "Phó Giám đốc Sở", rank=2)
    monday = this_monday()
    make_week(
        agency,
        monday,
        [
            entry(monday, time(8), "Họp với Bộ", leader=chair),
            entry(monday, time(9), "Kiểm tra công trình", leader=deputy),
        ],
    )
    url = schedule_section(agency).relative_url(agency.site)

    response = get(client, agency, url, **{"lanh-dao": deputy.slug})

    assert "Kiểm tra công trình" in response.text and "Họp với Bộ" not in response.text
    assert f'<option value="{deputy.slug}" selected>' in response.text
    assert f'href="{url}?tuan={week_code(monday + timedelta(weeks=1))}&amp;lanh-dao={deputy.slug}"' in response.text
    # Leaders are offered by rank.
    assert response.text.index(chair.slug) < response.text.index(f'value="{deputy.slug}"')


def test_the_print_view_has_the_week_without_the_frame(client, agency):
    monday = this_monday()
    make_week(agency, monday, [entry(monday, time(8), "Họp giao ban")])

    response = get(client, agency, schedule_section(agency).relative_url(agency.site) + "in-lich/")

    assert response.status_code == 200
    assert "Họp giao ban" in response.text
    assert "main-nav" not in response.text and "site-footer" not in response.text
    assert 'name="robots" content="noindex"' in response.text


def test_the_schedule_links_its_calendars_and_describes_its_entries_as_events(client, agency):
    leader = make_leader(agency, "Nguyễn Văn An", "Giám đốc Sở")
    monday = this_monday()
    make_week(
        agency,
        monday,
        [entry(monday, time(8), "Họp giao ban", leader=leader, place="Phòng họp", end_time=time(10), attendees="A, B")],
    )
    url = schedule_section(agency).relative_url(agency.site)

    text = get(client, agency, url).text

    assert f'<link rel="alternate" type="text/calendar" title="Lịch công tác (iCalendar)" href="{url}ics/">' in text
    scripts = [
        json.loads(script) for script in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    ]
    [event] = next(data for data in scripts if "@graph" in data)["@graph"]  # (the breadcrumbs have theirs)
    assert event["@type"] == "Event" and event["name"] == "Họp giao ban"
    assert event["startDate"] == f"{monday:%Y-%m-%d}T08:00:00+07:00"
    assert event["endDate"] == f"{monday:%Y-%m-%d}T10:00:00+07:00"
    assert event["performer"]["name"] == "Nguyễn Văn An" and event["location"]["name"] == "Phòng họp"


def test_the_english_schedule_speaks_english_with_english_routes(client, agency):
    index = schedule_section(agency, "en")
    monday = this_monday()
    make_week(agency, monday, [entry(monday, time(8), "Weekly briefing")], language="en")
    url = index.relative_url(agency.site)

    response = get(client, agency, url)

    assert url.startswith("/en/") and url.endswith("/work-schedule/")
    assert "Weekly briefing" in response.text and week_title(monday, "en") in response.text
    assert f'href="{url}?week={week_code(monday - timedelta(weeks=1))}" rel="prev"' in response.text
    assert f"{url}ics/" in response.text and f"{url}print/" in response.text
    assert get(client, agency, url + "print/").status_code == 200
    # The Vietnamese path on the English page (and the reverse) leads to the page's own, as every route does.
    moved = client.get(url + "in-lich/?tuan=2026-W49", HTTP_HOST=agency.site.hostname)
    assert (moved.status_code, moved["Location"]) == (301, url + "print/?tuan=2026-W49")


def test_the_week_view_costs_the_same_queries_whatever_the_number_of_entries(client, agency):
    leaders = [make_leader(agency, f"Lãnh đạo {n}", "Phó Giám đốc", rank=n) for n in range(3)]
    monday = this_monday()
    week = make_week(agency, monday, [entry(monday, time(8), "Họp", leader=leaders[0])])
    url = schedule_section(agency).relative_url(agency.site)
    get(client, agency, url)  # warm the frame's cache

    with CaptureQueriesContext(connection) as few:
        assert get(client, agency, url).status_code == 200

    def add_many(page):
        page.entries = [
            *page.entries.all(),
            *[
                entry(monday + timedelta(days=n % 7), time(7 + n % 10), f"Việc {n}", leader=leaders[n % 3])
                for n in range(30)
            ],
        ]

    republish(week, add_many)
    get(client, agency, url)
    with CaptureQueriesContext(connection) as many:
        response = get(client, agency, url)

    assert "Việc 29" in response.text
    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]


def test_another_sites_leader_section_and_schedule_are_apart(client, agency, other_agency):
    make_leader(other_agency, "Lê Thị Bình", "Chủ tịch UBND xã")
    monday = this_monday()
    make_week(other_agency, monday, [entry(monday, time(8), "Tiếp dân tại xã")])

    assert "Tiếp dân tại xã" not in get(client, agency, schedule_section(agency).relative_url(agency.site)).text
    assert "Lê Thị Bình" not in get(client, agency, leaders_section(agency).relative_url(agency.site)).text
