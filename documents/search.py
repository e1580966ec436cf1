"""The document search tool (R5): one query function shared by the search pages, the feed and the JSON API.

Text matching runs on `search_text`, the folded (diacritic-free, lower-case) text of each document, so
"quy che hoat dong" and "Quy chế hoạt động" are the same query. On PostgreSQL it is a full-text match on
a GIN-indexed tsvector; elsewhere (the SQLite demo) every word must occur in the text. A number or part of
one ("16/2017", "16/2017/QĐ-UBND", "qd-ubnd") ranks the documents whose number contains it first.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, Exists, F, FloatField, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from wagtail.models import Locale, Site

from vietnam.text import fold_diacritics

from .models import (
    Authority,
    DocumentRelation,
    DocumentType,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalField,
    Validity,
)
from .models.pages import number_key

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
SORTS = {"lien-quan": "relevance", "moi-nhat": "newest", "cu-nhat": "oldest"}
# The query-string names, shared by the form, the links and the API (Vietnamese, like the slugs).
PARAMS = {"type": "loai", "authority": "co-quan", "field": "linh-vuc", "year": "nam", "validity": "hieu-luc"}


def query_words(query: str) -> list[str]:
    """The folded words of a query: letters and digits only, so they are safe in a tsquery."""
    return re.findall(r"[a-z0-9]+", fold_diacritics(query).lower())


def number_fragments(query: str) -> list[str]:
    """The parts of a query that look like (part of) a document number: "16/2017", "QĐ-UBND", "16/2017/QĐ-UBND"."""
    fragments = [
        number_key(token) for token in query.split() if re.search(r"[/-]", token) or re.fullmatch(r"\d+", token)
    ]
    whole = number_key(query)
    if re.search(r"\d", whole) and re.search(r"[/-]", whole):
        fragments.append(whole)
    return [fragment for fragment in dict.fromkeys(fragments) if len(fragment) >= 2]


def text_match(words: list[str], any_word: bool = False) -> tuple[Q, object]:
    """The condition that the text has every word (or, with any_word, one of them) and a relevance score."""
    if connection.vendor == "postgresql":
        query = SearchQuery((" | " if any_word else " & ").join(words), search_type="raw", config="simple")
        return Q(search_vector=query), SearchRank(F("search_vector"), query)
    conditions = [Q(search_text__contains=word) for word in words]
    return Q(*conditions, _connector=Q.OR if any_word else Q.AND), word_score(words)


def word_score(words: list[str]):
    """A relevance score without full-text search: whole words found, plus pairs of them found side by side."""
    phrases = [f" {word} " for word in words[:12]] + [f" {a} {b} " for a, b in zip(words, words[1:12], strict=False)]
    score = Value(0.0, output_field=FloatField())
    for phrase in phrases:
        score = score + Case(
            When(search_text__contains=phrase, then=Value(1.0)), default=Value(0.0), output_field=FloatField()
        )
    return score


@dataclass
class DocumentSearch:
    """One search: query, filters, sort and page, read from a query string; results and facet counts."""

    section: LegalDocumentIndexPage | None
    query: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = ""
    page_number: str | None = None
    portal_wide: bool = False

    @classmethod
    def from_request(cls, request, section=None, portal_wide: bool | None = None):
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
        """Live public documents of this site (on the portal: of every site), in Vietnamese."""
        documents = LegalDocumentPage.objects.live().public()
        if self.library is not None:
            documents = documents.filter(locale_id=self.library.locale_id)
            if not self.portal_wide:
                return documents.descendant_of(self.library)
        # The same document posted on several sites appears once on the portal: its first posting.
        earlier_copy = LegalDocumentPage.objects.live().filter(
            authority=OuterRef("authority"),
            number_key=OuterRef("number_key"),
            issued_on=OuterRef("issued_on"),
            locale=OuterRef("locale"),
            pk__lt=OuterRef("pk"),
        )
        return documents.exclude(Exists(earlier_copy))

    def filter_conditions(self, skip: str | None = None) -> Q:
        """The chosen filters as one condition; `skip` leaves one out (for that facet's own counts)."""
        lists = self.lists
        condition = Q()
        for name, value in self.filters.items():
            if name == skip:
                continue
            if name == "type" and value in lists["type"]:
                condition &= Q(document_type=lists["type"][value])
            elif name == "authority" and value in lists["authority"]:
                condition &= Q(authority=lists["authority"][value])
            elif name == "field" and value in lists["field"]:
                condition &= Q(legal_fields=lists["field"][value])
            elif name == "year" and value.isdigit():
                condition &= Q(issued_on__year=int(value))
            elif name == "validity" and value in Validity.values:
                condition &= Q(validity=value)
        return condition

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
        return query_words(self.query)

    @cached_property
    def match(self) -> tuple[Q, object]:
        """The text condition and relevance score: every word; if no document has them all, any word.

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
        if len(self.words) > 1 and not self.scope().filter(condition | by_number).exists():
            self.loosened = True
            condition, rank = text_match(self.words, any_word=True)
        return (condition | by_number) if by_number else condition, rank

    @property
    def matched(self) -> QuerySet:
        """The scope narrowed by the text query."""
        return self.scope().filter(self.match[0])

    loosened: bool = False

    @cached_property
    def sort_order(self) -> str:
        chosen = SORTS.get(self.sort)
        if chosen:
            return chosen
        return "relevance" if self.query else "newest"

    def ordered(self, documents: QuerySet) -> QuerySet:
        if self.sort_order == "oldest":
            return documents.order_by("issued_on", "pk")
        if self.sort_order == "newest" or not self.query:
            return documents.order_by("-issued_on", "-pk")
        fragments = number_fragments(self.query)
        number_rank = Value(0, output_field=IntegerField())
        if fragments:
            # The whole number, then a number that starts with the fragment ("16" → "16/2017/…"), then any part.
            number_rank = Case(
                *[When(number_key=fragment, then=Value(3)) for fragment in fragments],
                *[When(number_key__startswith=f"{fragment}/", then=Value(2)) for fragment in fragments],
                *[When(number_key__contains=fragment, then=Value(1)) for fragment in fragments],
                default=Value(0),
                output_field=IntegerField(),
            )
        return documents.annotate(number_rank=number_rank).order_by("-number_rank", "-rank", "-issued_on", "-pk")

    @cached_property
    def results(self):
        """The page of results asked for, each with its type and authority (no query per result)."""
        documents = self.matched.filter(self.filter_conditions()).annotate(rank=self.match[1])
        documents = self.ordered(documents).select_related("document_type", "authority")
        return Paginator(documents, PAGE_SIZE).get_page(self.page_number)

    # Facets ------------------------------------------------------------------------------------------

    @cached_property
    def facets(self) -> list[dict]:
        """For each filter: its options with counts (counted under the other filters), the chosen one marked."""
        return [
            self._facet("type", "document_type", self.lists["type"]),
            self._facet("authority", "authority", self.lists["authority"]),
            self._facet("field", "legal_fields", self.lists["field"]),
            self._year_facet(),
            self._validity_facet(),
        ]

    def _counts(self, name: str, values) -> dict:
        documents = self.matched.filter(self.filter_conditions(skip=name))
        return {
            row["key"]: row["n"]
            for row in documents.values(key=values).annotate(n=Count("pk", distinct=True)).order_by()
        }

    def _facet(self, name: str, column: str, items: dict) -> dict:
        counts = self._counts(name, F(column))
        options = [
            {
                "value": slug,
                "label": item.local_name,
                "count": counts[item.pk],
                "selected": self.filters.get(name) == slug,
            }
            for slug, item in items.items()
            if counts.get(item.pk)
        ]
        return {"name": name, "param": PARAMS[name], "options": options}

    def _year_facet(self) -> dict:
        counts = self._counts("year", ExtractYear("issued_on"))
        options = [
            {"value": str(year), "label": str(year), "count": count, "selected": self.filters.get("year") == str(year)}
            for year, count in sorted(counts.items(), reverse=True)
            if year
        ]
        return {"name": "year", "param": PARAMS["year"], "options": options}

    def _validity_facet(self) -> dict:
        counts = self._counts("validity", F("validity"))
        options = [
            {"value": value, "label": label, "count": counts[value], "selected": self.filters.get("validity") == value}
            for value, label in Validity.choices
            if counts.get(value)
        ]
        return {"name": "validity", "param": PARAMS["validity"], "options": options}


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
