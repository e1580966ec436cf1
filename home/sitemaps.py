"""The sitemap of each site: its live public pages in every language, with Wagtail's sitemap generator.

Wagtail's own `Sitemap` lists the site's root tree only, which is the Vietnamese one: the English tree is a sibling
(a translation of the root), not a descendant. This one lists the root and every translation of it. Django's
sitemap views page it at 50,000 URLs, and /sitemap.xml is the index of those pages (portal/urls.py).
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class SiteSitemap(Sitemap):
    """Live, public pages under the requested site's root and its translations (vi and en), in tree order."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True).values_list("path", flat=True)
        in_site = reduce(or_, (Q(path__startswith=path) for path in roots))
        return Page.objects.filter(in_site).live().public().order_by("path").defer_streamfields().specific()


SITEMAPS = {"pages": SiteSitemap}
