"""Query functions of the leadership app: what the leaders' pages, the schedule's pages and its feeds show.

Each listing costs a fixed number of SQL queries whatever the number of leaders or entries (tests count them).
"""

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page

from home.models.records import not_withdrawn
from vietnam.text import sort_key

from .models import LeaderPage, LeaderResponsibility, ScheduleEntry, ScheduleIndexPage, WeekSchedulePage
from .weeks import parse_week, this_monday, week_code, week_days, week_title

# Query parameters in each language; either language's names are understood on any page.
PARAMS = {"vi": {"week": "tuan", "leader": "lanh-dao"}, "en": {"week": "week", "leader": "leader"}}
# The ICS feeds cover these many weeks before and after the current one.
FEED_WEEKS_BACK, FEED_WEEKS_AHEAD = 4, 8
# The JSON-LD escapes of django.utils.html.json_script: the data cannot close its <script>.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def param_names(page: Page) -> dict[str, str]:
    """The query parameter names used in links of `page`'s language."""
    return PARAMS.get(page.locale.language_code, PARAMS[settings.LANGUAGE_CODE])


def requested(request, key: str) -> str:
    """The value of the parameter `key` ("week", "leader") in either language's name."""
    for names in PARAMS.values():
        value = request.GET.get(names[key], "").strip()
        if value:
            return value
    return ""


def site_root_path(page: Page) -> str:
    """The tree path of the home page of the site `page` is on."""
    return page.path[: page.steplen * 2]


def leaders_in(index: Page) -> list[LeaderPage]:
    """The live leaders under a "Lãnh đạo" section by rank, then name in Vietnamese order; photos prefetched."""
    leaders = (
        not_withdrawn(LeaderPage.objects.live().public())
        .child_of(index)
        .select_related("photo")
        .prefetch_related(Prefetch("photo__renditions"))
    )
    return sorted(leaders, key=lambda leader: (leader.rank, sort_key(leader.title)))


def site_leaders(page: Page) -> list[LeaderPage]:
    """The live leaders of the site (and language) of `page`, by rank then name."""
    leaders = not_withdrawn(LeaderPage.objects.live().public()).filter(
        path__startswith=site_root_path(page), locale_id=page.locale_id
    )
    return sorted(leaders, key=lambda leader: (leader.rank, sort_key(leader.title)))


def responsibilities_of(leader: LeaderPage) -> list[tuple[str, list[LeaderResponsibility]]]:
    """A leader's duties grouped by kind (fields in charge, agencies followed, areas followed), in their order."""
    rows = sorted(leader.responsibilities.select_related("agency__site"), key=lambda row: row.sort_order or 0)
    order = list(LeaderResponsibility.Kind.values)
    rows.sort(key=lambda row: order.index(row.kind))
    return [(LeaderResponsibility.Kind(kind).label, list(group)) for kind, group in groupby(rows, key=lambda r: r.kind)]


@dataclass
class Day:
    """One day of a week as shown: its date, whether it is today, its entries."""

    date: date
    is_today: bool
    entries: list = field(default_factory=list)


@dataclass
class WeekView:
    """What a week's page shows: the week, its days and entries, the leader filter and the links around it."""

    monday: date
    title: str
    code: str
    page: WeekSchedulePage | None
    days: list[Day]
    leaders: list[LeaderPage]
    leader: LeaderPage | None
    is_current: bool
    links: dict[str, str]
    params: dict[str, str]
    json_ld: str = ""

    @property
    def entry_count(self) -> int:
        return sum(len(day.entries) for day in self.days)

    @property
    def changed_count(self) -> int:
        return sum(1 for day in self.days for entry in day.entries if entry.changed_at)


def schedule_view(index: ScheduleIndexPage, request) -> WeekView:
    """The week a visitor asks for on the section (`?tuan=2026-W49`, this week otherwise), optionally one leader's
    entries only (`?lanh-dao=<slug>`). Four queries (leaders, the week's page, its entries, view restrictions)."""
    monday = parse_week(requested(request, "week")) or this_monday()
    page = not_withdrawn(WeekSchedulePage.objects.live().public()).child_of(index).filter(week_start=monday).first()
    return build_week(index, request, monday, page)


def week_page_view(page: WeekSchedulePage, request) -> WeekView:
    """The week of a week's own page, optionally one leader's entries only."""
    index = page.get_parent().specific
    return build_week(index, request, page.week_start, page)


