"""What the site search reads: one narrow row per public item (a live public page, a published question…).

The pages and items stay the source; `finder.indexing` writes these rows when they change (see `finder.signals`)
and `manage.py rebuild_site_search` writes them all again. A row holds what a result shows (title, summary, where it
is, its date), so a page of results costs one query whatever the items are, and the folded text it is found by: a
tsvector with a GIN index on PostgreSQL (migration 0001 creates it), the folded words themselves elsewhere (the
SQLite demo).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

# The `source` of a page's entry; a registered item's is its model's label ("feedback.question").
PAGE_SOURCE = "wagtailcore.page"


class SearchEntry(models.Model):
    """The searchable copy of one public item in one language."""

    source = models.CharField(max_length=100)
    object_id = models.BigIntegerField()
    # For pages: deleted with the page (and its subtree), and found by path when a subtree moves or closes.
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("loại"), max_length=40)
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False)
    title = models.CharField(_("tiêu đề"), max_length=255)
    # The title's folded words, space-separated: a query equal to it is an exact title match, ranked first.
    title_key = models.CharField(max_length=255)
    summary = models.TextField(_("tóm tắt"), blank=True)
    # The URL path on the entry's site, language prefix included ("/en/news/…"); the host is the site's.
    url_path = models.CharField(max_length=2000)
    date = models.DateTimeField(_("ngày"))
    # The folded text, matched directly on databases other than PostgreSQL (empty on PostgreSQL)…
    search_text = models.TextField(blank=True)
    # …and on PostgreSQL its full-text vector, the title weighted above the rest.
    search_vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("mục tìm kiếm")
        verbose_name_plural = _("mục tìm kiếm")
        constraints = [
            models.UniqueConstraint(fields=["source", "object_id", "locale"], name="finder_entry_identity"),
        ]
        indexes = [
            models.Index(fields=["locale", "kind", "site"], name="finder_entry_filters"),
            models.Index(fields=["site", "locale", "-date"], name="finder_entry_site_newest"),
        ]

    def __str__(self):
        return self.title
