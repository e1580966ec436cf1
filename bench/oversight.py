"""The posting-deadline dashboard panel (oversight) on the bench sites: its time and SQL for the portal's editorial
board (every site) and for one commune's, rendered as the admin's home page renders it. Budget: under 1 s (p95)."""

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import Agency
from oversight.panels import DeadlinesPanel

BUDGET_MS = 1000.0


def measure(agencies, runs: int) -> tuple[float, float, int]:
    """p50 and p95 (the slowest of `runs`) in ms of rendering the panel for `agencies`, and its SQL queries."""
    timings = []
    queries = 0
    for _run in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            DeadlinesPanel(agencies).render_html({})
            timings.append((time.perf_counter() - started) * 1000)
        queries = len(captured)
    return statistics.median(timings), max(timings), queries


def run(agencies: list[Agency], runs: int = 5) -> bool:
    """Print the panel's figures for the portal's BBT and one other site's; whether both are within budget."""
    print("\n== Dashboard panel: posting deadlines (oversight) ==")
    other = next(agency for agency in agencies if not agency.is_portal)
    passed = True
    for label, scope in (
        (f"portal's BBT ({Agency.objects.count()} sites)", Agency.objects.all()),
        (f"BBT of {other.name}", Agency.objects.filter(pk=other.pk)),
    ):
        p50, p95, queries = measure(scope, runs)
        ok = p95 < BUDGET_MS
        passed &= ok
        print(f"{label:<48} p50 {p50:7.1f} ms, p95 {p95:7.1f} ms, {queries} SQL — {'PASS' if ok else 'FAIL'}")
    return passed
