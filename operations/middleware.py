"""During a maintenance window the public gets the 503 maintenance page; the admin and the health checks do not.

Placed right after WhiteNoise (static files still served) and before sessions: a request it answers touches neither
the session nor the database, only the cached windows (maintenance.scheduled_windows).
"""

import math

from django.http import HttpResponse
from django.utils import timezone

from .maintenance import current_window, maintenance_page

# Staff keep the admin (to end or move the window) and monitors keep the health checks.
OPEN_PATHS = ("/admin/", "/healthz", "/readyz")


class MaintenanceMiddleware:
    """503 with Retry-After (seconds until the window ends) for every public request during a window."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(OPEN_PATHS):
            window = current_window()
            if window is not None:
                return self.maintenance_response(window)
        return self.get_response(request)

    @staticmethod
    def maintenance_response(window) -> HttpResponse:
        response = HttpResponse(maintenance_page(window), status=503, content_type="text/html; charset=utf-8")
        response["Retry-After"] = str(max(1, math.ceil((window.ends_at - timezone.now()).total_seconds())))
        response["Cache-Control"] = "no-store"
        return response
