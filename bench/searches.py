"""Timing 20 representative document searches through the real pages, and counting their SQL queries.

Each search is a GET of /van-ban/ with the Host of the portal (every site's documents) or of one
commune (its own), through django.test.Client: URL routing, middleware, Wagtail's page serving,
DocumentSearch and the template, as a visitor gets them (minus the network and the WSGI server).

Each search is requested once to warm up (its SQL is captured then), then timed `runs` times, by default with one
CPU-bound process (a Python busy loop) running beside it, as on a server that does other work: on 2 CPUs the
search and PostgreSQL then share one. The load average is printed beside each search's figures.
"""

import math
import os
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

import documents.search
from documents.importing import legal_documents_section
from documents.search import DocumentSearch
from home.models import Agency

BUDGET_MS = 150.0
AGENCY_CODE = "tunghia"  # the commune whose own library is searched (Xã Tư Nghĩa)
PATH = "/van-ban/"


@dataclass(frozen=True)
class Search:
    """One search as a visitor types it: its query-string parameters, on the portal or on the agency."""

    params: dict
    on_agency: bool = False

    @property
    def label(self) -> str:
        shown = [f'"{self.params["q"]}"'] if self.params.get("q") else ["(listing)"]
        shown += [f"{name}={value}" for name, value in self.params.items() if name != "q"]
        return " ".join(shown)

    @property
    def site(self) -> str:
        return "agency" if self.on_agency else "portal"


SEARCHES = [
    # Words, with and without diacritics.
    Search({"q": "quy che hoat dong"}),
    Search({"q": "Quy chế hoạt động"}),
    Search({"q": "quyet dinh 16 quy che cong thong tin"}),
    Search({"q": "ke hoach phat trien kinh te"}),
    Search({"q": "duong giao thong"}),
    # Numbers and parts of numbers.
    Search({"q": "16/2017"}),
    Search({"q": "16/2017/QĐ-UBND"}),
    Search({"q": "qd-ubnd"}),
    # The listing (no query), its fifth page, and a deep page (past the last one shown: the last one).
    Search({}),
    Search({"page": "5"}),
    Search({"page": "2000"}),
    Search({"q": "qd-ubnd", "page": "50"}),
    # Words with filters, sorts and pages.
    Search({"q": "chuyen doi so", "loai": "ke-hoach"}),
    Search({"q": "dat dai", "nam": "2024", "hieu-luc": "con"}),
    Search({"q": "phong chong thien tai", "linh-vuc": "nong-nghiep-va-moi-truong", "sap-xep": "moi-nhat"}),
    Search({"q": "nghi quyet", "co-quan": "hdnd-tinh-quang-ngai", "nam": "2025"}),
    Search({"q": "tang cuong cong tac", "page": "5"}),
    # No document has every word: the search loosens to any word.
    Search({"q": "cong thong tin dien tu ly son mang den"}),
    # One commune's own library.
    Search({}, on_agency=True),
    Search({"q": "Kế hoạch phát triển kinh tế"}, on_agency=True),
    Search({"q": "xay dung nong thon moi", "nam": "2023", "sap-xep": "moi-nhat"}, on_agency=True),
    Search({"q": "12/QĐ-UBND"}, on_agency=True),
]


@dataclass
class Outcome:
    """What a search returns: the total, the first page, the facet counts."""

    total: int
    loosened: bool
    page: list[str]
    facets: list[tuple]


@dataclass
class Measurement:
    """The timings (ms), warm-up SQL queries and outcome of one search."""

    search: Search
    timings: list[float]
    queries: list[dict]
    outcome: Outcome
    # The 1-minute load average when the timed runs ended.
    load: float = 0.0

    @property
    def p50(self) -> float:
        return statistics.median(self.timings)

    @property
    def p95(self) -> float:
        return percentile(self.timings, 95)


