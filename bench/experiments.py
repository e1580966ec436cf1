"""PROPOSED CHANGES to documents/search.py, applied by monkeypatching, for the bench only.

Nothing here edits documents/search.py: `proposed_search()` swaps methods of DocumentSearch for the
duration of a `with` block, so the bench can time the same searches with and without the changes
and check what they return. Each function is written as it would read in documents/search.py.

1. **Number fragments through the full-text index.** `number_key LIKE '%QD-UBND%'` cannot use an
   index; ORed with the text match, it makes every search with a number in it ("16/2017", "qd-ubnd",
   "quyet dinh 16 …") a sequential scan of the whole table, in each of the page's queries over the
   matches (up to eight). The parts of a number are already words of search_text (build_search_text
   adds the number with "/" and "-" turned into spaces), so `search_vector @@ 'qd & ubnd'` finds the
   candidates through the GIN index and `number_key LIKE` is checked on those only. Behaviour change:
   a fragment that is not whole parts of the number ("6/2017" in "16/2017/…", "16" in "116/QĐ-UBND")
   no longer matches by number, unless the document's text has those parts elsewhere.
2. **One grouped query for four facets and the total.** The type, authority, year and validity facets
   and the paginator's COUNT(*) each went over every match again (five queries, with COUNT(DISTINCT)
   sorts). One GROUP BY type, authority, year, validity of the matches gives them all: each facet adds
   up the groups that pass the other chosen filters, all columns of the group. The lĩnh vực facet (a
   many-to-many) keeps its own query, without DISTINCT (a document has a field at most once).
3. **The results page reads only what the list shows.** The page query selects body, search_text,
   attachment_text and search_vector too, and sorts those wide rows: with thousands of matches the
   relevance sort spills to disk. `.defer()` of those four columns.
4. **The unfiltered listing's facets and total cached until a document is published.** Without a
   query or a filter the facets count every document in scope (100,000 on the portal); no index makes
   that cheap, and it changes only when a document is published or unpublished (or a validity date
   passes). Cached per scope and language under a version that page_published/page_unpublished of
   LegalDocumentPage bump (refresh_document_validity should bump it too), with a one-hour TTL.
"""

from collections import Counter
from contextlib import contextmanager
from functools import cached_property

from django.contrib.postgres.search import SearchQuery
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Q, Value
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language
from wagtail.signals import page_published, page_unpublished

from documents import search as search_module
from documents.models import LegalDocumentPage, Validity
from documents.search import DocumentSearch, number_fragments, query_words, text_match

CHANGES = {
    1: "number fragments through the full-text index",
    2: "one grouped query for four facets and the total",
    3: "results page defers the wide text columns",
    4: "unfiltered listing's facets and total cached until a publication",
}

# Change 1 ------------------------------------------------------------------------------------------------


def number_condition(fragment: str) -> Q:
    """Documents whose number contains `fragment` as whole parts, found through the full-text index."""
    contains = Q(number_key__contains=fragment)
    parts = query_words(fragment)
    if connection.vendor != "postgresql" or not parts:
        return contains
    return Q(search_vector=SearchQuery(" & ".join(parts), search_type="raw", config="simple")) & contains


def match(self):
    """DocumentSearch.match, but for how `by_number` is written."""
    if not self.words:
        return Q(), Value(0.0)
    fragments = number_fragments(self.query)
    by_number = Q(*[number_condition(fragment) for fragment in fragments], _connector=Q.OR)
    condition, rank = text_match(self.words)
    if len(self.words) > 1 and not self.scope().filter(condition | by_number).exists():
        self.loosened = True
        condition, rank = text_match(self.words, any_word=True)
    return (condition | by_number) if fragments else condition, rank


# Change 2 ------------------------------------------------------------------------------------------------

# The facets that are columns of the document: their key in the grouped rows, and their condition.
GROUP_KEYS = {"type": "document_type_id", "authority": "authority_id", "year": "year", "validity": "validity"}
LOOKUPS = {"type": "document_type_id", "authority": "authority_id", "year": "issued_on__year", "validity": "validity"}


def chosen_columns(self) -> dict:
    """The chosen column filters as {facet: value in the grouped rows}; unknown values are ignored, as before."""
    chosen = {}
    for name, value in self.filters.items():
        if name in ("type", "authority") and value in self.lists[name]:
            chosen[name] = self.lists[name][value].pk
        elif name == "year" and value.isdigit():
            chosen[name] = int(value)
        elif name == "validity" and value in Validity.values:
            chosen[name] = value
    return chosen


def groups(self) -> list[dict]:
    """The matches (under the lĩnh vực filter, if chosen) counted by type, authority, year and validity.

    A document counts in a facet when it passes every chosen filter but that facet's own: with two or more
    column filters chosen, only the documents failing at most one of them are read (through the indexes).
    """
    documents = self.matched
    field = self.filters.get("field")
    if field in self.lists["field"]:
        documents = documents.filter(legal_fields=self.lists["field"][field])
    conditions = {name: Q(**{LOOKUPS[name]: value}) for name, value in self.chosen_columns.items()}
    if len(conditions) >= 2:
        all_but_one = [Q(*[q for other, q in conditions.items() if other != name]) for name in conditions]
        documents = documents.filter(Q(*all_but_one, _connector=Q.OR))
    return list(
        documents.values("document_type_id", "authority_id", "validity", year=ExtractYear("issued_on"))
        .annotate(n=Count("pk"))
        .order_by()
    )


