"""The sub-sites of the provincial portal (Decree 224/2026): every agency and commune site, its last update and its
status, and whether its home page answers. What the portal's "Cổng thành phần" page, the admin report and
`manage.py check_subsites` share.

`subsite_statuses` makes three queries whatever the number of sites: the agencies with their sites, their home pages
in both languages, and the latest publication under each home page (grouped by tree path, one query per depth of
the home pages, which onboarding puts all at one depth).
"""

import http.client
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import reduce
from operator import or_
from urllib.error import HTTPError, URLError

from django.db.models import Max, Q
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.models import Agency
from vietnam.text import sort_key

DEFAULT_STALE_DAYS = 30
KIND_ORDER = {Agency.Kind.AGENCY: 0, Agency.Kind.LOCAL: 1}


@dataclass
class SubsiteStatus:
    """One sub-site: its agency, address, last update, and what monitoring found."""

    agency: Agency
    url: str
    last_update: datetime | None
    stale: bool
    # Filled by `check_reachability`: None while unchecked, else whether its home page answered, and why not.
    reachable: bool | None = None
    error: str = field(default="")

    @property
    def name(self) -> str:
        return self.agency.local_name

    @property
    def kind_label(self) -> str:
        return self.agency.get_kind_display()

    @property
    def status_label(self) -> str:
        """ "Đang hoạt động", or "Chưa cập nhật" when nothing was published under it for the last N days."""
        return _("Chưa cập nhật") if self.stale else _("Đang hoạt động")

    @property
    def last_update_display(self) -> str:
        return f"{timezone.localtime(self.last_update):%d/%m/%Y}" if self.last_update else ""

    @property
    def has_problem(self) -> bool:
        return self.stale or self.reachable is False


def subsite_statuses(days: int = DEFAULT_STALE_DAYS, now: datetime | None = None) -> list[SubsiteStatus]:
    """Every agency and commune site (agencies first, then communes, each in Vietnamese order of name) with its last
    update (the latest first or last publication of a page under its home page, in either language) and whether that
    is older than `days` days."""
    now = now or timezone.now()
    agencies = list(Agency.objects.exclude(kind=Agency.Kind.PORTAL).select_related("site", "site__root_page"))
    latest = latest_updates([agency.site.root_page for agency in agencies])
    threshold = now - timedelta(days=days)
    statuses = []
    for agency in agencies:
        last_update = latest.get(agency.site.root_page.translation_key)
        statuses.append(
            SubsiteStatus(
                agency=agency,
                url=agency.site.root_url + "/",
                last_update=last_update,
                stale=last_update is None or last_update < threshold,
            )
        )
    statuses.sort(key=lambda status: (KIND_ORDER.get(status.agency.kind, 9), sort_key(status.agency.name)))
    return statuses


def latest_updates(homes: list[Page]) -> dict:
    """The latest publication under each home page and its translations, by the home page's translation key."""
    if not homes:
        return {}
    roots = Page.objects.filter(translation_key__in={home.translation_key for home in homes}).values(
        "path", "depth", "translation_key"
    )
    key_of_path = {root["path"]: root["translation_key"] for root in roots}
    latest: dict = {}
    for depth in {len(path) for path in key_of_path}:
        paths = [path for path in key_of_path if len(path) == depth]
        rows = (
            Page.objects.filter(reduce(or_, (Q(path__startswith=path) for path in paths)), live=True)
            .annotate(root=Substr("path", 1, depth))
            .values("root")
            .annotate(latest=Max(Coalesce("last_published_at", "first_published_at")))
        )
        for row in rows:
            key = key_of_path[row["root"]]
            if row["latest"] and (latest.get(key) is None or row["latest"] > latest[key]):
                latest[key] = row["latest"]
    return latest


def check_reachability(statuses: list[SubsiteStatus], timeout: float = 5.0, address: str = "") -> None:
    """GET each sub-site's home page at once (in threads), recording in each status whether it answered below 400.

    `address` connects to that IP address instead of resolving the site's host name (the local front tier, or a
    test server), sending the site's host name in the Host header, over HTTP on the site's port.
    """
    with ThreadPoolExecutor(max_workers=min(16, len(statuses) or 1)) as pool:
        results = pool.map(lambda status: fetch(status.agency.site, timeout, address), statuses)
        for status, error in zip(statuses, results, strict=True):
            status.reachable, status.error = not error, error


def fetch(site, timeout: float, address: str = "") -> str:
    """'' if the site's home page answers with a status below 400, else what went wrong."""
    try:
        if address:
            connection = http.client.HTTPConnection(address, site.port, timeout=timeout)
            try:
                host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
                connection.request("GET", "/", headers={"Host": host})
                status = connection.getresponse().status
            finally:
                connection.close()
        else:
            with urllib.request.urlopen(site.root_url + "/", timeout=timeout) as response:  # noqa: S310 (http/https)
                status = response.status
    except HTTPError as error:
        status = error.code
    except (URLError, OSError, http.client.HTTPException) as error:
        return str(getattr(error, "reason", error)) or error.__class__.__name__
    return "" if status < 400 else f"HTTP {status}"
