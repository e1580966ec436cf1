"""The listing every kind of publication shares: newest first, filters with counts (year and the kind's own choices),
shareable URLs (?nam=2026&trang-thai=da-phe-duyet&page=2), pages.

A query counts the listing's rows grouped by year and by each filter's column, and the counts of every facet and the
total are worked out from those groups; a second reads the page shown (with its files). The number of queries does
not depend on how many publications there are.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.models.records import not_withdrawn

from .models import PublicationIndexPage

PAGE_SIZE = 20
YEAR = "year"
# Each filter's query-string name (Vietnamese, like the slugs) and title.
PARAMS = {YEAR: "nam", "kind": "loai", "status": "trang-thai", "frequency": "ky"}
TITLES = {YEAR: _("Năm"), "kind": _("Loại"), "status": _("Tình trạng"), "frequency": _("Kỳ báo cáo")}


@dataclass
class PublicationListing:
    """One listing of a publications section: the filters asked for, the facets with counts, the page of results."""

    index: PublicationIndexPage
    filters: dict = field(default_factory=dict)
    page_number: str | None = None

    @classmethod
    def from_request(cls, request, index: PublicationIndexPage) -> "PublicationListing":
        """Read ?nam=&loai=&trang-thai=&ky=&page= (the filters the kind has; unknown values are ignored)."""
        names = (YEAR, *index.item_model.FILTERS)
        params = request.GET
        return cls(
            index=index,
            filters={name: params[PARAMS[name]].strip() for name in names if params.get(PARAMS[name], "").strip()},
            page_number=params.get("page"),
        )

    @property
    def model(self):
        return self.index.item_model

    @property
    def date_field(self) -> str:
        return self.model.DATE_FIELD

    def scope(self) -> QuerySet:
        """The section's live public publications; on an English page also the Vietnamese ones not translated yet,
        so that nothing published is missing in English."""
        live = not_withdrawn(self.model.objects.live().public())
        here = live.child_of(self.index)
        default = Locale.get_default()
        if self.index.locale_id == default.pk:
            return here
        source = self.index.get_translation_or_none(default)
        if source is None:
            return here
        untranslated = live.child_of(source).exclude(translation_key__in=here.values("translation_key"))
        return here | untranslated

    @cached_property
    def chosen(self) -> dict:
        """The chosen filters as stored ({"year": 2026, "status": "da-phe-duyet"}); unknown values dropped."""
        chosen = {}
        for name, value in self.filters.items():
            if name == YEAR:
                if value.isdigit() and 1900 <= int(value) <= 2200:
                    chosen[name] = int(value)
            elif value in self.choices(name):
                chosen[name] = value
        return chosen

    def choices(self, name: str) -> dict:
        return dict(self.model._meta.get_field(name).choices)

    def conditions(self) -> Q:
        """The chosen filters as one condition (the year as a date range, which the date's index serves)."""
        conditions = []
        for name, value in self.chosen.items():
            if name == YEAR:
                conditions.append(Q(**{f"{self.date_field}__year": value}))
            else:
                conditions.append(Q(**{name: value}))
        return Q(*conditions)

    @cached_property
    def groups(self) -> list[dict]:
        """The listing's publications counted by year and each filter's value: one query."""
        return list(
            self.scope()
            .values(*self.model.FILTERS, year=ExtractYear(self.date_field))
            .annotate(n=Count("pk"))
            .order_by()
        )

    def counts(self, facet: str | None) -> Counter:
        """Counts by `facet` of the publications passing every chosen filter but the facet's own (None: the total)."""
        others = {name: value for name, value in self.chosen.items() if name != facet}
        counts = Counter()
        for row in self.groups:
            if all(row[name] == value for name, value in others.items()):
                counts[row[facet] if facet else None] += row["n"]
        return counts

    @cached_property
    def total(self) -> int:
        return sum(self.counts(None).values())

    @cached_property
    def facets(self) -> list[dict]:
        """The year facet (newest first), then the kind's own filters in their choices' order; only values found."""
        years = self.counts(YEAR)
        facets = [
            self._facet(
                YEAR,
                [(str(year), str(year), years[year]) for year in sorted(years, reverse=True) if year],
            )
        ]
        for name in self.model.FILTERS:
            counts = self.counts(name)
            options = [(value, label, counts[value]) for value, label in self.choices(name).items() if counts[value]]
            facets.append(self._facet(name, options))
        return facets

    def _facet(self, name: str, options: list[tuple]) -> dict:
        return {
            "name": name,
            "title": TITLES[name],
            "param": PARAMS[name],
            "options": [
                {"value": value, "label": label, "count": count, "selected": self.filters.get(name) == value}
                for value, label, count in options
            ],
        }

    @cached_property
    def results(self):
        """The page asked for, newest first, with what each item shows (its files) read in a fixed number of queries."""
        publications = (
            self.scope()
            .filter(self.conditions())
            .select_related(*self.model.LIST_RELATED)
            .prefetch_related(*self.model.LIST_PREFETCH)
            .order_by(f"-{self.date_field}", "-pk")
        )
        paginator = Paginator(publications, PAGE_SIZE)
        paginator.count = self.total  # known from the grouped counts: no COUNT(*) of its own
        return paginator.get_page(self.page_number)

    @property
    def original_language(self) -> str:
        """The language of untranslated publications listed on an English page ("" on a Vietnamese one)."""
        default = Locale.get_default()
        return "" if self.index.locale_id == default.pk else default.language_code
