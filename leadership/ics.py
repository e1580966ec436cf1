"""The work schedule as iCalendar (RFC 5545) feeds: a site's, or one leader's, for calendar programs to subscribe to.

Written here rather than with a library (the `icalendar` package checks them in the tests): the format is small,
and what matters is in a few rules: CRLF line ends, lines folded at 75 octets without splitting a character, TEXT
escaped, times in the province's zone with its VTIMEZONE, a UID that stays the same for the same entry and a
SEQUENCE that grows with each adjustment after publication.
"""

from datetime import UTC, datetime

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Page

from .models import ScheduleEntry, ScheduleIndexPage
from .queries import feed_entries, requested, site_leaders, site_root_path

TZID = "Asia/Ho_Chi_Minh"
# Vietnam has kept UTC+7 without daylight saving since 13 June 1975.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19750613T000000",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0700",
    "TZNAME:ICT",
    "END:STANDARD",
    "END:VTIMEZONE",
]
PRODID = "-//Cong thong tin dien tu tinh Quang Ngai//Lich cong tac//VI"


def escape_text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 §3.3.11 says (backslash, semicolon, comma, line breaks)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded into lines of at most 75 octets (UTF-8), never inside a character (§3.1)."""
    out, current, limit = [], b"", 75
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            out.append(current)
            current, limit = b" ", 75
        current += encoded
    out.append(current)
    return "\r\n".join(part.decode("utf-8") for part in out)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local_stamp(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%Y%m%dT%H%M%S")


def event_lines(entry: ScheduleEntry, host: str, url: str, language: str) -> list[str]:
    """The VEVENT of one entry; its UID is the entry's translation key with the language, the same at every fetch."""
    leader = getattr(entry, "shown_leader", None) or entry.leader
    summary = f"{leader.title}: {entry.content}" if leader else entry.content
    details = []
    if leader:
        details.append(f"{_('Lãnh đạo chủ trì')}: {leader.title}, {leader.position}")
    if entry.attendees:
        details.append(f"{_('Thành phần')}: {entry.attendees}")
    if entry.preparer:
        details.append(f"{_('Chuẩn bị')}: {entry.preparer}")
    if entry.changed_at:
        changed = timezone.localtime(entry.changed_at)
        details.append(_("Điều chỉnh lúc %(time)s") % {"time": f"{changed:%H:%M %d/%m/%Y}"})
    stamp = entry.changed_at or entry.page.last_published_at or timezone.now()
    lines = [
        "BEGIN:VEVENT",
        f"UID:{entry.translation_key}.{language}@{host}",
        f"DTSTAMP:{utc_stamp(stamp)}",
        f"LAST-MODIFIED:{utc_stamp(stamp)}",
        f"DTSTART;TZID={TZID}:{local_stamp(entry.starts_at)}",
    ]
    if entry.ends_at:
        lines.append(f"DTEND;TZID={TZID}:{local_stamp(entry.ends_at)}")
    lines += [
        f"SEQUENCE:{entry.sequence}",
        f"SUMMARY:{escape_text(summary)}",
        *([f"LOCATION:{escape_text(entry.place)}"] if entry.place else []),
        *([f"DESCRIPTION:{escape_text(chr(10).join(details))}"] if details else []),
        f"URL:{url}",
        "STATUS:CONFIRMED",
        "END:VEVENT",
    ]
    return lines


def calendar_text(name: str, entries: list[ScheduleEntry], host: str, urls: dict[int, str], language: str) -> str:
    """The whole VCALENDAR: `urls` maps each week page's id to its absolute URL."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        *VTIMEZONE,
    ]
    for entry in entries:
        lines += event_lines(entry, host, urls[entry.page_id], language)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def calendar_response(index: ScheduleIndexPage, request) -> HttpResponse:
    """The section's feed (`?lanh-dao=<slug>`: one leader's), `text/calendar`. 404 for an unknown leader."""
    leaders = site_leaders(index)
    slug = requested(request, "leader")
    leader = next((candidate for candidate in leaders if candidate.slug == slug), None)
    if slug and leader is None:
        raise Http404
    entries = feed_entries(index, leader)
    by_key = {candidate.translation_key: candidate for candidate in leaders}
    for entry in entries:
        entry.shown_leader = by_key.get(entry.leader.translation_key, entry.leader) if entry.leader else None
    home = Page.objects.filter(path=site_root_path(index)).only("title").first()
    with override(index.locale.language_code):
        parts = [_("Lịch công tác"), *([leader.title] if leader else []), home.title if home else ""]
        name = " – ".join(part for part in parts if part)
        index_url = index.get_full_url(request)
        urls = {entry.page_id: f"{index_url}{entry.page.slug}/" for entry in entries}
        host = request.get_host().split(":")[0]
        text = calendar_text(name, entries, host, urls, index.locale.language_code)
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    filename = f"lich-cong-tac-{leader.slug}.ics" if leader else "lich-cong-tac.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
