"""The yearly operations report for every site (issue 14: under 1 s for 50 sites and 100,000 documents).

Seeds a year of page views (every section of every site, every day; skipped when there) and times
`reporting.sections.report_tables` for this year over every site, as the report's page and its exports read it,
then the PDF made of them (printed, not budgeted).
"""

import random
import statistics
import time
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

BUDGET_SECONDS = 1.0


def seed_page_views(year: int) -> int:
    """A count for every section of every site on every day of `year` until today; returns the rows written."""
    from home.models import Agency
    from reporting.models import PageViewCount
    from reporting.sections import SiteTree

    start = date(year, 1, 1)
    if PageViewCount.objects.filter(day__gte=start).exists():
        return 0
    tree = SiteTree(list(Agency.objects.select_related("site__root_page")))
    keys = {(section.agency.site_id, section.key) for section in tree.sections.values()}
    days = (min(timezone.localdate(), date(year, 12, 31)) - start).days + 1
    generator = random.Random(year)  # noqa: S311 - made-up counts, not secrets
    rows = [
        PageViewCount(
            site_id=site_id, section_key=key, day=start + timedelta(days=offset), views=generator.randint(1, 400)
        )
        for site_id, key in sorted(keys)
        for offset in range(days)
    ]
    PageViewCount.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {PageViewCount._meta.db_table}")
    return len(rows)


def run(runs: int = 5) -> bool:
    """Print the yearly report's time (p50, slowest) and query count for every site; True when within budget."""
    from groundwork.reports import Period
    from home.models import Agency
    from reporting.exports import pdf_report
    from reporting.sections import report_tables

    year = timezone.localdate().year
    print(f"\n== Yearly operations report {year}, every site ==")
    started = time.perf_counter()
    written = seed_page_views(year)
    if written:
        print(f"Seeded {written:,} page-view rows in {time.perf_counter() - started:.1f} s.")
    period = Period(date(year, 1, 1), date(year, 12, 31), str(year))
    timings, queries, tables = [], 0, []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            tables = report_tables(period, Agency.objects.select_related("site__root_page"))
            timings.append(time.perf_counter() - began)
        queries = len(captured)
    rows = sum(len(table.rows) for table in tables)
    p50 = statistics.median(timings)
    print(
        f"{len(tables)} tables, {rows:,} rows, {queries} SQL queries: p50 {p50 * 1000:.0f} ms, "
        f"slowest {max(timings) * 1000:.0f} ms over {runs} runs (budget {BUDGET_SECONDS * 1000:.0f} ms)."
    )
    began = time.perf_counter()
    pdf = pdf_report(period, [agency.name for agency in Agency.objects.all()], tables)
    print(f"Its PDF export ({len(pdf.content) // 1024:,} KB): {(time.perf_counter() - began) * 1000:.0f} ms more.")
    return p50 < BUDGET_SECONDS
