"""The document search tool (R5): one query function shared by the search pages, the feed and the JSON API.

It reads SearchEntry, the narrow searchable copy of each live document, and only then the page of
documents shown. Text matching runs on the folded (diacritic-free, lower-case) text of each document, so
"quy che hoat dong" and "Quy chế hoạt động" are the same query. On PostgreSQL it is a full-text match on
a GIN-indexed tsvector; elsewhere (the SQLite demo) every word must occur in the text. A number or part of
one ("16/2017", "16/2017/QĐ-UBND", "qd-ubnd") ranks the documents whose number contains it first.
"""

import math
import re
import time
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection, connections, router
from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    Max,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import ExtractYear
from django.db.models.lookups import GreaterThanOrEqual
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, PageViewRestriction, Site

from groundwork.routers import replica_reads
from vietnam.text import search_words

from .models import (
    Authority,
    DocumentRelation,
    DocumentType,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalField,
    SearchEntry,
    Validity,
)
from .models.pages import number_key

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
# How deep the results go: 50 pages of 20 (a deeper page costs an OFFSET over every match before it, and a
# visitor that far down is better served by a filter; search engines stop at about 1,000 results too).
MAX_PAGES = 50
# At most this many matches are ranked by their text: the most the pages show.
RANK_CANDIDATES = MAX_PAGES * PAGE_SIZE
SORTS = {"lien-quan": "relevance", "moi-nhat": "newest", "cu-nhat": "oldest"}
# The query-string names, shared by the form, the links and the API (Vietnamese, like the slugs).
PARAMS = {"type": "loai", "authority": "co-quan", "field": "linh-vuc", "year": "nam", "validity": "hieu-luc"}
FACET_TITLES = {
    "type": _("Hình thức văn bản"),
    "authority": _("Cơ quan ban hành"),
    "field": _("Lĩnh vực"),
    "year": _("Năm ban hành"),
    "validity": _("Tình trạng hiệu lực"),
}
# Each filter's condition on a document, given the chosen value as stored (a list item's id, a year).
LOOKUPS = {
    "type": "document_type_id",
    "authority": "authority_id",
    "year": "issued_on__year",
    "validity": "validity",
}
# A document's lĩnh vực (the many-to-many table of LegalDocumentPage.legal_fields).
FieldLink = LegalDocumentPage.legal_fields.through
# The filters that are columns of the entry, each counted by grouping the matches on it (`_count`).
COLUMN_FACETS = {"type": "document_type_id", "authority": "authority_id", "year": "year", "validity": "validity"}
# Columns the results list does not show.
WIDE_COLUMNS = ["body", "search_text", "attachment_text"]
# A listing's counts (no words; any filters) are cached until a document is published, unpublished or deleted.
LISTING_VERSION_KEY = "documents:listing-version"
LISTING_TTL = 15 * 60
WORD_FREQUENCIES_KEY = "documents:word-frequencies"


def query_words(query: str) -> list[str]:
    """The folded words of a query: letters and digits only, so they are safe in a tsquery."""
    return search_words(query)


def number_fragments(query: str) -> list[str]:
    """The parts of a query that look like (part of) a document number: "16/2017", "QĐ-UBND", "16/2017/QĐ-UBND"."""
    fragments = [
        number_key(token) for token in query.split() if re.search(r"[/-]", token) or re.fullmatch(r"\d+", token)
    ]
    whole = number_key(query)
    if re.search(r"\d", whole) and re.search(r"[/-]", whole):
        fragments.append(whole)
    return [fragment for fragment in dict.fromkeys(fragments) if len(fragment) >= 2]


def condition(name: str, value) -> Q:
    """The condition on an entry that the filter `name` has the chosen `value` (as stored)."""
    if name == "field":
        return Q(page_id__in=FieldLink.objects.filter(legalfield_id=value).values("legaldocumentpage_id"))
    return Q(**{LOOKUPS[name]: value})


def text_match(words: list[str]) -> tuple[Q, object]:
    """The condition that the text has every one of the words, and a relevance score."""
    if connection.vendor == "postgresql":
        query = SearchQuery(" & ".join(words), search_type="raw", config="simple")
        return Q(search_vector=query), SearchRank(F("search_vector"), query)
    return Q(*[Q(search_text__contains=word) for word in words]), word_score(words)


def has_word(word: str) -> Q:
    """The condition that the text has `word`."""
    if connection.vendor == "postgresql":
        return Q(search_vector=SearchQuery(word, search_type="raw", config="simple"))
    return Q(search_text__contains=word)


