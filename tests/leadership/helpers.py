"""Helpers for the leadership tests: leaders and weeks made in code, and the editor's POST data for a week."""

from datetime import date, time

from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from leadership.models import LeaderPage, LeaderResponsibility, ScheduleEntry, WeekSchedulePage
from tests.home.helpers import section


def leaders_section(agency, language: str = "vi") -> Page:
    """The site's "Lãnh đạo" section (under "Giới thiệu")."""
    about = section(agency, "gioi-thieu")
    page = about.get_children().get(slug="lanh-dao").specific
    return page.get_translation(Locale.objects.get(language_code="en")).specific if language == "en" else page


def schedule_section(agency, language: str = "vi") -> Page:
    """The site's "Lịch công tác" section (under "Chỉ đạo, điều hành")."""
    direction = section(agency, "chi-dao-dieu-hanh")
    page = direction.get_children().get(slug="lich-cong-tac").specific
    return page.get_translation(Locale.objects.get(language_code="en")).specific if language == "en" else page


def make_leader(agency, name: str, position: str, rank: int = 10, duties=(), **fields) -> LeaderPage:
    """A live leader of `agency` (Vietnamese); `duties` are (kind, name) pairs."""
    index = leaders_section(agency)
    leader = LeaderPage(title=name, position=position, rank=rank, locale=index.locale, **fields)
    for order, (kind, text) in enumerate(duties):
        leader.responsibilities.add(LeaderResponsibility(kind=kind, name=text, sort_order=order))
    index.add_child(instance=leader)
    leader.save_revision().publish()
    leader.refresh_from_db()
    return leader


def entry(day: date, start: time, content: str, leader=None, **fields) -> ScheduleEntry:
    """An unsaved entry of a week."""
    return ScheduleEntry(date=day, start_time=start, content=content, leader=leader, **fields)


def make_week(agency, monday: date, entries=(), live: bool = True, language: str = "vi") -> WeekSchedulePage:
    """A week of `agency`'s schedule holding `entries`, published unless `live` is False."""
    index = schedule_section(agency, language)
    week = WeekSchedulePage(week_start=monday, locale=index.locale)
    for order, item in enumerate(entries):
        item.sort_order = order
        week.entries.add(item)
    index.add_child(instance=week)
    revision = week.save_revision()
    if live:
        revision.publish()
    week.refresh_from_db()
    return week


def republish(week: WeekSchedulePage, change) -> WeekSchedulePage:
    """Edit the latest revision of `week` with `change(page)` (as the editor's form would) and publish it."""
    page = week.get_latest_revision_as_object()
    change(page)
    page.save_revision().publish()
    return WeekSchedulePage.objects.get(pk=week.pk)


def week_form(monday: date, entries: list[dict], note: str = "") -> dict:
    """POST data for the page editor of a week; each entry a dict of the entry form's fields."""
    rows = [
        {
            "date": item["date"].strftime("%Y-%m-%d"),
            "start_time": item.get("start_time", "08:00"),
            "end_time": item.get("end_time", ""),
            "content": item.get("content", "Họp giao ban"),
            "place": item.get("place", "Phòng họp số 1"),
            "leader": item["leader"].pk if item.get("leader") else "",
            "attendees": item.get("attendees", ""),
            "preparer": item.get("preparer", ""),
        }
        for item in entries
    ]
    return nested_form_data(
        {
            "week_start": monday.strftime("%Y-%m-%d"),
            "note": note,
            "entries": inline_formset(rows, min=1),
            "search_description": "",
            "comments": inline_formset([]),
        }
    )


def add_week_url(index: Page) -> str:
    return reverse("wagtailadmin_pages:add", args=("leadership", "weekschedulepage", index.pk))
