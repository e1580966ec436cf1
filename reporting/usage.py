"""Usage counts off the request path (issue 15): the page views of the report (reporting.models.PageViewCount) and
the procedures' views (services.models.ProcedureViewCount), counted from a beacon, written in batches.

A page served from the front cache never reaches Django, and a page GET must write nothing: each page's body
loads static/js/usage-beacon.js, which POSTs (navigator.sendBeacon) the page's id, and `procedure=1` on a
procedure's own page, to `beacon` below. The beacon checks the page (live, on the site of the Host) and the
visitor (robots are not people: services.statistics.ROBOT_AGENTS), then adds one to this process's `BUFFER`.
The buffer writes one INSERT … ON CONFLICT per table once settings.USAGE_FLUSH_HITS beacons have come, or
settings.USAGE_FLUSH_SECONDS after the first one waiting (a timer thread), and when the process exits: a worker
killed outright loses at most that much. Nothing personal is kept or read: no cookie, no address.
"""

import atexit
import threading
from collections import Counter
from datetime import date

from django.conf import settings
from django.db import close_old_connections, connection
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page, Site

from services.statistics import ROBOT_AGENTS

from .models import record_page_views


class UsageBuffer:
    """This process's counts waiting to be written: page views by (site, section path, day), procedure views by
    (procedure, day). Thread-safe; `flush` writes and empties it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pages: Counter = Counter()
        self.procedures: Counter = Counter()
        self.hits = 0
        self.timer: threading.Timer | None = None

    def add(self, page_key: tuple[int, str, date], procedure_key: tuple[int, date] | None = None) -> None:
        """Count one view of a page (and of its procedure); write the batch now if it is full, else make sure a
        timer will."""
        with self.lock:
            self.pages[page_key] += 1
            if procedure_key is not None:
                self.procedures[procedure_key] += 1
            self.hits += 1
            full = self.hits >= settings.USAGE_FLUSH_HITS
            if not full and self.timer is None:
                self.timer = threading.Timer(settings.USAGE_FLUSH_SECONDS, self.flush_from_timer)
                self.timer.daemon = True
                self.timer.start()
        if full:
            self.flush()

    def flush(self) -> int:
        """Write what is waiting, one statement per table; return the number of beacons written. On a database
        error the counts go back into the buffer for the next flush, and the error is raised."""
        with self.lock:
            pages, procedures, hits = self.pages, self.procedures, self.hits
            self.pages, self.procedures, self.hits = Counter(), Counter(), 0
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
        if not hits:
            return 0
        try:
            from services.models.usage import record_views

            record_page_views(pages)
            record_views(procedures)
        except Exception:
            with self.lock:
                self.pages.update(pages)
                self.procedures.update(procedures)
                self.hits += hits
            raise
        return hits

    def flush_from_timer(self) -> None:
        """The timer's flush, on its own thread and database connection, closed after."""
        with self.lock:
            self.timer = None
        try:
            self.flush()
        finally:
            connection.close()

    def waiting(self) -> int:
        """How many beacons wait to be written."""
        with self.lock:
            return self.hits


BUFFER = UsageBuffer()


@atexit.register
def flush_at_exit() -> None:
    """A worker ending (gunicorn's max_requests, a deploy) writes what it holds."""
    if BUFFER.waiting():
        close_old_connections()
        BUFFER.flush()


def is_robot(request) -> bool:
    """Robots, link previews and scripts (and requests naming no agent) are not people reading."""
    agent = request.headers.get("User-Agent", "")
    return not agent or bool(ROBOT_AGENTS.search(agent))


def belongs_to_site(url_path: str, site: Site) -> bool:
    """Whether the page is under the site's home or one of its translations."""
    roots = [root.root_path for root in Site.get_site_root_paths() if root.site_id == site.pk]
    return any(url_path.startswith(root) for root in roots)


@csrf_exempt  # a count, no session, no cookie: nothing a forged request could do as the visitor
def beacon(request):
    """POST page=<id> (and procedure=1 from a procedure's own page): count one view. 204 whatever was counted, so
    the answer says nothing; 400 for a malformed body, 405 for another method."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        page_id = int(request.POST.get("page", ""))
    except ValueError:
        return HttpResponse(status=400)
    if is_robot(request):
        return HttpResponse(status=204)
    site = Site.find_for_request(request)
    page = (
        Page.objects.filter(pk=page_id, live=True).values("path", "url_path", "content_type__model").first()
        if site is not None
        else None
    )
    if page is None or not belongs_to_site(page["url_path"], site):
        return HttpResponse(status=204)
    day = timezone.localdate()
    home_depth = len(site.root_page.path) // Page.steplen
    section_path = page["path"][: Page.steplen * (home_depth + 1)]
    is_procedure = request.POST.get("procedure") == "1" and page["content_type__model"] == "procedurepage"
    BUFFER.add((site.pk, section_path, day), (page_id, day) if is_procedure else None)
    return HttpResponse(status=204)