def build_week(index: ScheduleIndexPage, request, monday: date, page: WeekSchedulePage | None) -> WeekView:
    names = param_names(index)
    leaders = site_leaders(index)
    slug = requested(request, "leader")
    leader = next((candidate for candidate in leaders if candidate.slug == slug), None) if slug else None
    entries = week_entries(page, leaders, leader) if page is not None else []
    today = timezone.localdate()
    by_day = {day: list(group) for day, group in groupby(entries, key=lambda entry: entry.date)}
    days = [
        Day(date=day, is_today=day == today, entries=by_day.get(day, []))
        for day in week_days(monday)
        if day.weekday() < 5 or by_day.get(day)
    ]
    base = index.get_url(request)
    leader_param = {names["leader"]: leader.slug} if leader else {}

    def link(url: str, week: date | None = None, **extra) -> str:
        params = {**({names["week"]: week_code(week)} if week else {}), **extra}
        return f"{url}?{urlencode(params)}" if params else url

    links = {
        "previous": link(base, monday - timedelta(weeks=1), **leader_param),
        "current": link(base, None, **leader_param),
        "next": link(base, monday + timedelta(weeks=1), **leader_param),
        "all_leaders": link(base, monday),
        "print": link(index.route_url("print", request), monday, **leader_param),
        "ics": link(index.route_url("ics", request), None, **leader_param),
        "ics_site": index.route_url("ics", request),
    }
    view = WeekView(
        monday=monday,
        title=page.title if page is not None else week_title(monday),
        code=week_code(monday),
        page=page,
        days=days,
        leaders=leaders,
        leader=leader,
        is_current=monday == this_monday(),
        links=links,
        params=names,
    )
    view.json_ld = events_json_ld(entries, request)
    return view


def week_entries(page: WeekSchedulePage, leaders: list[LeaderPage], leader: LeaderPage | None) -> list[ScheduleEntry]:
    """The entries of a week in time order (one leader's if `leader`), each with `shown_leader`: its leader in the
    week's language (an English week copied from the Vietnamese one may still point to the Vietnamese page)."""
    entries = page.entries.select_related("leader").order_by("date", "start_time", "sort_order", "pk")
    if leader is not None:
        entries = entries.filter(leader__translation_key=leader.translation_key)
    return localise_leaders(list(entries), leaders)


def localise_leaders(entries: list[ScheduleEntry], leaders: list[LeaderPage]) -> list[ScheduleEntry]:
    """Give each entry `shown_leader`: the leader among `leaders` (one language's) that its leader translates."""
    by_key = {leader.translation_key: leader for leader in leaders}
    for entry in entries:
        entry.shown_leader = by_key.get(entry.leader.translation_key, entry.leader) if entry.leader else None
    return entries


@dataclass
class LeaderWeek:
    """A leader's entries of the current week on their page, and where the whole schedule is."""

    monday: date
    title: str
    entries: list[ScheduleEntry]
    schedule_url: str = ""
    ics_url: str = ""


def leader_week(leader: LeaderPage, request=None) -> LeaderWeek:
    """The current week's entries of `leader` on their site, in their page's language. Two queries."""
    monday = this_monday()
    root = site_root_path(leader)
    live_entries = not_withdrawn(ScheduleEntry.objects.filter(page__live=True), page="page")
    entries = list(
        live_entries.filter(
            page__path__startswith=root,
            page__locale_id=leader.locale_id,
            page__week_start=monday,
            leader__translation_key=leader.translation_key,
        )
        .select_related("leader")
        .order_by("date", "start_time", "sort_order", "pk")
    )
    for entry in entries:
        entry.shown_leader = leader
    week = LeaderWeek(monday=monday, title=week_title(monday), entries=entries)
    index = ScheduleIndexPage.objects.live().filter(path__startswith=root, locale_id=leader.locale_id).first()
    if index is not None:
        names = param_names(leader)
        week.schedule_url = f"{index.get_url(request)}?{urlencode({names['leader']: leader.slug})}"
        week.ics_url = f"{index.route_url('ics', request)}?{urlencode({names['leader']: leader.slug})}"
    return week


def feed_entries(index: ScheduleIndexPage, leader: LeaderPage | None = None) -> list[ScheduleEntry]:
    """The entries of the live weeks of a section from FEED_WEEKS_BACK weeks before the current one to
    FEED_WEEKS_AHEAD after it (one leader's if `leader`), with their week and leader. One query."""
    monday = this_monday()
    entries = (
        not_withdrawn(ScheduleEntry.objects.filter(page__live=True), page="page")
        .filter(
            page__path__startswith=index.path,
            page__depth=index.depth + 1,
            page__week_start__range=(
                monday - timedelta(weeks=FEED_WEEKS_BACK),
                monday + timedelta(weeks=FEED_WEEKS_AHEAD),
            ),
        )
        .select_related("leader", "page")
        .order_by("date", "start_time", "sort_order", "pk")
    )
    if leader is not None:
        entries = entries.filter(leader__translation_key=leader.translation_key)
    return list(entries)


def events_json_ld(entries: list[ScheduleEntry], request) -> str:
    """schema.org `Event`s of the entries as JSON-LD, safe inside a <script> element ("" when there are none)."""
    if not entries:
        return ""
    events = []
    for entry in entries:
        event = {
            "@type": "Event",
            "name": strip_tags(entry.content),
            "startDate": entry.starts_at.isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": {"@type": "Place", "name": entry.place or "—", "address": entry.place or "—"},
        }
        if entry.ends_at:
            event["endDate"] = entry.ends_at.isoformat()
        if entry.shown_leader is not None:
            event["performer"] = {
                "@type": "Person",
                "name": entry.shown_leader.title,
                "jobTitle": entry.shown_leader.position,
            }
        if entry.attendees:
            event["description"] = entry.attendees
        events.append(event)
    data = {"@context": "https://schema.org", "@graph": events}
    return json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
