"""Working days, for the time limits of Điều 9.1 (R10): "15 working days after receipt" and the like.

A day is a working day unless it is a weekly rest day (Saturday and Sunday, the 40-hour week of
state agencies, Quyết định 188/1999/QĐ-TTg) or a public holiday, with the government's yearly
decisions on top. Three sources, the first that has an answer wins:

1. `CalendarOverride` rows: decisions administrators record in the admin (Settings → Lịch nghỉ lễ,
   làm bù), e.g. a weekday given off in a swap ("Ngày nghỉ") and the Saturday worked for it
   ("Ngày làm bù"). Loaded once per year and kept in Django's cache, dropped when a row changes.
2. The `holidays` package's Vietnamese calendar: the Labour Code's public holidays (Điều 112),
   the day given when one falls on a weekend (Điều 111.3), and the swaps it already knows, with
   their make-up Saturdays (`weekend_workdays`).
3. The weekend rule.

Deadlines count Vietnamese calendar dates: a datetime is first converted to settings.TIME_ZONE
(Asia/Ho_Chi_Minh), so a document received at 23:30 UTC on Thursday was received on Friday.
"""

from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays
from django.core.cache import cache
from django.utils import timezone

from .models import CalendarOverride

# The cache is shared by every worker process when Redis is configured, so a change made in the
# admin reaches them all; the timeout bounds how long a change made behind the ORM's back (raw SQL,
# a restored backup) can go unseen.
CACHE_KEY = "vietnam:calendar-overrides:{year}"
CACHE_TIMEOUT = 60 * 60


def local_date(value: date | datetime) -> date:
    """The Vietnamese calendar date of `value`.

    An aware datetime is converted to settings.TIME_ZONE first; a naive one is taken as Vietnamese
    wall-clock time; a date is returned unchanged.
    """
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            return timezone.localtime(value, timezone.get_default_timezone()).date()
        return value.date()
    return value


def is_working_day(day: date) -> bool:
    """Whether state agencies work on `day` (a date, or a datetime taken at its Vietnamese date)."""
    return _Calendar().is_working_day(local_date(day))


def add_working_days(start: date | datetime, n: int) -> date:
    """The date on which a limit of `n` working days counted from `start` runs out.

    The day of the trigger itself never counts, whether or not it is a working day; the limit is
    the n-th working day after it, and the work may be done at any time up to the end of that day.
    So a document issued on Friday with a 2-working-day limit is due on Tuesday (Monday is day 1),
    one issued on Saturday with the same limit is also due on Tuesday, and `n = 0` gives the
    trigger's own date. A datetime counts from its Vietnamese date (see `local_date`).

    Raises ValueError if `n` is negative.
    """
    if n < 0:
        raise ValueError(f"A time limit cannot be negative: {n} working days.")
    calendar = _Calendar()
    day = local_date(start)
    remaining = n
    while remaining:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date | datetime, end: date | datetime) -> int:
    """The number of working days after `start` up to and including `end`; 0 if `end` is not after `start`.

    The same count as `add_working_days`, the other way round:
    `working_days_between(start, add_working_days(start, n)) == n`. Information published on date
    `end` for a trigger on `start` with a limit of `n` working days is late when the result exceeds
    `n`. Datetimes count from their Vietnamese date (see `local_date`).
    """
    first, last = local_date(start), local_date(end)
    calendar = _Calendar()
    return sum(calendar.is_working_day(first + timedelta(days=offset)) for offset in range(1, (last - first).days + 1))


def deadline_state(due_on: date, soon: int, today: date | None = None) -> str:
    """Where an open case stands against its due date: "qua-han" (overdue) once `due_on` has passed,
    "sap-den-han" (due soon) when it falls within `soon` working days of `today`, otherwise "".

    The same words are the inboxes' filter values (?han=qua-han) and pick their badges.
    """
    today = today or timezone.localdate()
    if due_on < today:
        return "qua-han"
    if due_on <= add_working_days(today, soon):
        return "sap-den-han"
    return ""


def working_calendar() -> "_Calendar":
    """A calendar for many questions in one computation (`is_working_day(day)`): each year's overrides are read once,
    where each call of the functions above reads them again (from the cache)."""
    return _Calendar()


def forget_overrides(*years: int) -> None:
    """Drop the cached `CalendarOverride` rows of `years`; the next computation reads them again."""
    cache.delete_many([CACHE_KEY.format(year=year) for year in years])


class _Calendar:
    """The calendar as one computation sees it: each year's overrides read at most once."""

    def __init__(self):
        self._overrides: dict[int, dict[date, bool]] = {}

    def is_working_day(self, day: date) -> bool:
        if day.year not in self._overrides:
            self._overrides[day.year] = _overrides(day.year)
        decided = self._overrides[day.year].get(day)
        if decided is not None:
            return decided
        return _statutory(day.year).is_working_day(day)


def _overrides(year: int) -> dict[date, bool]:
    """{date: is a working day} for the year's `CalendarOverride` rows, from the cache when it has them."""
    key = CACHE_KEY.format(year=year)
    found = cache.get(key)
    if found is None:
        found = {
            day: kind == CalendarOverride.Kind.WORKING_DAY
            for day, kind in CalendarOverride.objects.filter(date__year=year).values_list("date", "kind")
        }
        cache.set(key, found, CACHE_TIMEOUT)
    return found


@lru_cache(maxsize=64)
def _statutory(year: int) -> holidays.HolidayBase:
    """The `holidays` package's calendar for days of `year`.

    The neighbouring years are loaded too because a swap can cross New Year (a day off on
    31 December worked back on a Saturday in January), and `expand=False` keeps the object
    read-only, so one instance can serve every thread.
    """
    return holidays.VN(years=range(year - 1, year + 2), language="vi", expand=False)
