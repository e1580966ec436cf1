"""What the portal tells a front cache (Varnish, deploy/varnish) and browsers about each response (issue 15).

One middleware decides `Cache-Control` for every response that has none of its own:

- public content for anyone (pages, listings with their filters, feeds, sitemaps, robots, the search page):
  `public, max-age, s-maxage, stale-while-revalidate, stale-if-error` from settings.FRONT_CACHE_*;
- a 404 or 410: in the front cache for settings.FRONT_CACHE_NOT_FOUND_MAX_AGE only, never in the browser;
- anything personal (a response setting a cookie, a body carrying a CSRF token, a page that read the visitor's
  session, a preview), any other method than GET and HEAD, any other status, every 5xx and everything under
  PASS_PREFIXES: `private, no-store`.

A view that sets its own Cache-Control keeps it (WhiteNoise's static files, `never_cache` views), except under
PASS_PREFIXES, which are never stored whatever a view says. A public response never carries Set-Cookie: one that
would is made private instead.

`Vary: Accept-Language`, which Django's LocaleMiddleware adds, goes: with `prefix_default_language=False` the
language of every URL is in its path (/en/… or Vietnamese), so a cache keeping one copy per browser language
would only fill up. `Vary: Cookie` goes from public responses: the cookies that change a body (a signed-in editor's
session, a message) make the response private, so a stored copy never depends on them.
"""

from django.conf import settings
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils.cache import patch_cache_control
from django.views.csrf import csrf_failure as default_csrf_failure
from django.views.decorators.cache import never_cache

# Path prefixes a front cache must pass to the app with their cookies and never store: the admin and sign-in, the
# endpoints that hand out a CSRF token or take a usage beacon, and the public pages that are forms, status or
# look-up pages (their Vietnamese and English routes). Varnish's VCL can be generated from this list.
PASS_PREFIXES: tuple[str, ...] = (
    "/admin/",
    "/csrf-token",
    "/usage/",
    "/huy-nhan-tin/",
    "/healthz",
    "/readyz",
)
# Path fragments (anywhere in the path: these routes hang under each site's pages) of the form, status and look-up
# pages. Varnish passes a URL containing one of them; the app marks these responses no-store whatever the URL.
PASS_FRAGMENTS: tuple[str, ...] = (
    "/nop-truc-tuyen/",  # services: the dossier form and its receipt
    "/apply-online/",
    "/da-nop/",
    "/submitted/",
    "/tra-cuu-ho-so/",  # services: a dossier's status, and recovering its security code
    "/track-dossier/",
    "/lay-lai-ma-bao-mat/",
    "/recover-security-code/",
    "/gui-cau-hoi/",  # feedback: asking a question, its receipt and looking it up
    "/ask/",
    "/da-gui/",  # (and following's "check your mailbox")
    "/sent/",
    "/tra-cuu/",
    "/track/",
    "/xac-nhan/",  # following: confirming and managing a subscription
    "/confirm/",
    "/quan-ly/",
    "/manage/",
)

PRIVATE = "private, no-store"
CACHEABLE_STATUSES = frozenset({200, 203, 300, 301, 308})
NOT_FOUND_STATUSES = frozenset({404, 410})


def is_passed(path: str) -> bool:
    """Whether a front cache must pass `path` to the app and never store its answer (PASS_PREFIXES, PASS_FRAGMENTS)."""
    return path.startswith(PASS_PREFIXES) or any(fragment in path for fragment in PASS_FRAGMENTS)


def public_cache_control() -> str:
    """The Cache-Control of public content, from settings.FRONT_CACHE_*."""
    return (
        f"public, max-age={settings.FRONT_CACHE_MAX_AGE}, s-maxage={settings.FRONT_CACHE_S_MAXAGE}, "
        f"stale-while-revalidate={settings.FRONT_CACHE_STALE_WHILE_REVALIDATE}, "
        f"stale-if-error={settings.FRONT_CACHE_STALE_IF_ERROR}"
    )


