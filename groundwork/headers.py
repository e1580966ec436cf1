"""The Content-Security-Policy and Permissions-Policy headers, on every response (issue 11)."""

from django.conf import settings
from django.urls import reverse


def header_value(directives: dict[str, list[str]]) -> str:
    """A policy dict ({"img-src": ["'self'", "data:"]}) as a header value ("img-src 'self' data:")."""
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def permissions_policy_value(features: dict[str, list[str]]) -> str:
    """Permissions-Policy's own syntax: {"camera": []} -> "camera=()", {"fullscreen": ["self"]} -> "…=(self)"."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items())


class SecurityHeadersMiddleware:
    """Send settings.CONTENT_SECURITY_POLICY on the public site and settings.ADMIN_CONTENT_SECURITY_POLICY under
    Wagtail's admin, and settings.PERMISSIONS_POLICY everywhere.

    Django 5.2 has no CSP of its own. Two policies chosen by path is all the portal needs (no nonces: no page of
    the public site has inline code), which a few lines do without another dependency. First in MIDDLEWARE, so
    that WhiteNoise's static files and every error page carry the headers too. A view that sets a header itself
    keeps its own, outside the admin.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = header_value(settings.CONTENT_SECURITY_POLICY)
        self.admin_policy = header_value(settings.ADMIN_CONTENT_SECURITY_POLICY)
        self.permissions_policy = permissions_policy_value(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(reverse("wagtailadmin_home")):
            # Wagtail renders a preview by running a dummy request for the page's own URL through this middleware:
            # the public policy it brings back (frame-ancestors 'none') would stop the editor framing it.
            response.headers["Content-Security-Policy"] = self.admin_policy
        else:
            response.headers.setdefault("Content-Security-Policy", self.public_policy)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response
