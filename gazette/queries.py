"""The gazette's queries, shared by its pages and by the document page (through `gazette_issues_for`)."""

from django.db.models import Count, QuerySet
from django.db.models.functions import Length

from home.models.records import not_withdrawn

from .models import GazetteIndexPage, GazetteIssuePage

# Numbers are text ("9", "15", "15+16"): longer first, then descending, puts 15 before 9 within a date.
NEWEST_FIRST = ["-year", "-issued_on", Length("number").desc(), "-number"]


def issues_in(index: GazetteIndexPage, year: int | None = None) -> QuerySet:
    """The live issues of the index (of one year, if given), newest first, each with its file and document count.

    One query, whatever the number of issues: the listing touches nothing per issue.
    """
    issues = not_withdrawn(GazetteIssuePage.objects.child_of(index).live())
    if year is not None:
        issues = issues.filter(year=year)
    return issues.select_related("file").annotate(document_count=Count("entries")).order_by(*NEWEST_FIRST)


def issue_years(index: GazetteIndexPage) -> list[dict]:
    """The years the index has live issues in, newest first: [{"year": 2025, "count": 12}, …]."""
    return list(
        not_withdrawn(GazetteIssuePage.objects.child_of(index).live())
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("-year")
    )


def issue_entries(issue: GazetteIssuePage) -> QuerySet:
    """The issue's published documents in the issue's order, with what their listing shows, in one query."""
    return not_withdrawn(issue.entries.filter(document__live=True), page="document").select_related(
        "document", "document__document_type", "document__authority"
    )


def issues_carrying(document) -> QuerySet:
    """The live issues, in the document's language, that carried the document (or its translation), oldest first."""
    return (
        not_withdrawn(GazetteIssuePage.objects.live())
        .filter(locale_id=document.locale_id, entries__document__translation_key=document.translation_key)
        .distinct()
        .order_by("issued_on", "pk")
    )