def not_found_cache_control() -> str:
    """The Cache-Control of a 404 or 410: kept briefly by the front cache (a publish purges it there), never by the
    browser, which no purge reaches: a visitor who met the 404 sees the page as soon as it is published."""
    return f"public, max-age=0, s-maxage={settings.FRONT_CACHE_NOT_FOUND_MAX_AGE}"


def is_personal(request, response) -> bool:
    """Whether the response is for this visitor only: it sets a cookie, its body holds a CSRF token (Django's
    get_token marks the request), it read a session the request brought (a signed-in editor, a password-protected
    page, messages) or it is a preview."""
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    if getattr(request, "is_preview", False):
        return True
    session = getattr(request, "session", None)
    brought_session = settings.SESSION_COOKIE_NAME in request.COOKIES
    return brought_session and session is not None and session.accessed


def drop_vary(response, header: str) -> None:
    """Remove `header` from the response's Vary (and Vary itself once empty)."""
    if not response.has_header("Vary"):
        return
    kept = [value.strip() for value in response["Vary"].split(",") if value.strip().lower() != header.lower()]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def language_in_every_url() -> bool:
    """True when the URLs carry their language (i18n_patterns with prefix_default_language=False): Accept-Language
    then changes no answer, not even the root's (Django only redirects by it when the default language is prefixed).
    """
    return any(
        isinstance(pattern.pattern, LocalePrefixPattern) and not pattern.pattern.prefix_default_language
        for pattern in get_resolver().url_patterns
    )


class FrontCacheMiddleware:
    """Cache-Control and Vary for a front cache on every response (see the module's docstring).

    Placed before SessionMiddleware, LocaleMiddleware and CsrfViewMiddleware so that it sees what they did: the
    session read, the CSRF cookie set, the Vary added.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.drop_accept_language = language_in_every_url()

    def __call__(self, request):
        response = self.get_response(request)
        if self.drop_accept_language:
            drop_vary(response, "Accept-Language")
        control = self.cache_control(request, response)
        if control is None:
            return response
        response["Cache-Control"] = control
        if control.startswith("public"):
            drop_vary(response, "Cookie")
        return response

    def cache_control(self, request, response) -> str | None:
        """The Cache-Control to set, or None to keep the view's own."""
        if is_passed(request.path):
            if "no-store" in response.get("Cache-Control", ""):
                return None
            return PRIVATE
        if getattr(request, "is_preview", False):
            return PRIVATE  # Wagtail marks a preview `private`; it must not be stored either
        if response.has_header("Cache-Control"):
            if response.cookies and "public" in response["Cache-Control"]:
                return PRIVATE
            return None
        if request.method not in ("GET", "HEAD") or is_personal(request, response):
            return PRIVATE
        if response.status_code in CACHEABLE_STATUSES:
            return public_cache_control()
        if response.status_code in NOT_FOUND_STATUSES:
            return not_found_cache_control()
        return PRIVATE


def patch_private(response) -> None:
    """Mark a response for this visitor only (`private, no-store`), for views that know before the middleware."""
    patch_cache_control(response, private=True, no_store=True)


@never_cache
def csrf_token(request):
    """The visitor's CSRF token as JSON ({"token": "…"}), with its cookie: for the forms of cached pages
    (static/js/csrf-token.js). Never stored by any cache."""
    return JsonResponse({"token": get_token(request)})


def csrf_failure(request, reason=""):
    """Django's CSRF_FAILURE_VIEW. On the public site (a form of a cached page sent without JavaScript, or after its
    cookie expired) a 403 page that keeps what the visitor typed, in hidden fields with a fresh token, and a button
    sending it again to the same address: nothing typed is lost. Elsewhere (the admin, sign-in) Django's own page.
    Chosen files cannot be kept: the page says so."""
    if request.path.startswith(reverse("wagtailadmin_home")):
        return default_csrf_failure(request, reason)
    fields = [
        (name, value) for name, values in request.POST.lists() if name != "csrfmiddlewaretoken" for value in values
    ]
    context = {"fields": fields, "action": request.get_full_path(), "had_files": bool(request.FILES)}
    response = render(request, "groundwork/csrf_failure.html", context, status=403)
    patch_private(response)
    return response
