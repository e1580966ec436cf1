"""The demo's page views, so the operations report (Báo cáo hoạt động) has numbers: five weeks of daily counts up
to the day of seeding for every section of the three sites (the home page is a section of its own), more on the
portal than on an agency's site, more on weekdays than at weekends. The counts are made up, the same on every
machine (a generator seeded by the site and section); a site that has counts already gets none (idempotent)."""

import random
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from home.models import Agency
from home.onboarding import Onboarding
from reporting.models import PageViewCount

WEEKS = 5
# A typical weekday's views of one section, by kind of site.
DAILY = {Agency.Kind.PORTAL: 120, Agency.Kind.AGENCY: 40, Agency.Kind.LOCAL: 15}


def seed_page_views(agencies: dict[str, Agency], result: Onboarding) -> None:
    """Add WEEKS weeks of page views to each site that has none yet."""
    today = timezone.localdate()
    for agency in agencies.values():
        site = agency.site
        if PageViewCount.objects.filter(site=site).exists():
            result.note(False, f"lượt xem trang: {agency.name}")
            continue
        home = site.root_page
        sections = [home, *Page.objects.child_of(home).order_by("path")]
        rows = []
        for index, section in enumerate(sections):
            generator = random.Random(f"{agency.code}/{section.slug}")  # noqa: S311 - made-up counts
            # The home page is read most, then the first sections of the menu.
            usual = DAILY[agency.kind] * (3 if section == home else max(1.0 - index * 0.05, 0.2))
            for offset in range(WEEKS * 7):
                day = today - timedelta(days=offset)
                weekend = day.weekday() >= 5
                views = round(usual * (0.4 if weekend else 1.0) * generator.uniform(0.6, 1.4))
                if views:
                    rows.append(PageViewCount(site=site, section_key=section.translation_key, day=day, views=views))
        PageViewCount.objects.bulk_create(rows, ignore_conflicts=True)
        result.note(True, f"lượt xem trang: {agency.name}, {len(rows)} ngày × chuyên mục")
