"""python -m bench.catalogue [--procedures N] [--sites N] [--runs N]: the procedures catalogue at a province's scale,
timed.

1. The database (BENCH_CATALOGUE_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/portal_bench_catalogue;
   its name must contain "bench") is created if missing and migrated, with the test settings.
2. Seeds, once: --sites of the 50 sites of bench/seeding.py (default all: the portal and 49 communes, by the real
   onboarding) and --procedures live procedures (default 5,000) over their catalogues, a tenth on the portal and
   the rest shared by the communes, each indexed in Wagtail's search backend as a save indexes it (in bulk after
   the pages).
3. Times, `--runs` times each (default 30) after two warm-up requests (the second's SQL queries counted), one request at
   a time through the real pages (django.test.Client: no front cache): the portal's whole catalogue (every
   procedure), a filtered listing, a commune's catalogue, and five searches with and without diacritics. Prints
   the median and p95 of each, the median of the app's own CPU time (PostgreSQL's not included: a figure a busy
   machine disturbs less), its SQL count and matches, and the load average before and after.

Exits with status 1 when a median reaches the budget (50 ms) or a search finds nothing.
"""

import argparse
import gc
import os
import random
import sys
import time

from .__main__ import describe_machine, ensure_database

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_catalogue"
BUDGET_MS = 50.0
PORTAL_SHARE = 0.10
CATALOGUE = "/thu-tuc-hanh-chinh/"
# (label, query string, on a commune's site)
MEASURED = [
    ("catalogue, every procedure", {}, False),
    ("filtered: sector, online service", {"linh-vuc": "dat-dai", "dich-vu": "toan-trinh"}, False),
    ("a commune's catalogue, page 2", {"page": "2"}, True),
    ("search: dang ky khai sinh", {"q": "dang ky khai sinh"}, False),
    ("search: Đăng ký khai sinh", {"q": "Đăng ký khai sinh"}, False),
    ("search: giay phep xay dung", {"q": "giay phep xay dung"}, False),
    ("search: Cấp lại giấy phép, provincial", {"q": "Cấp lại giấy phép", "cap": "cap-tinh"}, False),
    ("search: giay chung nhan (broad), page 3", {"q": "giay chung nhan", "page": "3"}, False),
]


def configure_environment() -> str:
    """Point Django at the bench database with the test settings; returns the database URL."""
    url = os.environ.get("BENCH_CATALOGUE_DATABASE_URL", DEFAULT_DATABASE_URL)
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(f"BENCH_CATALOGUE_DATABASE_URL must be a PostgreSQL URL, not {url!r}.")
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    return url


def seed_procedures(agencies: list, count: int, rng: random.Random) -> int:
    """`count` live procedures over the agencies' catalogues (a tenth on the portal, `agencies[0]`), indexed in
    bulk; returns how many were added (0 when the database already has procedures)."""
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.search.backends import get_search_backend

    from services.models import ProcedureIndexPage, ProcedurePage, Sector

    from .wagtail_search import LEVELS, ONLINE, SECTORS, procedure_title

    if ProcedurePage.objects.exists():
        return 0
    sectors = [Sector.objects.get_or_create(name=name)[0] for name in SECTORS]
    sections = [ProcedureIndexPage.objects.child_of(agency.site.root_page).get() for agency in agencies]
    on_portal = int(count * PORTAL_SHARE)
    post_save.disconnect(post_save_signal_handler, sender=ProcedurePage)  # indexed in bulk below
    try:
        for number in range(count):
            section = sections[0] if number < on_portal else sections[1 + number % (len(sections) - 1)]
            page = ProcedurePage(
                title=procedure_title(rng),
                slug=f"thu-tuc-{number}",
                live=True,
                code=f"1.{number:06d}.000.00.00.H48",
                sector=rng.choice(sectors),
                government_level=rng.choice(LEVELS),
                implementing_agency="Ủy ban nhân dân cấp xã",
                applicants=rng.choice(["Cá nhân", "Tổ chức", "Cá nhân, tổ chức", "Hộ gia đình"]),
                steps="<p>Nộp hồ sơ tại Trung tâm Phục vụ hành chính công.</p>",
                result=procedure_title(rng).capitalize(),
                online_service=rng.choice(ONLINE),
                partial_reason="Kết quả nhận trực tiếp để ký nhận bản gốc.",
            )
            section.add_child(instance=page)
            if number % 500 == 499:
                print(f"  {number + 1:,} procedures…", flush=True)
    finally:
        post_save.connect(post_save_signal_handler, sender=ProcedurePage)
    backend = get_search_backend()
    ids = list(ProcedurePage.objects.values_list("pk", flat=True))
    for start in range(0, len(ids), 500):
        backend.add_bulk(ProcedurePage, list(ProcedurePage.objects.filter(pk__in=ids[start : start + 500])))
    return count