def words_found(words: list[str]):
    """How many of the words the text has (an integer expression)."""
    found = Value(0, output_field=IntegerField())
    for word in words:
        found = found + Case(When(has_word(word), then=Value(1)), default=Value(0), output_field=IntegerField())
    return found


def candidates(words: list[str], required: int) -> Q:
    """A condition every text with at least `required` of the words meets, cheap to test through the text index.

    A text with `required` of n words lacks at most n - required of them, so it has one of any n - required + 1
    of them: the rarest ones make the index's candidates few. One index scan of a few words, where OR-ing every
    n-choose-k combination of them cost one scan per combination.
    """
    if connection.vendor != "postgresql":
        return Q(*[has_word(word) for word in words], _connector=Q.OR)
    rare = sorted(words, key=word_frequencies(words).get)[: len(words) - required + 1]
    return Q(search_vector=SearchQuery(" | ".join(rare), search_type="raw", config="simple"))


def loosened_match(words: list[str], required: int) -> tuple[Q, object]:
    """The condition that the text has at least `required` of the words (the candidates, counted word by word),
    and a relevance score: the words found first."""
    found = words_found(words)
    condition = candidates(words, required)
    if required > 1:
        condition &= Q(GreaterThanOrEqual(found, required))
    if connection.vendor == "postgresql":
        anyword = SearchQuery(" | ".join(words), search_type="raw", config="simple")
        return condition, found + SearchRank(F("search_vector"), anyword)
    return condition, found + word_score(words)


def reading_connection():
    """The connection this module's raw SQL reads through: the read replica's in a `replica_reads()` block."""
    return connections[router.db_for_read(SearchEntry)]


def word_frequencies(words: list[str]) -> dict[str, float]:
    """The share of documents that have each word, from PostgreSQL's statistics of the text index (no scan).

    ANALYZE keeps the most common words of a tsvector column with their frequencies; a word it does not list is
    rarer than all of those (0 here). Read once a day at most: the vocabulary of a library changes slowly.
    """
    common = cache.get(WORD_FREQUENCIES_KEY)
    if common is None:
        with reading_connection().cursor() as cursor:
            cursor.execute(
                "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                "WHERE tablename = %s AND attname = 'search_vector'",
                [SearchEntry._meta.db_table],
            )
            row = cursor.fetchone()
        common = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
        cache.set(WORD_FREQUENCIES_KEY, common, 24 * 60 * 60)
    return {word: common.get(word, 0.0) for word in words}


def loosenings(count: int) -> list[int]:
    """How many of `count` words a search asks for when no document has them all: one word fewer, then two…
    while at least half remain; as a last resort, any one of them."""
    return [*range(count - 1, max(1, math.ceil(count / 2)) - 1, -1), 1] if count > 2 else [1]


def word_score(words: list[str]):
    """A relevance score without full-text search: whole words found, plus pairs of them found side by side."""
    phrases = [f" {word} " for word in words[:12]] + [f" {a} {b} " for a, b in zip(words, words[1:12], strict=False)]
    score = Value(0.0, output_field=FloatField())
    for phrase in phrases:
        score = score + Case(
            When(search_text__contains=phrase, then=Value(1.0)), default=Value(0.0), output_field=FloatField()
        )
    return score


class BoundedPaginator(Paginator):
    """A paginator whose pages stop at MAX_PAGES, however many results there are: a page past the last one is
    the last one (as Django's `get_page` does for any page past the end)."""

    @cached_property
    def num_pages(self) -> int:
        return min(Paginator.num_pages.func(self), MAX_PAGES)


