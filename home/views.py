"""Views that are not Wagtail pages: site search, health and readiness checks, sitemap, robots, error pages."""

from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from .models.pages import paginate
from .queries import SiteFrame

MAX_QUERY_LENGTH = 200


def search(request):
    """Search the current site's pages in the language being served (diacritics optional on PostgreSQL)."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    frame = SiteFrame(request)
    results = None
    if query and frame.root is not None:
        pages = Page.objects.live().public().descendant_of(frame.root, inclusive=True).filter(locale=frame.root.locale)
        results = paginate(request, pages.search(query))
    return render(request, "home/search.html", {"query": query, "results": results, "frame": frame})


@never_cache
def health(request):
    """Liveness and database check for load balancers and monitoring: 200 "ok" or 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def sitemap(request):
    """The current site's live public pages in every language (Wagtail's own sitemap lists only one)."""
    frame = SiteFrame(request)
    pages = []
    if frame.site is not None:
        for root in frame.site.root_page.get_translations(inclusive=True).live():
            pages.extend(Page.objects.live().public().descendant_of(root, inclusive=True).order_by("path"))
    urls = [(page.get_full_url(request), page.last_published_at) for page in pages]
    return render(request, "sitemap.xml", {"urls": urls}, content_type="application/xml")


def robots(request):
    """robots.txt: everything public may be indexed; the admin may not."""
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bad_request(request, exception=None):
    """400 (a request no page can answer, e.g. one with a NUL character) in the language of the URL, in the frame."""
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    """404 in the language of the URL, inside the site's frame."""
    return render(request, "404.html", status=404)


def server_error(request):
    """500 without touching the database (which may be what failed): a static page in both languages."""
    return HttpResponseServerError(loader.get_template("500.html").render())
