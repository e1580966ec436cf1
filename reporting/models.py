"""Page views per site, section and day (Điều 16.1.c): how much each part of each site is read.

Counted like the procedures' views (services.models.usage): no cookie, no address, no personal data, one row per
(site, section, day) incremented by one INSERT … ON CONFLICT statement, robots, previews and HEAD requests left out
(`reporting.pageviews.count_page_view`, called from an `on_serve_page` hook once the page answered 200: what a
view restriction turns away, a redirect or a 404 is not counted).

A section is the top-level page under the site's home (news, documents, questions…); the home page counts as its
own section. Both languages count under the same section: a row keeps the section's `translation_key`, which its
Vietnamese and English pages share (and which outlives either of them), and the report names it by its Vietnamese
title.

Pages served from a front cache never reach Django and are not counted here: when the front cache of issue 15 is
in place, its logs must be added to these numbers.
"""

from django.db import connection, models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class PageViewCount(models.Model):
    """How many times the pages of one section of one site, in either language, were read on one day."""

    wagtail_reference_index_ignore = True

    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("trang"), on_delete=models.CASCADE, related_name="+")
    section_key = models.UUIDField(_("chuyên mục"))
    day = models.DateField(_("ngày"))
    views = models.PositiveIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("lượt xem trang")
        verbose_name_plural = _("lượt xem trang")
        constraints = [
            models.UniqueConstraint(fields=["site", "section_key", "day"], name="reporting_views_site_section_day")
        ]
        # The report reads a period of days for some sites or all of them.
        indexes = [models.Index(fields=["day", "site"], name="reporting_views_day_site")]

    def __str__(self):
        return f"{self.site_id} {self.section_key} {self.day:%d/%m/%Y}: {self.views}"


def record_page_view(site_id: int, home_depth: int, page_path: str, day) -> None:
    """Add one view, on `day`, to the section of the page at `page_path` of the site whose home is at `home_depth`.

    One statement: the section (the page's ancestor one level below the home, or the home itself) is read in it,
    so simultaneous visits are never lost and nothing else is queried. Works on PostgreSQL and on SQLite 3.24+.
    """
    table = PageViewCount._meta.db_table
    section_path = page_path[: Page.steplen * (home_depth + 1)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (site_id, section_key, day, views) "  # noqa: S608 - the model's own table
            "SELECT %s, translation_key, %s, 1 FROM wagtailcore_page WHERE path = %s "
            f"ON CONFLICT (site_id, section_key, day) DO UPDATE SET views = {table}.views + 1",
            [site_id, day, section_path],
        )
