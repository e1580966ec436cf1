"""Counting a person's reading of any page, for the report's page views (reporting.models explains what is kept)."""

from django.utils import timezone
from wagtail.models import Site

from services.statistics import ROBOT_AGENTS

from .models import record_page_view


def count_page_view(page, request) -> None:
    """Count one reading of `page` by a person on the site serving the request: a GET, not a preview, not a robot.

    The `on_serve_page` hook calls it once the page has answered; the site (and its home) is the one Wagtail already
    found for the request.
    """
    if request.method != "GET" or getattr(request, "is_preview", False):
        return
    agent = request.headers.get("User-Agent", "")
    if not agent or ROBOT_AGENTS.search(agent):
        return
    site = Site.find_for_request(request)
    if site is None:
        return
    record_page_view(site.pk, site.root_page.depth, page.path, timezone.localdate())
