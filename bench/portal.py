"""python -m bench.portal [--runs N] [--documents N] [--schedule N] [--officials N] [--notices N] [--parts …]: what
Điều 8.2 adds to a portal, timed at a province's scale.

1. The database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/portal_bench, shared with
   `make bench`; its name must contain "bench") is created if missing and migrated, with the test settings.
2. The 50 sites of bench/seeding.py (the portal and 49 communes) and their --documents legal documents (default
   100,000, seeded once), each site brought up to date by `create_agency_site` (new sections on an old database).
3. Each part seeds its own rows over the 50 sites, once: --schedule work-schedule entries (default 10,000,
   bench/schedule.py), --officials officials (default 5,000, bench/officials.py), --notices procurement notices
   (default 20,000, bench/procurement.py); then the site search's index (bench/site_search.py).
4. Times each part's listings `--runs` times (default 10) through the real pages (django.test.Client) after one
   warm-up request, and prints p50 and p95 per listing. What is loaded is frozen out of the garbage collector's
   full collections first, as portal/wsgi.py does in production. With REDIS_URL set, the cache is Redis's, as in
   production; without, the process's memory.

Exits with status 1 when a listing misses the budget (p95 at 150 ms or more).
"""

import argparse
import gc
import importlib
import os
import sys
import time

from .__main__ import configure_environment, describe_machine, ensure_database

# (module, option, default count): each module has seed(sites, total) and measure(runs) -> {label: [ms, ...]}.
PARTS = [
    ("schedule", "schedule", 10_000),
    ("officials", "officials", 5_000),
    ("procurement", "notices", 20_000),
    ("site_search", None, 0),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.portal", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 10)), help="timed runs per page")
    parser.add_argument("--documents", type=int, default=int(os.environ.get("BENCH_DOCUMENTS", 100_000)))
    for _module, option, default in PARTS:
        if option:
            parser.add_argument(f"--{option}", type=int, default=default)
    names = [module for module, _option, _default in PARTS]
    parser.add_argument("--parts", default=",".join(names), help=f"which parts, comma-separated (default: {names})")
    options = parser.parse_args(argv)
    chosen = options.parts.split(",")

    url = configure_environment()
    created = ensure_database(url)

    import django

    django.setup()
    from django.core.management import call_command

    from home.onboarding import create_agency_site

    from . import seeding
    from .searches import BUDGET_MS, percentile

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"Database {'created and ' if created else ''}migrated in {time.perf_counter() - started:.1f} s.")
    describe_machine(url)

    started = time.perf_counter()
    agencies, _lists, _report = seeding.seed(options.documents, log=lambda line: None)
    for agency in agencies:
        create_agency_site(agency.name, agency.kind, code=agency.code or None)
    print(f"50 sites and {options.documents:,} documents ready in {time.perf_counter() - started:.1f} s.")

    rows = []
    for module_name, option, _default in PARTS:
        if module_name not in chosen:
            continue
        module = importlib.import_module(f"bench.{module_name}")
        total = getattr(options, option) if option else 0
        started = time.perf_counter()
        module.seed(agencies, total)
        what = f"{total:,} rows" if option else "index"
        print(f"\n== {module_name}: {what} seeded or found in {time.perf_counter() - started:.1f} s ==")
        gc.collect()
        gc.freeze()  # as portal/wsgi.py does once the site is loaded: no full collection scanning it mid-request
        for label, timings in module.measure(options.runs).items():
            rows.append((module_name, label, percentile(timings, 50), percentile(timings, 95)))

    print(f"\n{'part':<12} {'listing':<60} {'p50 ms':>7} {'p95 ms':>7}")
    for part, label, p50, p95 in rows:
        flag = "" if p95 < BUDGET_MS else "  over budget"
        print(f"{part:<12} {label[:60]:<60} {p50:7.1f} {p95:7.1f}{flag}")
    passed = all(p95 < BUDGET_MS for *_rest, p95 in rows)
    print(f"Overall: {'PASS' if passed else 'FAIL'} (every p95 < {BUDGET_MS:.0f} ms)")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