def group_counts(self, facet: str | None) -> Counter:
    """Counts by `facet` of the groups passing every chosen column filter but `facet`'s own (None: the total)."""
    others = {name: value for name, value in self.chosen_columns.items() if name != facet}
    counts = Counter()
    for row in self.groups:
        if all(row[GROUP_KEYS[name]] == value for name, value in others.items()):
            counts[row[GROUP_KEYS[facet]] if facet else None] += row["n"]
    return counts


def total(self) -> int:
    """How many documents the search finds (the paginator's count)."""
    return sum(self.group_counts(None).values())


def counts(self, name: str, values) -> dict:
    """DocumentSearch._counts: column facets from the grouped rows; lĩnh vực by its own query, without DISTINCT."""
    if name in GROUP_KEYS:
        return dict(self.group_counts(name))
    documents = self.matched.filter(self.filter_conditions(skip=name))
    return {row["key"]: row["n"] for row in documents.values(key=values).annotate(n=Count("pk")).order_by()}


# Changes 2 and 3 -----------------------------------------------------------------------------------------

WIDE_COLUMNS = ["body", "search_text", "attachment_text", "search_vector"]


def make_results(grouped_total: bool, defer_wide: bool):
    def results(self):
        """DocumentSearch.results, told the total (change 2) and/or without the wide columns (change 3)."""
        documents = self.matched.filter(self.filter_conditions()).annotate(rank=self.match[1])
        documents = self.ordered(documents).select_related("document_type", "authority")
        if defer_wide:
            documents = documents.defer(*WIDE_COLUMNS)
        paginator = Paginator(documents, search_module.PAGE_SIZE)
        if grouped_total:
            paginator.count = self.total
        return paginator.get_page(self.page_number)

    return results


# Change 4 ------------------------------------------------------------------------------------------------

LISTING_VERSION_KEY = "documents:listing-version"
LISTING_TTL = 3600


def bump_listing_version(**kwargs) -> None:
    """A document was published or unpublished: every cached listing count is stale."""
    try:
        cache.incr(LISTING_VERSION_KEY)
    except ValueError:
        cache.set(LISTING_VERSION_KEY, 1, None)


def listing_cache_key(self, what: str) -> str | None:
    """The cache key of `what` for the unfiltered listing of this scope and language; None for a search."""
    if self.words or self.filters or self.section is None:
        return None
    version = cache.get_or_set(LISTING_VERSION_KEY, 1, None)
    scope = "all" if self.portal_wide else self.section.pk
    return f"documents:listing:{version}:{self.section.locale_id}:{scope}:{get_language()}:{what}"


def cached(function, what: str):
    def wrapper(self):
        key = listing_cache_key(self, what)
        return function(self) if key is None else cache.get_or_set(key, lambda: function(self), LISTING_TTL)

    wrapper.__doc__ = f"{function.__doc__} (Cached for the unfiltered listing.)"
    return wrapper


# Applying them -------------------------------------------------------------------------------------------


def _property(function, name: str) -> cached_property:
    prop = cached_property(function)
    prop.__set_name__(DocumentSearch, name)
    return prop


PATCHED = ["match", "results", "_counts", "facets", "chosen_columns", "groups", "group_counts", "total"]


@contextmanager
def proposed_search(changes=tuple(CHANGES)):
    """Apply the proposed changes (by number) to DocumentSearch inside the block, then restore it."""
    saved = {name: DocumentSearch.__dict__[name] for name in PATCHED if name in DocumentSearch.__dict__}
    original_facets = DocumentSearch.facets.func
    try:
        if 1 in changes:
            DocumentSearch.match = _property(match, "match")
        if 2 in changes:
            DocumentSearch.chosen_columns = _property(chosen_columns, "chosen_columns")
            DocumentSearch.groups = _property(groups, "groups")
            DocumentSearch.group_counts = group_counts
            DocumentSearch.total = _property(cached(total, "total") if 4 in changes else total, "total")
            DocumentSearch._counts = counts
        if 2 in changes or 3 in changes:
            DocumentSearch.results = _property(make_results(2 in changes, 3 in changes), "results")
        if 4 in changes:
            DocumentSearch.facets = _property(cached(original_facets, "facets"), "facets")
            for signal in (page_published, page_unpublished):
                signal.connect(bump_listing_version, sender=LegalDocumentPage, dispatch_uid="bench-listing-version")
        yield
    finally:
        for name in PATCHED:
            if name in saved:
                setattr(DocumentSearch, name, saved[name])
            elif name in DocumentSearch.__dict__:
                delattr(DocumentSearch, name)
        for signal in (page_published, page_unpublished):
            signal.disconnect(sender=LegalDocumentPage, dispatch_uid="bench-listing-version")
