"""Weeks of the work schedule: ISO weeks (Monday to Sunday) as visitors share them (`?tuan=2026-W49`) and as
editors see them ("Tuần 49 (30/11–06/12/2026)"), counted in the province's time zone (Asia/Ho_Chi_Minh)."""

import re
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import get_language

WEEK_PATTERN = re.compile(r"^\s*(\d{4})-?[Ww](\d{1,2})\s*$")


def monday_of(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - timedelta(days=day.weekday())


def this_monday() -> date:
    """The Monday of the current week in the province (TIME_ZONE is Asia/Ho_Chi_Minh)."""
    return monday_of(timezone.localdate())


def parse_week(value: str | None) -> date | None:
    """The Monday of an ISO week written "2026-W49" (or "2026w49"), or None if `value` is not one."""
    match = WEEK_PATTERN.match(value or "")
    if match is None:
        return None
    year, week = int(match[1]), int(match[2])
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


def week_code(monday: date) -> str:
    """The shareable ISO name of the week starting on `monday`: "2026-W49"."""
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


def week_days(monday: date) -> list[date]:
    """The seven days of the week starting on `monday`."""
    return [monday + timedelta(days=offset) for offset in range(7)]


def span(monday: date) -> str:
    """The dates of the week, dd/mm/yyyy, the year written once when both ends share it: "30/11–06/12/2026"."""
    sunday = monday + timedelta(days=6)
    if monday.year == sunday.year:
        return f"{monday:%d/%m}–{sunday:%d/%m/%Y}"
    return f"{monday:%d/%m/%Y}–{sunday:%d/%m/%Y}"


# A week's title is the page's content in its language (stored, searched), not an interface string.
TITLES = {"vi": "Tuần {week} ({span})", "en": "Week {week} ({span})"}


def week_title(monday: date, language: str | None = None) -> str:
    """The title of a week in `language` (default: the active one): "Tuần 49 (30/11–06/12/2026)" /
    "Week 49 (30/11–06/12/2026)"."""
    pattern = TITLES.get(language or get_language() or "vi", TITLES["vi"])
    return pattern.format(week=monday.isocalendar()[1], span=span(monday))


def week_slug(monday: date) -> str:
    """The slug of a week's page: "2026-w49" (the ISO year, which may differ from the Monday's at New Year)."""
    return week_code(monday).lower()
