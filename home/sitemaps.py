"""The sitemap of each site: its live public pages in every language, but the withdrawn ones (home.withdrawal), with
Wagtail's sitemap generator.

Wagtail's own `Sitemap` lists the site's root tree only, which is the Vietnamese one: the English tree is a sibling
(a translation of the root), not a descendant. This one lists the root and every translation of it. Django's
sitemap views page it at 50,000 URLs, and /sitemap.xml is the index of those pages (portal/urls.py).
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .models.records import not_withdrawn


class SiteSitemap(Sitemap):
    """Live, public pages under the requested site's root and its translations (vi and en), in tree order, each
    with its translations as `hreflang` alternates (and x-default, the Vietnamese one)."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True).values_list("path", flat=True)
        in_site = reduce(or_, (Q(path__startswith=path) for path in roots))
        pages = not_withdrawn(Page.objects.filter(in_site).live().public())
        return pages.order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        pages = list(self.paginator.page(page).object_list)
        # The translations of this sitemap page's pages, wherever they are in the sitemap (one query).
        translations = (
            Page.objects.live()
            .public()
            .filter(translation_key__in={item.translation_key for item in pages})
            .select_related("locale")
            .only("url_path", "translation_key", "locale__language_code")
        )
        by_key: dict = {}
        for translation in translations:
            url = translation.get_full_url(self.request)
            if url:
                by_key.setdefault(translation.translation_key, []).append((translation.locale.language_code, url))
        for item, url_info in zip(pages, urls, strict=False):
            versions = sorted(by_key.get(item.translation_key, []), key=lambda version: version[0] != "vi")
            if len(versions) > 1:
                url_info["alternates"] = [{"lang_code": code, "location": url} for code, url in versions]
                url_info["alternates"].append({"lang_code": "x-default", "location": versions[0][1]})
        return urls


SITEMAPS = {"pages": SiteSitemap}
