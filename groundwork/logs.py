"""Structured logs: one JSON object a line (LOG_FORMAT=json), a request id from the front tier, one access line a
request.

`RequestLogMiddleware` takes the request id that Varnish or nginx set in X-Request-ID (believed only from
PORTAL_TRUSTED_PROXIES, and only a short safe token), else makes one; it returns it in the response's X-Request-ID,
keeps it with the request's method, path and host in a context variable for the request's duration, and writes one
line to the "portal.access" logger when the response is ready. `JsonFormatter` writes every record, the portal's and
Django's, with those fields, so one request's lines in the app, in Varnish and in nginx are found by one id.

No personal data, by construction: the query string is never logged (a question's or a dossier's lookup code is
there, and whatever a visitor types in a search box), nor a lookup code or token in a path (SECRET_SEGMENT), nor
the client's address, nor form data, nor any field a
record carries beyond those listed here (Django's own records carry the request object: it is not serialised).
"""

import ipaddress
import json
import logging
import re
import secrets
import time
from contextvars import ContextVar
from datetime import UTC, datetime

# Imported by logging's configuration, before the apps are loaded: Django's settings only, nothing of the apps.
from django.conf import settings
from django.core.signals import request_finished
from django.dispatch import receiver

access_logger = logging.getLogger("portal.access")

# What the front tier may send: nginx's $request_id (32 hex), Varnish's xid (digits), a UUID; nothing that could
# break a log line or carry text.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
SAFE_HOST = re.compile(r"[a-z0-9.-]{1,253}(:[0-9]{1,5})?")

# Paths whose next segment is a secret: a dossier's lookup code, a subscription's token (services, following). The
# segment is logged as "…": whoever reads the logs must not be able to open a citizen's dossier or subscription.
SECRET_SEGMENT = re.compile(
    r"(/(?:tra-cuu-ho-so|track-dossier|xac-nhan|confirm|quan-ly|manage|huy-nhan-tin)/)[^/]+", re.IGNORECASE
)

# The current request's id, method, path and host, for every record logged while it is served.
request_context: ContextVar[dict | None] = ContextVar("request_context", default=None)

# The record's own fields a JSON line may carry (the access line's); any other `extra` is left out.
RECORD_FIELDS = ("status", "duration_ms")


def request_id_for(request) -> str:
    """The front tier's X-Request-ID when it came through one of PORTAL_TRUSTED_PROXIES and is a safe token, else a
    new random one (32 hex digits, as nginx's $request_id)."""
    sent = request.META.get("HTTP_X_REQUEST_ID", "")
    if SAFE_REQUEST_ID.fullmatch(sent) and from_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
        return sent
    return secrets.token_hex(16)


def from_trusted_proxy(remote_addr: str) -> bool:
    """Whether the socket's address is one of PORTAL_TRUSTED_PROXIES (Varnish, nginx, a load balancer)."""
    try:
        address = ipaddress.ip_address(remote_addr.strip())
    except ValueError:
        return False
    address = getattr(address, "ipv4_mapped", None) or address
    return any(address in ipaddress.ip_network(proxy) for proxy in settings.PORTAL_TRUSTED_PROXIES)


def logged_path(path: str) -> str:
    """`path` (or a message naming one) as the logs show it: the secret segments of SECRET_SEGMENT replaced by "…".
    The caller gives request.path, without its query string."""
    return SECRET_SEGMENT.sub(r"\1…", path)


def safe_host(request) -> str:
    """The Host header as sent, lower case, when it looks like a host name ("" otherwise: never arbitrary text)."""
    host = request.META.get("HTTP_HOST", "").strip().lower()
    return host if SAFE_HOST.fullmatch(host) else ""


class RequestLogMiddleware:
    """First in MIDDLEWARE: gives each request its id (X-Request-ID, both ways) and writes its access line."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.request_id = request_id_for(request)
        path = logged_path(request.path)
        context = {"request_id": request.request_id, "method": request.method, "path": path, "host": safe_host(request)}
        # Until the response is closed (end_request_context): Django logs a 4xx or 5xx after the middleware returns.
        request_context.set(context)
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        duration = round((time.perf_counter() - started) * 1000, 1)
        access_logger.info(
            "%s %s %s %.0f ms",
            request.method,
            path,
            response.status_code,
            duration,
            extra={"status": response.status_code, "duration_ms": duration},
        )
        return response


@receiver(request_finished, dispatch_uid="groundwork.logs.end_request_context")
def end_request_context(**kwargs) -> None:
    """The response was sent and closed: later records of this thread belong to no request."""
    request_context.set(None)


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message; request_id, method, path and host while
    a request is served; status and duration_ms on the access line; exception (the traceback) when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": logged_path(record.getMessage()),  # Django's "Not Found: <path>" among others
        }
        line.update(request_context.get() or {})
        line.update({name: getattr(record, name) for name in RECORD_FIELDS if hasattr(record, name)})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        elif record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)
