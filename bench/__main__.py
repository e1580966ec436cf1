"""python -m bench [--runs N] [--documents N] [--import-rows N] [--skip-…] [--quiet]: the document bench.

1. Creates the bench database if it is missing (BENCH_DATABASE_URL, default
   postgres://postgres@127.0.0.1:5432/portal_bench; its name must contain "bench") and migrates it,
   with the test settings. The demo's SQLite file and the test databases are never touched.
2. Seeds 50 sites and --documents legal documents (bench/seeding.py); skipped when already there.
3. Times the 22 searches of bench/searches.py through the real /van-ban/ pages and counts their SQL, beside one
   CPU-bound process (a busy loop, as on a server doing other work; --quiet: without), the load average beside.
   Then the posting-deadline dashboard panel for the portal's BBT and one commune's (bench/oversight.py).
4. Times `manage.py import_documents` on a generated CSV of --import-rows rows (bench/import_rate.py).
5. Times the yearly operations report of every site, after seeding a year of page views (bench/report.py).

Exits with status 1 when the current search misses the budget (p50 or p95 at 150 ms or more), the dashboard
panel its own (p95 at 1 s or more), or the yearly report its own (p50 at 1 s or more).
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"


def configure_environment() -> str:
    """Point Django at the bench database with the test settings; returns the database URL."""
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(f"BENCH_DATABASE_URL must be a PostgreSQL URL, not {url!r}.")
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    return url


def ensure_database(url: str) -> bool:
    """Create the database named in `url` unless it exists; returns whether it was created.

    Refuses a database whose name has neither "bench" nor "load" in it, so a mistyped URL cannot seed 100,000
    pages, or load-test submissions, into a database someone else uses.
    """
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(url)
    name = config["NAME"]
    if "bench" not in name and "load" not in name:
        sys.exit(f"Refusing to use database {name!r}: a bench database's name must contain 'bench' or 'load'.")
    maintenance = psycopg.conninfo.make_conninfo(
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        dbname="postgres",
    )
    with psycopg.connect(maintenance, autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return True


def describe_machine(url: str) -> None:
    """Print what the figures depend on: CPUs, load, PostgreSQL version, the database."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    safe_url = url.split("@")[-1]
    print(f"Machine: {os.cpu_count()} CPUs, load average {load}; PostgreSQL {version}; database …@{safe_url}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=int(os.environ.get("BENCH_DOCUMENTS", 100_000)))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 10)), help="timed runs per search")
    parser.add_argument("--import-rows", type=int, default=int(os.environ.get("BENCH_IMPORT_ROWS", 10_000)))
    parser.add_argument("--skip-import", action="store_true", help="do not time import_documents")
    parser.add_argument("--skip-search", action="store_true", help="do not time the searches")
    parser.add_argument(
        "--quiet",
        action="store_true",
        default=os.environ.get("BENCH_QUIET") == "1",
        help="time the searches without the CPU-bound process that runs beside them by default",
    )
    parser.add_argument("--skip-report", action="store_true", help="do not time the yearly operations report")
    parser.add_argument("--skip-oversight", action="store_true", help="do not time the deadline dashboard panel")
    options = parser.parse_args(argv)

    url = configure_environment()
    created = ensure_database(url)

    import django

    django.setup()
    from django.core.management import call_command

    from . import import_rate, oversight, searches, seeding
    from . import report as yearly_report

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"Database {'created and ' if created else ''}migrated in {time.perf_counter() - started:.1f} s.")
    describe_machine(url)

    print(f"\n== Seeding: 50 sites, {options.documents:,} documents ==")
    agencies, _lists, report = seeding.seed(options.documents)
    if report.sections_seeded:
        print(
            f"Seeded {report.documents_written:,} documents in {report.sections_seeded} sections "
            f"({report.sections_skipped} already there): sites and lists {report.sites_seconds:.1f} s, "
            f"documents {report.documents_seconds:.1f} s, VACUUM FULL {report.analyze_seconds:.1f} s; "
            f"total {report.seconds:.1f} s ({report.documents_written / report.documents_seconds:,.0f} documents/s)."
        )
    else:
        print(
            f"Already seeded: {report.documents_total:,} documents in 50 sections; checked in {report.seconds:.1f} s."
        )

    passed = True if options.skip_search else searches.run(agencies, runs=options.runs, busy=not options.quiet)
    if not options.skip_oversight:
        passed = oversight.run(agencies, runs=options.runs) and passed

    if options.skip_import:
        print("\n== Import rate: skipped (--skip-import) ==")
    else:
        with tempfile.TemporaryDirectory(prefix="bench-import-") as directory:
            import_rate.run(options.import_rows, Path(directory))

    if options.skip_report:
        print("\n== Yearly operations report: skipped (--skip-report) ==")
    else:
        passed = yearly_report.run() and passed
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
