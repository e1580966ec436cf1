"""URLs: the admin, files and images, then every site's pages, Vietnamese unprefixed and English under /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images.views.serve import ServeView

from finder import views as finder_views
from groundwork import frontcache
from home import admin_urls as scoped_admin_urls
from home import views as home_views
from home.sitemaps import SITEMAPS
from reporting import usage

urlpatterns = [
    path("admin/", include(scoped_admin_urls)),  # before Wagtail's admin: its chooser, scoped per site
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("images/<str:signature>/<int:image_id>/<str:filter_spec>/", ServeView.as_view(), name="wagtailimages_serve"),
    path("healthz", home_views.health, name="health"),
    path("readyz", home_views.ready, name="ready"),
    # An index of the site's sitemap pages (50,000 URLs each), then the pages: every site its own (home.sitemaps).
    path(
        "sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap"}, name="sitemap-index"
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", home_views.robots, name="robots"),
    # Never stored by the front cache (groundwork.frontcache.PASS_PREFIXES): a form's token, a page's usage beacon.
    path("csrf-token", frontcache.csrf_token, name="csrf-token"),
    path("usage/view", usage.beacon, name="usage-beacon"),
    path("", include("following.urls")),  # the one-click unsubscribe address of e-mails (RFC 8058)
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # The demo (portal/settings/dev.py) serves uploads itself, with DEBUG off too; production leaves them to the
    # web server or the bucket. (django.conf.urls.static.static() serves nothing when DEBUG is off.)
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

urlpatterns += i18n_patterns(
    path(_("tim-kiem/"), finder_views.search, name="search"),
    path("feed/", finder_views.site_feed, name="site-feed"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "home.views.bad_request"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
