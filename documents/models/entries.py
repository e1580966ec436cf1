"""What the document search reads: one narrow row per live document, kept in step with the page.

A LegalDocumentPage row is wide (summary, full text, the text of its files); at 100,000 documents a
search that matches tens of thousands of them would read most of that table three times (facets,
lĩnh vực, order). The search reads SearchEntry instead: the columns it filters, counts and sorts on,
and the text index. The page stays the source: `sync_search_entry()` runs on every full save (publish
and unpublish are full saves), the signals handle deletes, moves and validity changes, and
`repair_search_entries()` (daily, in refresh_document_validity) puts right anything missed.
"""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connection, models
from django.db.models import F, Value
from wagtail.models import Locale, Page

from home.models.records import not_withdrawn
from home.withdrawal import is_withdrawn

from .pages import LegalDocumentPage, Validity


class SearchEntry(models.Model):
    """The searchable copy of one live document."""

    page = models.OneToOneField(LegalDocumentPage, primary_key=True, on_delete=models.CASCADE, related_name="+")
    # The legal-documents section the page is in (always its parent).
    section = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+", db_index=False)
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+", db_index=False)
    # Whether the portal's search lists it: in Vietnamese, and the first live posting (lowest id) of a document
    # posted on several sites.
    on_portal = models.BooleanField(default=False)
    document_type = models.ForeignKey("legal_documents.DocumentType", on_delete=models.CASCADE, related_name="+")
    authority = models.ForeignKey(
        "legal_documents.Authority", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    number_key = models.CharField(max_length=100)
    issued_on = models.DateField()
    validity = models.CharField(max_length=10, choices=Validity.choices)
    # The folded text, matched directly on databases other than PostgreSQL (empty on PostgreSQL)…
    search_text = models.TextField(blank=True)
    # …and on PostgreSQL its full-text vector (its GIN index is created by migration 0005 there).
    search_vector = SearchVectorField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["on_portal", "issued_on"], name="legaldoc_entry_portal"),
            models.Index(fields=["section", "issued_on"], name="legaldoc_entry_section"),
            models.Index(fields=["authority", "number_key", "issued_on"], name="legaldoc_entry_identity"),
        ]

    def __str__(self):
        return self.number_key


def sync_search_entry(page: LegalDocumentPage) -> None:
    """Make the page's entry describe it as saved: written if it is live and not withdrawn, removed if not."""
    if not page.live or is_withdrawn(page):
        SearchEntry.objects.filter(page_id=page.pk).delete()
        return
    postgres = connection.vendor == "postgresql"
    values = {
        "section_id": Page.objects.filter(path=page.path[: -Page.steplen]).values_list("pk", flat=True).get(),
        "locale_id": page.locale_id,
        "document_type_id": page.document_type_id,
        "authority_id": page.authority_id,
        "number_key": page.number_key,
        "issued_on": page.issued_on,
        "validity": page.validity,
        "search_text": "" if postgres else page.search_text,
    }
    if postgres:
        values["search_vector"] = SearchVector(Value(page.search_text), config="simple")
    SearchEntry.objects.update_or_create(page_id=page.pk, defaults=values)


def refresh_on_portal(authority_id, key: str, issued_on, locale_id) -> None:
    """Mark which posting of one document the portal lists (its postings on every site share this identity)."""
    postings = SearchEntry.objects.filter(
        authority_id=authority_id, number_key=key, issued_on=issued_on, locale_id=locale_id
    )
    listed = None
    if locale_id == Locale.get_default().pk:
        listed = postings.order_by("page_id").values_list("page_id", flat=True).first()
    postings.filter(on_portal=True).exclude(page_id=listed).update(on_portal=False)
    if listed is not None:
        postings.filter(page_id=listed, on_portal=False).update(on_portal=True)


def refresh_all_on_portal() -> int:
    """refresh_on_portal() for every document in one statement; returns how many entries changed."""
    with connection.cursor() as cursor:
        cursor.execute(ON_PORTAL_SQL, [Locale.get_default().pk])
        return cursor.rowcount


# Also run by migration 0005 (with a copy of this text).
ON_PORTAL_SQL = """
    UPDATE legal_documents_searchentry SET on_portal = ranked.listed
    FROM (
        SELECT page_id, (locale_id = %s AND page_id = MIN(page_id) OVER (
            PARTITION BY authority_id, number_key, issued_on, locale_id
        )) AS listed
        FROM legal_documents_searchentry
    ) AS ranked
    WHERE legal_documents_searchentry.page_id = ranked.page_id
    AND legal_documents_searchentry.on_portal <> ranked.listed
"""


def repair_search_entries() -> int:
    """Remove the entries of pages no longer live or withdrawn, write those of live pages without one, correct their
    validity, and mark the portal's postings again; returns how many entries were wrong."""
    stale = SearchEntry.objects.exclude(pk__in=not_withdrawn(SearchEntry.objects.filter(page__live=True), page="page"))
    repaired = stale.count()
    stale.delete()
    listed = SearchEntry.objects.values("page_id")
    for page in not_withdrawn(LegalDocumentPage.objects.live()).exclude(pk__in=listed).iterator():
        sync_search_entry(page)
        repaired += 1
    drifted = SearchEntry.objects.exclude(validity=F("page__validity")).values_list("page_id", "page__validity")
    for page_id, validity in list(drifted):
        SearchEntry.objects.filter(page_id=page_id).update(validity=validity)
        repaired += 1
    return repaired + refresh_all_on_portal()
