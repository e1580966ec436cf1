"""The work schedule at the issue's size: `total` entries (10,000) over the bench sites, and the time of its pages.

`seed(sites, total)` gives each site three leaders and as many weeks (around the current one, about 20 entries a
week) as its share of `total` needs: pages through treebeard (live, without revisions: the pages themselves are not
what is measured), entries with one bulk_create. Idempotent: sites that have weeks already are left as they are.

`measure(runs)` times, through django.test.Client with each site's Host, the current week of the schedule, the same
week filtered by a leader, and the site's ICS feed (milliseconds per request, `runs` each on a few sites).
"""

import random
import time as clock
from datetime import time, timedelta

from django.db import transaction
from django.test import Client

from home.models import Agency
from home.onboarding import create_agency_site
from leadership.models import LeaderIndexPage, LeaderPage, ScheduleEntry, ScheduleIndexPage, WeekSchedulePage
from leadership.weeks import this_monday, week_slug, week_title

ENTRIES_PER_WEEK = 20
LEADERS = [("Chủ tịch", 1), ("Phó Chủ tịch thứ nhất", 2), ("Phó Chủ tịch thứ hai", 3)]
CONTENTS = [
    "Họp giao ban",
    "Tiếp công dân định kỳ",
    "Làm việc với các sở, ngành về chuyển đổi số",
    "Kiểm tra công trình giao thông",
    "Dự hội nghị cải cách hành chính",
]
SAMPLE_SITES = 5


def sections_of(agency: Agency) -> tuple[ScheduleIndexPage, LeaderIndexPage]:
    """The site's schedule and leaders sections, made by onboarding if the site predates them."""
    root = agency.site.root_page
    schedule = ScheduleIndexPage.objects.descendant_of(root).first()
    if schedule is None:
        create_agency_site(agency.name, agency.kind, agency.code or None, agency.name_en)
        schedule = ScheduleIndexPage.objects.descendant_of(root).get()
    leaders = LeaderIndexPage.objects.descendant_of(root).get()
    return schedule, leaders


def seed(sites: list[Agency], total: int) -> None:
    """`total` schedule entries spread over `sites` (see the module's docstring)."""
    rng = random.Random(13)  # noqa: S311 (the same made-up data every time, nothing secret)
    per_site = max(1, total // len(sites))
    weeks = max(1, -(-per_site // ENTRIES_PER_WEEK))
    first = this_monday() - timedelta(weeks=weeks // 2)
    for agency in sites:
        schedule, leaders_index = sections_of(agency)
        if WeekSchedulePage.objects.child_of(schedule).exists():
            continue
        with transaction.atomic():
            leaders = [
                leaders_index.add_child(
                    instance=LeaderPage(
                        title=f"{title} {agency.code or 'tỉnh'}",
                        slug=f"lanh-dao-{rank}",
                        position=title,
                        rank=rank,
                        locale=leaders_index.locale,
                        live=True,
                    )
                )
                for title, rank in LEADERS
            ]
            entries = []
            for number in range(weeks):
                monday = first + timedelta(weeks=number)
                page = schedule.add_child(
                    instance=WeekSchedulePage(
                        title=week_title(monday, "vi"),
                        slug=week_slug(monday),
                        week_start=monday,
                        locale=schedule.locale,
                        live=True,
                    )
                )
                count = min(ENTRIES_PER_WEEK, per_site - number * ENTRIES_PER_WEEK)
                entries += [
                    ScheduleEntry(
                        page=page,
                        locale_id=page.locale_id,
                        sort_order=order,
                        date=monday + timedelta(days=order % 5),
                        start_time=time(7 + order % 10, 30 * (order % 2)),
                        content=rng.choice(CONTENTS),
                        place="Phòng họp số 1",
                        leader=rng.choice([*leaders, None]),
                        attendees="Lãnh đạo các phòng, ban",
                        preparer="Văn phòng",
                    )
                    for order in range(count)
                ]
            ScheduleEntry.objects.bulk_create(entries, batch_size=2000)


def measure(runs: int) -> dict[str, list[float]]:
    """Milliseconds per request of the week view, the leader-filtered week and the ICS feed, on a few sites."""
    client = Client()
    timings: dict[str, list[float]] = {"schedule week": [], "schedule week, one leader": [], "schedule ICS": []}
    agencies = list(Agency.objects.select_related("site").order_by("pk")[:SAMPLE_SITES])
    for agency in agencies:
        schedule, _leaders = sections_of(agency)
        base = schedule.relative_url(agency.site)
        leader = LeaderPage.objects.live().descendant_of(agency.site.root_page).order_by("rank").first()
        requests = {
            "schedule week": (base, {}),
            "schedule week, one leader": (base, {"lanh-dao": leader.slug} if leader else {}),
            "schedule ICS": (base + "ics/", {}),
        }
        host = {"HTTP_HOST": agency.site.hostname, "SERVER_PORT": str(agency.site.port)}
        for name, (url, params) in requests.items():
            client.get(url, params, **host)  # warm up
            for _run in range(runs):
                started = clock.perf_counter()
                response = client.get(url, params, **host)
                timings[name].append((clock.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"{name} on {agency.site.hostname}: HTTP {response.status_code}")
    return timings
