"""Views that are not Wagtail pages: health and readiness checks, robots, error pages (the sitemap is home.sitemaps,
served by Wagtail's views; the site search is finder's)."""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult


@never_cache
def health(request):
    """Liveness and database check for load balancers: 200 "ok" or 503. Cheap: one query, nothing else."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any failure means "down"
        return False
    return True


def _cache_keeps() -> bool:
    # A write read back: a cache that answers but keeps nothing (Redis down, see groundwork.cache) is down.
    key, token = f"readyz:{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, token, 10)
    kept = cache.get(key) == token
    cache.delete(key)
    return kept


def _task_queue_readable() -> bool:
    try:
        DBTaskResult.objects.exists()  # one row at most
    except Exception:  # noqa: BLE001 - any failure means "down"
        return False
    return True


READINESS_CHECKS = {"database": _database_answers, "cache": _cache_keeps, "tasks": _task_queue_readable}


@never_cache
def ready(request):
    """Readiness for monitoring and deploys: the database, the cache and the task queue's table, each tried.

    200 {"status": "ok"}, or 503 {"status": "unavailable", "down": [...]} naming what failed ("database", "cache",
    "tasks"). The site still serves pages without the cache (groundwork.cache), so a load balancer routes on /healthz,
    not on this: a Redis outage would otherwise take every instance out of service at once.
    """
    down = [name for name, check in READINESS_CHECKS.items() if not check()]
    if down:
        return JsonResponse({"status": "unavailable", "down": down}, status=503)
    return JsonResponse({"status": "ok"})


def robots(request):
    """robots.txt: everything public may be indexed; the admin may not."""
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bad_request(request, exception=None):
    """400 (a request no page can answer, e.g. one with a NUL character) in the language of the URL, in the frame;
    a form whose fields pass DATA_UPLOAD_MAX_MEMORY_SIZE gets 413 and a page that says the limit."""
    if isinstance(exception, RequestDataTooBig):
        return render(request, "413.html", {"limit": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}, status=413)
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    """404 in the language of the URL, inside the site's frame."""
    return render(request, "404.html", status=404)


def server_error(request):
    """500 without touching the database (which may be what failed): a static page in both languages."""
    return HttpResponseServerError(loader.get_template("500.html").render())
