"""Page views per site, section and day (Điều 16.1.c): how much each part of each site is read.

Counted like the procedures' views (services.models.usage): no cookie, no address, no personal data, one row per
(site, section, day) incremented by one INSERT … ON CONFLICT statement, robots, previews and HEAD requests left out
(`reporting.usage`: a beacon from the page's body, written in batches, so that a page served by the front cache
counts and a page GET writes nothing).

A section is the top-level page under the site's home (news, documents, questions…); the home page counts as its
own section. Both languages count under the same section: a row keeps the section's `translation_key`, which its
Vietnamese and English pages share (and which outlives either of them), and the report names it by its Vietnamese
title.
"""

from collections import Counter
from datetime import date

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


def record_page_views(counts: dict[tuple[int, str, date], int]) -> None:
    """Add views to sections: `counts` maps (site id, path of the section's page, day) to a number of views.

    Two statements whatever the number: the sections' keys in one query (a Vietnamese section and its English
    translation share one), then one INSERT … ON CONFLICT adding every count, so simultaneous writers never lose
    one. Works on PostgreSQL and on SQLite 3.24+.
    """
    if not counts:
        return
    keys = dict(Page.objects.filter(path__in={path for _, path, _ in counts}).values_list("path", "translation_key"))
    rows: Counter = Counter()
    for (site_id, path, day), views in counts.items():
        if path in keys:
            rows[(site_id, keys[path], day)] += views
    if not rows:
        return
    table = PageViewCount._meta.db_table
    key_field = PageViewCount._meta.get_field("section_key")
    params = []
    for (site_id, key, day), views in rows.items():
        params += [site_id, key_field.get_db_prep_value(key, connection), day, views]
    values = ", ".join(["(%s, %s, %s, %s)"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (site_id, section_key, day, views) VALUES {values} "  # noqa: S608 - our own table
            f"ON CONFLICT (site_id, section_key, day) DO UPDATE SET views = {table}.views + excluded.views",
            params,
        )
