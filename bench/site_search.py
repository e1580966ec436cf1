"""The portal's site search (finder) at scale: `seed()` indexes what the other benches wrote, `measure()` times it.

The other benches write their pages with COPY (bench/seeding.py: 100,000 legal documents over 50 sites), which sends
no signal, so their site-search entries are written here in one INSERT … SELECT, as `rebuild_site_search` would
write them (the title weighted above the text; the folding done by PostgreSQL's `vi_unaccent`). Pages made through
Wagtail (the sites, their sections, other benches' pages saved with save()) are indexed by the signals already.

`measure(runs)` times ten searches of the portal's /tim-kiem/ through django.test.Client with the portal's Host:
one and several words, with and without diacritics, narrowed to a kind and to one site.
"""

import statistics
import time

from django.db import connection
from django.test import Client

from finder.models import PAGE_SOURCE
from home.models import Agency

BUDGET_MS = 150.0
SEARCHES = [
    {"q": "quyết định"},
    {"q": "quyet dinh"},
    {"q": "kế hoạch phát triển kinh tế xã hội"},
    {"q": "ke hoach phat trien kinh te xa hoi"},
    {"q": "chuyển đổi số"},
    {"q": "chuyen doi so", "loai": "van-ban"},
    {"q": "dat dai"},
    {"q": "khai sinh"},
    {"q": "quyet dinh", "trang": "tunghia"},
    {"q": "ubnd", "loai": "van-ban", "page": "3"},
]

INDEX_DOCUMENTS = """
    INSERT INTO finder_searchentry (
        source, object_id, page_id, kind, site_id, locale_id, title, title_key, summary, url_path, date,
        search_text, search_vector
    )
    SELECT %(source)s, page.id, page.id, 'van-ban', site.id, page.locale_id, LEFT(page.title, 255),
        LEFT(LOWER(unaccent(page.title)), 255), LEFT(document.summary, 600),
        CASE WHEN locale.language_code = %(default)s THEN '/' ELSE '/' || locale.language_code || '/' END
            || SUBSTR(page.url_path, LENGTH(root.url_path) + 1),
        document.issued_on::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', '',
        setweight(to_tsvector('vi_unaccent', page.title), 'A')
            || setweight(to_tsvector('simple', document.search_text), 'B')
    FROM legal_documents_legaldocumentpage AS document
    JOIN wagtailcore_page AS page ON page.id = document.page_ptr_id
    JOIN wagtailcore_locale AS locale ON locale.id = page.locale_id
    JOIN wagtailcore_page AS root ON page.path LIKE root.path || '%%' AND root.depth = 2
    JOIN wagtailcore_page AS site_root ON site_root.translation_key = root.translation_key
    JOIN wagtailcore_site AS site ON site.root_page_id = site_root.id
    WHERE page.live
    ON CONFLICT (source, object_id, locale_id) DO NOTHING
"""


def seed(sites: list[Agency], total: int) -> None:
    """Write the site-search entries of the live documents that have none (idempotent; `sites` and `total` are the
    other benches': nothing of its own is generated)."""
    from django.conf import settings

    with connection.cursor() as cursor:
        cursor.execute(INDEX_DOCUMENTS, {"source": PAGE_SOURCE, "default": settings.LANGUAGE_CODE})
        cursor.execute("ANALYZE finder_searchentry")


def measure(runs: int) -> dict[str, list[float]]:
    """Milliseconds per request of each search on the portal, `runs` times each after one warm-up."""
    portal = Agency.objects.get(kind=Agency.Kind.PORTAL)
    client = Client(HTTP_HOST=portal.site.hostname)
    timings = {}
    for params in SEARCHES:
        label = "site search " + " ".join(f"{key}={value}" for key, value in params.items())
        response = client.get("/tim-kiem/", params)
        if response.status_code != 200:
            raise RuntimeError(f"{label}: HTTP {response.status_code}")
        times = []
        for _run in range(runs):
            start = time.perf_counter()
            client.get("/tim-kiem/", params)
            times.append((time.perf_counter() - start) * 1000)
        timings[label] = times
    return timings


def report(timings: dict[str, list[float]]) -> str:
    """One line per search: p50 and p95 in milliseconds, against the budget."""
    lines = []
    for label, times in timings.items():
        ordered = sorted(times)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        mark = "ok" if p95 < BUDGET_MS else "SLOW"
        lines.append(f"{statistics.median(times):7.1f} ms p50 {p95:7.1f} ms p95  {mark}  {label}")
    return "\n".join(lines)