def percentile(values: list[float], pct: float) -> float:
    """The nearest-rank percentile (with 10 runs, p95 is the slowest run)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


class Sites:
    """The two hosts searched and the section each one's /van-ban/ is."""

    def __init__(self, agencies: list[Agency]):
        portal = next(agency for agency in agencies if agency.is_portal)
        commune = next(agency for agency in agencies if agency.code == AGENCY_CODE)
        self.agencies = {False: portal, True: commune}
        self.sections = {flag: legal_documents_section(agency) for flag, agency in self.agencies.items()}

    def host(self, on_agency: bool) -> dict:
        site = self.agencies[on_agency].site
        return {"HTTP_HOST": site.hostname, "SERVER_PORT": str(site.port)}


def fetch(client: Client, sites: Sites, search: Search):
    response = client.get(PATH, search.params, **sites.host(search.on_agency))
    if response.status_code != 200:
        raise RuntimeError(f"{search.label}: HTTP {response.status_code}")
    return response


def outcome(sites: Sites, search: Search) -> Outcome:
    """What the page's own query function returns for `search`."""
    request = RequestFactory().get(PATH, search.params, **sites.host(search.on_agency))
    found = DocumentSearch.from_request(request, section=sites.sections[search.on_agency])
    facets = [
        (facet["name"], tuple((option["value"], option["count"]) for option in facet["options"]))
        for facet in found.facets
    ]
    page = [document.number for document in found.results]
    return Outcome(found.total, found.loosened, page, facets)


def measure(client: Client, sites: Sites, search: Search, runs: int) -> Measurement:
    """Request `search` once to warm up (capturing its SQL), then time `runs` requests."""
    with CaptureQueriesContext(connection) as captured:
        fetch(client, sites, search)
    # Read now: every request clears the connection's query log.
    measurement = Measurement(search, [], list(captured.captured_queries), outcome(sites, search))
    for _run in range(runs):
        started = time.perf_counter()
        fetch(client, sites, search)
        measurement.timings.append((time.perf_counter() - started) * 1000)
    measurement.load = os.getloadavg()[0]
    return measurement


def overall(measurements: list[Measurement]) -> tuple[float, float]:
    every_run = [timing for item in measurements for timing in item.timings]
    return percentile(every_run, 50), percentile(every_run, 95)


def verdict(measurements: list[Measurement]) -> tuple[bool, str]:
    p50, p95 = overall(measurements)
    runs = sum(len(item.timings) for item in measurements)
    passed = p50 < BUDGET_MS and p95 < BUDGET_MS
    slow = [f"#{number}" for number, item in enumerate(measurements, start=1) if item.p95 >= BUDGET_MS]
    text = (
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms over {runs} runs — {'PASS' if passed else 'FAIL'} (< {BUDGET_MS:.0f} ms)"
    )
    if slow:
        text += f"; over budget at p95: {' '.join(slow)}"
    return passed, text


def print_measurements(measurements: list[Measurement]) -> bool:
    print(
        f"{'#':>2}  {'search':<58} {'site':<6} {'p50 ms':>7} {'p95 ms':>7} {'SQL':>4} {'results':>8} {'load':>5}  "
        "first result"
    )
    for number, item in enumerate(measurements, start=1):
        results = f"{item.outcome.total:,}" + ("*" if item.outcome.loosened else "")
        first = item.outcome.page[0] if item.outcome.page else "—"
        print(
            f"{number:>2}  {item.search.label[:58]:<58} {item.search.site:<6} {item.p50:7.1f} {item.p95:7.1f} "
            f"{len(item.queries):>4} {results:>8} {item.load:5.2f}  {first}"
        )
    print("    * no document has every word: the search loosened (see DocumentSearch.match).")
    passed, text = verdict(measurements)
    print(f"Overall: {text}")
    return passed


# Query count against result count ---------------------------------------------------------------------


@contextmanager
def page_size(size: int):
    """Temporarily change the results page size of documents.search (read when a search is paginated)."""
    saved = documents.search.PAGE_SIZE
    documents.search.PAGE_SIZE = size
    try:
        yield
    finally:
        documents.search.PAGE_SIZE = saved


