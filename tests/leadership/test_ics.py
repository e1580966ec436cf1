"""The schedule's iCalendar feeds (RFC 5545), read by the `icalendar` parser as calendar programs would."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leadership.ics import fold
from leadership.weeks import this_monday

from .helpers import entry, make_leader, make_week, republish, schedule_section

pytestmark = pytest.mark.django_db
PROVINCE = ZoneInfo("Asia/Ho_Chi_Minh")


def feed(client, agency, path="ics/", language="vi", **params):
    url = schedule_section(agency, language).relative_url(agency.site) + path
    response = client.get(url, params, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return response


def events(response):
    return {str(event["SUMMARY"]): event for event in icalendar.Calendar.from_ical(response.content).walk("VEVENT")}


def test_the_site_feed_is_a_calendar_with_the_weeks_entries_in_province_time(client, agency):
    leader = make_leader(agency, "Nguyễn Văn An", "Giám đốc Sở")
    monday = this_monday()
    make_week(
        agency,
        monday,
        [
            entry(
                monday,
                time(8),
                "Họp Ban chỉ đạo chuyển đổi số, cải cách hành chính",
                leader=leader,
                end_time=time(10, 30),
                place="Hội trường Sở; tầng 2",
                attendees="Lãnh đạo các phòng",
                preparer="Văn phòng Sở",
            ),
            entry(monday + timedelta(days=4), time(14), "Họp tập thể lãnh đạo"),
        ],
    )

    response = feed(client, agency)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    assert body.endswith(b"END:VCALENDAR\r\n") and b"\n" not in body.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(body)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["CALSCALE"]) == "GREGORIAN"
    assert "Quang Ngai" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == "Lịch công tác – Sở Thông tin và Truyền thông"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    found = events(response)
    meeting = found["Nguyễn Văn An: Họp Ban chỉ đạo chuyển đổi số, cải cách hành chính"]
    assert meeting.decoded("DTSTART") == datetime.combine(monday, time(8), tzinfo=PROVINCE)
    assert meeting.decoded("DTEND") == datetime.combine(monday, time(10, 30), tzinfo=PROVINCE)
    assert str(meeting["LOCATION"]) == "Hội trường Sở; tầng 2"
    description = str(meeting["DESCRIPTION"])
    assert "Lãnh đạo chủ trì: Nguyễn Văn An, Giám đốc Sở" in description
    assert "Thành phần: Lãnh đạo các phòng" in description and "Chuẩn bị: Văn phòng Sở" in description
    assert meeting["SEQUENCE"] == 0 and meeting.decoded("DTSTAMP").tzinfo is not None
    assert str(meeting["URL"]).endswith(f"/lich-cong-tac/{monday.isocalendar()[0]}-w{monday.isocalendar()[1]:02d}/")
    collective = found["Họp tập thể lãnh đạo"]
    assert collective.decoded("DTSTART") == datetime.combine(monday + timedelta(days=4), time(14), tzinfo=PROVINCE)
    assert "DTEND" not in collective


def test_uids_stay_and_sequence_grows_when_an_entry_is_adjusted(client, agency):
    monday = this_monday()
    week = make_week(agency, monday, [entry(monday, time(8), "Họp giao ban"), entry(monday, time(14), "Tiếp dân")])
    before = events(feed(client, agency))

    def adjust(page):
        meeting, reception = page.entries.all()
        meeting.place = "Phòng họp số 2"
        page.entries = [meeting, reception]

    republish(week, adjust)
    after = events(feed(client, agency))

    assert {name: str(event["UID"]) for name, event in before.items()} == {
        name: str(event["UID"]) for name, event in after.items()
    }
    assert after["Họp giao ban"]["SEQUENCE"] == 1 and after["Tiếp dân"]["SEQUENCE"] == 0
    assert "Điều chỉnh lúc" in str(after["Họp giao ban"]["DESCRIPTION"])


def test_a_leaders_feed_has_only_their_entries_and_an_unknown_leader_is_not_found(client, agency):
    chair = make_leader(agency, "Nguyễn Văn An", "Giám đốc Sở", rank=1)
    deputy = make_leader(agency, "Trần Thị Cúc", "Phó Giám đốc Sở", rank=2)
    monday = this_monday()
    make_week(
        agency,
        monday,
        [entry(monday, time(8), "Họp với Bộ", leader=chair), entry(monday, time(9), "Kiểm tra", leader=deputy)],
    )

    response = feed(client, agency, **{"lanh-dao": deputy.slug})

    assert list(events(response)) == ["Trần Thị Cúc: Kiểm tra"]
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Lịch công tác – Trần Thị Cúc – Sở Thông tin và Truyền thông"
    url = schedule_section(agency).relative_url(agency.site) + "ics/"
    assert client.get(url, {"lanh-dao": "khong-co"}, HTTP_HOST=agency.site.hostname).status_code == 404


def test_the_feed_covers_four_weeks_back_and_eight_ahead(client, agency):
    monday = this_monday()
    for weeks in (-5, -4, 8, 9):
        day = monday + timedelta(weeks=weeks)
        make_week(agency, day, [entry(day, time(8), f"Tuần {weeks:+d}")])

    assert sorted(events(feed(client, agency))) == ["Tuần +8", "Tuần -4"]


def test_the_english_feed_is_at_its_english_path(client, agency):
    monday = this_monday()
    make_week(agency, monday, [entry(monday, time(8), "Weekly briefing")], language="en")

    response = feed(client, agency, path="ics/", language="en")

    assert list(events(response)) == ["Weekly briefing"]
    assert str(icalendar.Calendar.from_ical(response.content)["X-WR-CALNAME"]).endswith(
        "Department of Information and Communications"
    )


def test_long_vietnamese_lines_fold_at_75_octets_between_characters():
    line = "SUMMARY:" + "Hội nghị tổng kết công tác chuyển đổi số " * 4
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert parts[0] + "".join(part[1:] for part in parts[1:]) == line  # unfolding gives the line back


def test_the_feed_costs_the_same_queries_whatever_the_number_of_entries(client, agency):
    leader = make_leader(agency, "Nguyễn Văn An", "Giám đốc Sở")
    monday = this_monday()
    make_week(agency, monday, [entry(monday, time(8), "Việc 0", leader=leader)])
    feed(client, agency)
    with CaptureQueriesContext(connection) as few:
        feed(client, agency)
    for weeks in (1, 2):
        day = monday + timedelta(weeks=weeks)
        make_week(agency, day, [entry(day + timedelta(days=n % 5), time(8 + n % 9), f"Việc {n}") for n in range(20)])
    with CaptureQueriesContext(connection) as many:
        response = feed(client, agency)

    assert len(icalendar.Calendar.from_ical(response.content).walk("VEVENT")) == 41
    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]