def measure(client, params: dict, host: str, runs: int) -> tuple[list[float], int, int]:
    """Timings and the app's CPU time (ms) of `runs` GETs of the catalogue after two warm-ups; the second's SQL
    count, and the matches."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(CATALOGUE, params, HTTP_HOST=host)  # the frame's cache filled
    with CaptureQueriesContext(connection) as captured:
        response = client.get(CATALOGUE, params, HTTP_HOST=host)
    if response.status_code != 200:
        raise RuntimeError(f"{CATALOGUE} {params}: HTTP {response.status_code}")
    queries = len(captured.captured_queries)
    found = matches(params, host)
    timings, cpu = [], []
    for _run in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(CATALOGUE, params, HTTP_HOST=host)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return timings, cpu, queries, found


def matches(params: dict, host: str) -> int:
    """How many procedures the catalogue's own query function finds for `params` on `host`."""
    from django.test import RequestFactory
    from wagtail.models import Page, Site

    from services.catalogue import Catalogue

    request = RequestFactory().get(CATALOGUE, params, HTTP_HOST=host)
    section = Page.objects.child_of(Site.find_for_request(request).root_page).get(slug="thu-tuc-hanh-chinh")
    catalogue = Catalogue.from_request(request, section)
    return catalogue.results.paginator.count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.catalogue", description=__doc__.split("\n")[0])
    parser.add_argument("--procedures", type=int, default=5_000)
    parser.add_argument("--sites", type=int, default=50, help="the portal and this many communes less one")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per request")
    options = parser.parse_args(argv)

    url = configure_environment()
    created = ensure_database(url)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from home.models import Agency

    from .searches import percentile
    from .seeding import ensure_site
    from .vocabulary import COMMUNES, PORTAL_NAME, PORTAL_NAME_EN

    call_command("migrate", interactive=False, verbosity=0)
    print(f"Database {'created and ' if created else ''}migrated.")
    started = time.perf_counter()
    agencies = [ensure_site(PORTAL_NAME, Agency.Kind.PORTAL, PORTAL_NAME_EN)]
    agencies += [ensure_site(name, Agency.Kind.LOCAL) for name in COMMUNES[: options.sites - 1]]
    rng = random.Random("bench-catalogue")  # noqa: S311 - test data
    added = seed_procedures(agencies, options.procedures, rng)
    with connection.cursor() as cursor:  # fresh statistics, as autovacuum keeps them on a live database
        for table in ("wagtailcore_page", "services_procedurepage", "wagtailsearch_indexentry"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    seconds = time.perf_counter() - started
    print(f"Seeded {len(agencies)} sites and {added:,} procedures (0: already there) in {seconds:.0f} s.")
    describe_machine(url)

    gc.collect()
    gc.freeze()  # as portal/wsgi.py does once the site is loaded
    client = Client()
    hosts = {False: agencies[0].site.hostname, True: agencies[1].site.hostname}
    print(f"\n{'request':<44} {'site':<7} {'median':>7} {'p95':>7} {'app CPU':>7} {'SQL':>4} {'matches':>8}")
    passed = True
    for label, params, on_commune in MEASURED:
        timings, cpu, queries, found = measure(client, params, hosts[on_commune], options.runs)
        median, p95 = percentile(timings, 50), percentile(timings, 95)
        passed &= median < BUDGET_MS and found > 0
        site = "commune" if on_commune else "portal"
        cpu_median = percentile(cpu, 50)
        print(f"{label[:44]:<44} {site:<7} {median:7.1f} {p95:7.1f} {cpu_median:7.1f} {queries:>4} {found:>8,}")
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    verdict = "PASS" if passed else "FAIL"
    print(f"Load average after: {load}. {verdict} (median < {BUDGET_MS:.0f} ms, every search finds)")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
