"""Planned downtime (Decree 224/2026: announced at least 7 working days ahead), read cheaply on every request.

`scheduled_windows()` is what the notice and the middleware read: the windows not over yet, kept in the cache (one
query when it is cold, none after; saving or deleting a window empties it, see signals.py). `maintenance_page()` is
the 503 page, the same HTML the middleware serves and `manage.py render_maintenance_page` writes for the front tier.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone

from vietnam.workdays import add_working_days

NOTICE_DAYS = 7  # working days between the announcement and the start (Decree 224/2026)
CACHE_KEY = "operations:maintenance-windows"
CACHE_TIMEOUT = 10 * 60


def earliest_start(announced_at: date | datetime) -> date:
    """The first day a window announced at `announced_at` may start: 7 working days after the announcement's date."""
    return add_working_days(announced_at, NOTICE_DAYS)


@dataclass(frozen=True)
class Window:
    """A window as the cache keeps it: no model instance, so reading it needs neither the ORM nor the database."""

    starts_at: datetime
    ends_at: datetime
    reason: str
    reason_en: str

    def is_on(self, now: datetime) -> bool:
        return self.starts_at <= now < self.ends_at

    @property
    def starts(self) -> str:
        return timezone.localtime(self.starts_at).strftime("%d/%m/%Y %H:%M")

    @property
    def ends(self) -> str:
        return timezone.localtime(self.ends_at).strftime("%d/%m/%Y %H:%M")


def scheduled_windows() -> list[Window]:
    """The announced windows that are not over yet, earliest first (one query when the cache is cold)."""
    windows = cache.get(CACHE_KEY)
    if windows is None:
        from .models import MaintenanceWindow

        rows = MaintenanceWindow.objects.filter(ends_at__gt=timezone.now()).order_by("starts_at")
        windows = [Window(row.starts_at, row.ends_at, row.reason, row.reason_en) for row in rows]
        cache.set(CACHE_KEY, windows, CACHE_TIMEOUT)
    now = timezone.now()
    return [window for window in windows if window.ends_at > now]


def forget_windows() -> None:
    """Empty the cached windows (after a window is saved or deleted)."""
    cache.delete(CACHE_KEY)


def current_window(now: datetime | None = None) -> Window | None:
    """The window in progress, if any."""
    now = now or timezone.now()
    return next((window for window in scheduled_windows() if window.is_on(now)), None)


def maintenance_page(window: Window | None) -> str:
    """The maintenance page in both languages, without script or database: nginx serves the same file while the
    application is down (its one stylesheet is the portal's; the page reads as plain HTML without it)."""
    return render_to_string("operations/maintenance.html", {"window": window})