@dataclass
class DocumentSearch:
    """One search: query, filters, sort and page, read from a query string; results and facet counts."""

    section: LegalDocumentIndexPage | None
    query: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = ""
    page_number: str | None = None
    portal_wide: bool = False
    # Only documents of these types (ids), e.g. a directives section's; empty: every type.
    document_types: tuple[int, ...] = ()

    @classmethod
    def from_request(cls, request, section=None, portal_wide: bool | None = None, document_types: tuple = ()):
        """Read ?q=&loai=&co-quan=&linh-vuc=&nam=&hieu-luc=&sap-xep=&page= (unknown values are ignored)."""
        params: QueryDict = request.GET
        if portal_wide is None:
            site = Site.find_for_request(request)
            agency = getattr(site, "agency", None) if site else None
            portal_wide = bool(agency and agency.kind == "portal")
        return cls(
            section=section,
            query=params.get("q", "").strip()[:MAX_QUERY_LENGTH],
            filters={name: params.get(param, "").strip() for name, param in PARAMS.items() if params.get(param)},
            sort=params.get("sap-xep", ""),
            page_number=params.get("page"),
            portal_wide=portal_wide,
            document_types=tuple(document_types),
        )

    # Scope and filters -------------------------------------------------------------------------------

    @cached_property
    def library(self):
        """The section whose documents are searched: the Vietnamese one, also from the English pages.

        Legal documents are authoritative in Vietnamese and few are translated; an English visitor
        searches the same library, with the interface, types and authorities in English.
        """
        if self.section is None:
            return None
        default = Locale.get_default()
        if self.section.locale_id == default.pk:
            return self.section
        return self.section.get_translation_or_none(default) or self.section

    @property
    def original_language(self) -> str | None:
        """The language of the documents listed when it is not the page's own (for `lang` attributes)."""
        if self.library is not None and self.library.pk != self.section.pk:
            return self.library.locale.language_code
        return None

    def scope(self) -> QuerySet:
        """The entries of this site's live public documents (on the portal: every site's, each once), in Vietnamese."""
        if self.portal_wide or self.library is None:
            entries = SearchEntry.objects.filter(on_portal=True)
        else:
            entries = SearchEntry.objects.filter(section_id=self.library.pk)
        if self.document_types:
            entries = entries.filter(document_type_id__in=self.document_types)
        if PageViewRestriction.objects.exists():  # rare: a private section or document
            entries = entries.exclude(page_id__in=LegalDocumentPage.objects.not_public().values("pk"))
        return entries

    @cached_property
    def chosen(self) -> dict:
        """The chosen filters as stored in the database ({"type": 3, "year": 2024, …}); unknown ones dropped."""
        chosen = {}
        for name, value in self.filters.items():
            if name in self.lists and value in self.lists[name]:
                chosen[name] = self.lists[name][value].pk
            elif name == "year" and value.isdigit() and 1900 <= int(value) <= 2200:
                chosen[name] = int(value)
            elif name == "validity" and value in Validity.values:
                chosen[name] = value
        return chosen

    def filter_conditions(self, skip: str | None = None) -> Q:
        """The chosen filters as one condition; `skip` leaves one out (for that facet's own counts)."""
        return Q(*[condition(name, value) for name, value in self.chosen.items() if name != skip])

    @cached_property
    def lists(self) -> dict:
        """The editable lists by slug (small: loaded once per search)."""
        return {
            "type": {item.slug: item for item in DocumentType.objects.all()},
            "authority": {item.slug: item for item in Authority.objects.all()},
            "field": {item.slug: item for item in LegalField.objects.all()},
        }

    # Matching and ordering ---------------------------------------------------------------------------

    @cached_property
    def words(self) -> list[str]:
        return list(dict.fromkeys(query_words(self.query)))

    @cached_property
    def match(self) -> tuple[Q, object]:
        """The text condition and relevance score: every word; if no document has them all, most of them
        (`loosened` then says how many), down to any one of them.

        A number typed in the query matches the documents whose number contains it, whatever the words.
        """
        if not self.words:
            return Q(), Value(0.0)
        # The parts of a number ("16", "2017", "qd", "ubnd") are words of search_text, so the text index
        # narrows the candidates first; the LIKE on number_key then runs only on those rows.
        by_number = Q(
            *[
                text_match(query_words(fragment))[0] & Q(number_key__contains=fragment)
                for fragment in number_fragments(self.query)
                if query_words(fragment)
            ],
            _connector=Q.OR,
        )
        condition, rank = text_match(self.words)
        if by_number:
            # Those found by their number alone may lack the words: the ones that have them come first.
            self.found = Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
            condition |= by_number
        if len(self.words) == 1 or self.scope().filter(condition).exists():
            return condition, rank
        self.found = words_found(self.words)
        for required in loosenings(len(self.words)):
            if required > 1:
                # The most words any candidate has: if that many, it is the best any document has (one aggregate
                # over the candidates, not LIMIT 1, which the planner would answer by reading the whole table).
                most = self.scope().filter(candidates(self.words, required)).aggregate(most=Max(self.found))["most"]
                if not most or most < required:
                    continue
                required = min(most, len(self.words) - 1)
            self.loosened = required
            return loosened_match(self.words, required)
        return condition, rank

    @property
    def matched(self) -> QuerySet:
        """The scope narrowed by the text query."""
        return self.scope().filter(self.match[0])

    # When no document has every word: how many of them the results have (at least)…
    loosened: int = 0
    # …and how many each has (an expression; unloosened, 1 for having them all: some found by number lack them).
    found = Value(0, output_field=IntegerField())

    @cached_property
    def sort_order(self) -> str:
        chosen = SORTS.get(self.sort)
        if chosen:
            return chosen
        return "relevance" if self.query else "newest"

    def ordered(self, documents: QuerySet) -> QuerySet:
        """The documents in the chosen order. By relevance: a number typed first, then the text's rank.

        The text's rank is costly (it reads each document's words), so when more documents match than the pages
        show (RANK_CANDIDATES), only that many are ranked: the best by number, by words found and by date.
        """
        if self.sort_order == "oldest":
            return documents.order_by("issued_on", "pk")
        if self.sort_order == "newest" or not self.query:
            return documents.order_by("-issued_on", "-pk")
        fragments = number_fragments(self.query)
        # The whole number, then a number that starts with the fragment ("16" → "16/2017/…"), then any part.
        number_rank = Case(
            *[When(number_key=fragment, then=Value(3)) for fragment in fragments],
            *[When(number_key__startswith=f"{fragment}/", then=Value(2)) for fragment in fragments],
            *[When(number_key__contains=fragment, then=Value(1)) for fragment in fragments],
            default=Value(0),
            output_field=IntegerField(),
        )
        by_number = ["-number_rank"] if fragments else []
        if fragments and set(self.words) <= {word for fragment in fragments for word in query_words(fragment)}:
            # Only a number ("qd-ubnd", "16/2017"): its words say nothing more; the newest come first.
            return documents.annotate(number_rank=number_rank).order_by(*by_number, "-issued_on", "-pk")
        if self.total > RANK_CANDIDATES:
            found = ["-found"] if self.loosened or fragments else []
            best = (
                documents.annotate(number_rank=number_rank, found=self.found)
                .order_by(*by_number, *found, "-issued_on", "-pk")
                .values("pk")[:RANK_CANDIDATES]
            )
            documents = SearchEntry.objects.filter(pk__in=best)
        ranked = documents.annotate(number_rank=number_rank, rank=self.match[1])
        return ranked.order_by(*by_number, "-rank", "-issued_on", "-pk")

    @cached_property
    def results(self):
        """The page of results asked for, each with its type and authority (no query per result).

        The matches are sorted as bare ids, so the sort stays small however many documents match;
        then only the page's documents are read. Pages stop at MAX_PAGES (`deeper` says one past it was asked).
        """
        documents = self.matched.filter(self.filter_conditions())
        paginator = BoundedPaginator(self.ordered(documents).values_list("pk", flat=True), PAGE_SIZE)
        paginator.count = self.total  # known from the facet counts: no COUNT(*) of its own
        page = paginator.get_page(self.page_number)
        self.deeper = str(self.page_number).isdigit() and int(self.page_number) > paginator.num_pages
        ids = list(page.object_list)
        found = (
            LegalDocumentPage.objects.filter(pk__in=ids)
            .select_related("document_type", "authority")
            .defer(*WIDE_COLUMNS)
            .in_bulk()
        )
        page.object_list = [found[pk] for pk in ids]
        return page

    def read(self):
        """Reads the results and the facets now, from the read replica when there is one (groundwork.routers): the
        template is rendered after the page's view has returned, outside any block. Returns the search."""
        with replica_reads():
            self.results  # noqa: B018 - a cached property, evaluated here
            self.facets  # noqa: B018
        return self

    # Whether a page past the last one shown was asked for (the last one is shown, with a hint to narrow).
    deeper: bool = False

    @property
    def most_shown(self) -> int:
        """How many results the pages show at most."""
        return MAX_PAGES * PAGE_SIZE

    @property
    def cut_short(self) -> bool:
        """Whether more documents match than the pages show."""
        return self.total > self.most_shown

    # Facets ------------------------------------------------------------------------------------------

    @cached_property
    def facets(self) -> list[dict]:
        """For each filter: its options with counts (counted under the other filters), the chosen one marked."""
        return [
            self._list_facet("type", self.counts["type"]),
            self._list_facet("authority", self.counts["authority"]),
            self._list_facet("field", self.counts["field"]),
            self._year_facet(),
            self._validity_facet(),
        ]

    @cached_property
    def counts(self) -> dict:
        """The total and every facet's counts ({"total": n, "type": {id: n}, …, "field": {id: n}}).

        One statement over the matches, or none for the unfiltered listing while its counts are cached.
        """
        key = self._listing_cache_key()
        if key is None:
            return self._count()
        return cache.get_or_set(key, self._count, LISTING_TTL)

    def _count(self) -> dict:
        """Count the matches once by each facet, in the database: a few hundred rows come back, whatever matched.

        The matches are read once into a common table (`m`) with, for each chosen filter, whether a document
        passes it; each facet then counts the documents passing every chosen filter but its own, and the total
        those passing all of them.
        """
        passes = {
            f"passes_{name}": ExpressionWrapper(condition(name, value), output_field=BooleanField())
            for name, value in self.chosen.items()
        }
        matches = (
            self.matched.annotate(year=ExtractYear("issued_on"), **passes)
            .values("page_id", "document_type_id", "authority_id", "year", "validity", *passes)
            .order_by()
        )
        sql, params = matches.query.sql_with_params()

        def where(skip: str | None = None) -> str:
            tests = [f"m.passes_{name}" for name in self.chosen if name != skip]
            return f"WHERE {' AND '.join(tests)}" if tests else ""

        # Only this module's names go into the text (COLUMN_FACETS, PARAMS' keys); every value is a parameter.
        arms = [
            f"SELECT '{name}', CAST(m.{column} AS VARCHAR(20)), COUNT(*) FROM m {where(name)} GROUP BY m.{column}"  # noqa: S608
            for name, column in COLUMN_FACETS.items()
        ]
        arms.append(
            f"SELECT 'field', CAST(link.legalfield_id AS VARCHAR(20)), COUNT(*) FROM m "  # noqa: S608
            f"JOIN {FieldLink._meta.db_table} AS link ON link.legaldocumentpage_id = m.page_id {where('field')} "
            "GROUP BY link.legalfield_id"
        )
        arms.append(f"SELECT 'total', '', COUNT(*) FROM m {where()}")  # noqa: S608
        counts = {name: {} for name in [*COLUMN_FACETS, "field"]} | {"total": 0}
        with reading_connection().cursor() as cursor:
            cursor.execute(f"WITH m AS ({sql}) {' UNION ALL '.join(arms)}", params)
            for name, value, count in cursor.fetchall():
                if name == "total":
                    counts["total"] = count
                else:
                    counts[name][value if name == "validity" else int(value)] = count
        return counts

    @cached_property
    def total(self) -> int:
        """How many documents the search finds."""
        return self.counts["total"]

    def _listing_cache_key(self) -> str | None:
        """The cache key of the listing's counts in this scope under the chosen filters; None for a text search.

        A listing without words counts every document of its scope that passes the filters (90,000 on the portal,
        read in full): its counts are kept until the next publication, one entry per combination of filters.
        """
        if self.words or self.library is None:
            return None
        version = cache.get_or_set(LISTING_VERSION_KEY, time.time_ns, None)
        scope = "portal" if self.portal_wide else self.library.pk
        types = ",".join(map(str, sorted(self.document_types)))
        chosen = ",".join(f"{name}={value}" for name, value in sorted(self.chosen.items()))
        return f"documents:listing:{version}:{self.library.locale_id}:{scope}:{types}:{chosen}"

    def _list_facet(self, name: str, counts: dict) -> dict:
        options = [
            {
                "value": slug,
                "label": item.local_name,
                "count": counts[item.pk],
                "selected": self.filters.get(name) == slug,
            }
            for slug, item in self.lists[name].items()
            if counts.get(item.pk)
        ]
        return {"name": name, "title": FACET_TITLES[name], "param": PARAMS[name], "options": options}

    def _year_facet(self) -> dict:
        counts = self.counts["year"]
        options = [
            {"value": str(year), "label": str(year), "count": count, "selected": self.filters.get("year") == str(year)}
            for year, count in sorted(counts.items(), reverse=True)
            if year
        ]
        return {"name": "year", "title": FACET_TITLES["year"], "param": PARAMS["year"], "options": options}

    def _validity_facet(self) -> dict:
        counts = self.counts["validity"]
        options = [
            {"value": value, "label": label, "count": counts[value], "selected": self.filters.get("validity") == value}
            for value, label in Validity.choices
            if counts.get(value)
        ]
        return {"name": "validity", "title": FACET_TITLES["validity"], "param": PARAMS["validity"], "options": options}


def listing_changed() -> None:
    """A document was published, unpublished or deleted, or its validity changed: drop the cached listing counts."""
    cache.set(LISTING_VERSION_KEY, time.time_ns(), None)


def document_relations(page: LegalDocumentPage) -> tuple[list, list]:
    """This document's relations in both directions, as (label, live document) pairs (two queries)."""
    outgoing = [
        (relation.get_kind_display(), relation.target)
        for relation in page.relations.select_related("target").filter(target__live=True)
    ]
    incoming = [
        (relation.inverse_label, relation.page)
        for relation in DocumentRelation.objects.filter(target__translation_key=page.translation_key, page__live=True)
        .select_related("page")
        .order_by("-page__issued_on")
    ]
    return outgoing, incoming