QUERY_COUNT_CASES = [
    (5, Search({"q": "qd-ubnd"})),
    (20, Search({"q": "qd-ubnd"})),
    (100, Search({"q": "qd-ubnd"})),
    (20, Search({"q": "16/2017/QĐ-UBND quy che"})),
    (20, Search({"q": "khongcovanbannaonhuthe"})),
    (100, Search({})),
    (100, Search({}, on_agency=True)),
]


def print_query_counts(sites: Sites) -> None:
    """Show that a results page's SQL count does not depend on how many results it shows or finds."""
    client = Client()
    print(f"{'search':<30} {'site':<6} {'page size':>9} {'on page':>8} {'found':>8} {'SQL':>5}")
    for size, search in QUERY_COUNT_CASES:
        with page_size(size):
            fetch(client, sites, search)  # warm the caches the first request of a kind fills
            with CaptureQueriesContext(connection) as captured:
                fetch(client, sites, search)
            found = outcome(sites, search).total
        print(
            f"{search.label[:30]:<30} {search.site:<6} {size:>9} {min(size, found):>8,} {found:>8,} "
            f"{len(captured.captured_queries):>5}"
        )


# Diagnosis ----------------------------------------------------------------------------------------------


def print_slowest_sql(measurements: list[Measurement], searches: int = 3, explain: bool = True) -> None:
    """For the slowest searches: their slowest SQL statements, and EXPLAIN ANALYZE of the slowest one."""
    worst = sorted(measurements, key=lambda item: item.p95, reverse=True)[:searches]
    for item in worst:
        statements = sorted(item.queries, key=lambda query: float(query["time"]), reverse=True)
        total = sum(float(query["time"]) for query in item.queries) * 1000
        print(
            f"\n{item.search.label} ({item.search.site}): p95 {item.p95:.1f} ms; in the warm-up run "
            f"{len(item.queries)} queries took {total:.0f} ms, the slowest:"
        )
        for query in statements[:4]:
            print(f"  {float(query['time']) * 1000:6.0f} ms  {shorten(query['sql'])}")
        if explain and statements:
            print("  EXPLAIN (ANALYZE, BUFFERS) of the slowest:")
            for line in explain_analyze(statements[0]["sql"])[:24]:
                print(f"    {line}")


def shorten(sql: str, width: int = 160) -> str:
    sql = " ".join(sql.split())
    return sql if len(sql) <= width else sql[: width - 1] + "…"


def explain_analyze(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return [row[0] for row in cursor.fetchall()]


def load() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


@contextmanager
def busy_neighbour(enabled: bool = True):
    """One CPU-bound process (a Python busy loop) running while the block runs; nothing when not `enabled`."""
    if not enabled:
        yield
        return
    process = subprocess.Popen([sys.executable, "-c", "while True: pass"])  # noqa: S603 - this Python, no input
    try:
        yield
    finally:
        process.terminate()
        process.wait()


def run(agencies: list[Agency], runs: int, busy: bool = True) -> bool:
    """Measure (beside one CPU-bound process unless not `busy`), print the table, the query counts and the slowest
    SQL; returns whether the budget was met."""
    sites = Sites(agencies)
    neighbour = "beside one CPU-bound process (--quiet: without)" if busy else "on a quiet machine (--quiet)"
    print(f"\n== Search: {len(SEARCHES)} searches of {PATH}, 1 warm-up + {runs} timed runs each, {neighbour} ==")
    print(
        f"Portal: {sites.agencies[False].site.hostname} (every site's documents); agency: "
        f"{sites.agencies[True].site.hostname} ({sites.sections[True].numchild:,} documents). "
        f"Load average before: {load()}."
    )
    client = Client()
    for on_agency in (False, True):  # the first request of a process fills Wagtail's and Django's caches
        fetch(client, sites, Search({}, on_agency=on_agency))
    with busy_neighbour(busy):
        measurements = [measure(client, sites, search, runs) for search in SEARCHES]
        print(f"Load average after: {load()} (other jobs share these {os.cpu_count()} CPUs).\n")
    passed = print_measurements(measurements)

    print("\n== SQL queries of one results page, as the results grow ==")
    print_query_counts(sites)

    print("\n== Why: the slowest searches ==")
    print_slowest_sql(measurements)
    return passed
