"""Views that are not Wagtail pages: health and readiness checks, robots, error pages (the sitemap is home.sitemaps,
served by Wagtail's views; the site search is finder's)."""

import secrets
import sys
import time
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import InterfaceError, OperationalError, connection
from django.db.models import Case, F, Min, When
from django.db.models.functions import Greatest
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult, get_date_max


@never_cache
def health(request):
    """Liveness and database check for load balancers: 200 "ok" or 503. Cheap: one query, nothing else."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


class NotReady(Exception):
    """A readiness check's finding that is not an exception of its own (a queue too old, a file read back wrong)."""


def _database_answers() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {}


def _cache_keeps() -> dict:
    # A write read back: a cache that answers but keeps nothing (Redis down, see groundwork.cache) is down.
    key, token = f"readyz:{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, token, 10)
    kept = cache.get(key) == token
    cache.delete(key)
    if not kept:
        raise NotReady("the cache keeps nothing")
    return {}


def _task_queue_moves() -> dict:
    """The queue is readable and its oldest task due to run has waited less than READY_TASKS_MAX_AGE seconds.

    A task is due from its run_after (a retried e-mail waits minutes on purpose), or from when it was queued. An
    old task due means no worker is taking tasks: e-mails to citizens are waiting.
    """
    due_since = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")), default=Greatest("run_after", "enqueued_at")
    )
    oldest = DBTaskResult.objects.ready().aggregate(oldest=Min(due_since))["oldest"]
    age = max(0.0, (timezone.now() - oldest).total_seconds()) if oldest else 0.0
    details = {"oldest_ready_seconds": round(age, 1), "max_age_seconds": settings.READY_TASKS_MAX_AGE}
    if age > settings.READY_TASKS_MAX_AGE:
        raise NotReady("a task has waited too long for a worker", details)
    return details


def _storage_keeps(alias: str) -> dict:
    """A small probe file written to the storage `alias`, read back and deleted (on S3 the same, through the API)."""
    storage, token = storages[alias], secrets.token_hex(8)
    name = storage.save(f"readyz/{token}.txt", ContentFile(token.encode()))
    try:
        with storage.open(name) as probe:
            if probe.read() != token.encode():
                raise NotReady("the file read back differs")
    finally:
        storage.delete(name)
    return {}


READINESS_CHECKS = {
    "database": _database_answers,
    "cache": _cache_keeps,
    "tasks": _task_queue_moves,
    "storage": partial(_storage_keeps, "default"),
    "private_storage": partial(_storage_keeps, "private"),
}


def _run_check(check) -> dict:
    """Run one check: {"ok": bool, "ms": its time, ...its details}, and on failure "error": the exception's class
    (never its message, which may name a host, a user or a bucket)."""
    started = time.perf_counter()
    try:
        result = {"ok": True, **check()}
    except NotReady as finding:
        result = {"ok": False, "error": finding.args[0], **(finding.args[1] if len(finding.args) > 1 else {})}
    except Exception as error:  # noqa: BLE001 - any failure means "down"
        result = {"ok": False, "error": type(error).__name__}
    return {**result, "ms": round((time.perf_counter() - started) * 1000, 1)}


@never_cache
def ready(request):
    """Readiness for monitoring and deploys: the database, the cache, the task queue (readable, and its oldest due
    task younger than READY_TASKS_MAX_AGE), and the public and private storages (a probe file written, read back,
    deleted), each tried and timed.

    200 {"status": "ok", "checks": {...}}, or 503 {"status": "unavailable", "down": [...], "checks": {...}}: "down"
    names what failed ("database", "cache", "tasks", "storage", "private_storage"); each check gives "ok", "ms" and,
    failing, "error". The site still serves pages without the cache (groundwork.cache), so a load balancer routes on
    /healthz, not on this: a Redis outage would otherwise take every instance out of service at once.
    """
    checks = {name: _run_check(check) for name, check in READINESS_CHECKS.items()}
    down = [name for name, result in checks.items() if not result["ok"]]
    if down:
        return JsonResponse({"status": "unavailable", "down": down, "checks": checks}, status=503)
    return JsonResponse({"status": "ok", "checks": checks})


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
    """500 without touching the database (which may be what failed): a static page in both languages.

    A lost database connection (PostgreSQL restarting, a failover) is a 503 with Retry-After instead: the visitor is
    told to come back in a few seconds, the front cache serves its stale copy, and monitoring sees no defect.
    """
    body = loader.get_template("500.html").render()
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "5"
        return response
    return HttpResponseServerError(body)
