"""The notices listing (R4 h): one query function behind the section page, with filters and their counts, a text
search without diacritics, two sorts and pages, all as GET parameters so a listing's address can be shared.

On the portal it spans every site's notices, each labelled with its agency and linking to its page on that agency's
site; on a site, that site's. The notices listed are the Vietnamese ones (the official text): an English page shows
the English translation of a notice where there is one, the Vietnamese notice otherwise.

It reads the notices' own rows (kind, field, method, investor, dates, agency, `listed`, folded text; one index per
filter): the counts take three grouped queries and the page of results one more, whatever the number of notices.
The stages ("Đang mời thầu", "Sắp đóng thầu", "Đã đóng thầu") are computed from the closing time at the moment of
the request (stages.py), in SQL for the filter and the counts and in Python for the badges, with the same `now`.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, F, Min, Q, QuerySet, Value, When
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, PageViewRestriction, Site

from groundwork.paging import paginate
from home.models import Agency
from home.models.records import not_withdrawn
from vietnam.text import search_words, sort_key

from .models import NoticeKind, NoticePage, ProcurementField, ProjectPage, SelectionMethod
from .stages import Stage, stage_condition, stage_expression

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
# At most this many investors are offered as filters (the most frequent; a chosen one always shows).
MAX_INVESTORS = 15
# The query-string names (Vietnamese, like the slugs).
PARAMS = {
    "kind": "loai",
    "stage": "tinh-trang",
    "field": "linh-vuc",
    "method": "hinh-thuc",
    "year": "nam",
    "investor": "chu-dau-tu",
    "agency": "co-quan",
}
FACET_TITLES = {
    "kind": _("Loại thông tin"),
    "stage": _("Tình trạng"),
    "field": _("Lĩnh vực"),
    "method": _("Hình thức lựa chọn nhà thầu"),
    "year": _("Năm đăng tải"),
    "investor": _("Chủ đầu tư, bên mời thầu"),
    "agency": _("Cơ quan đăng tải"),
}
CHOICES = {"kind": NoticeKind, "stage": Stage, "field": ProcurementField, "method": SelectionMethod}
# The facets counted together by one grouped query, and the column each is grouped by.
GROUPED = {"kind": "kind", "stage": "stage", "field": "field", "method": "method", "year": "year"}
SORTS = {"moi-nhat": "newest", "dong-thau": "closing"}
# Columns the results do not show.
WIDE_COLUMNS = ["body", "search_text"]


def text_condition(words: list[str]) -> Q:
    """The condition that a notice's folded text has every one of `words` (whole words).

    On PostgreSQL a full-text match, served by the GIN index on to_tsvector('simple', search_text) that migration
    0001 creates; elsewhere (the SQLite demo) a LIKE per word on the same folded text.
    """
    if connection.vendor == "postgresql":
        query = SearchQuery(" & ".join(words), search_type="raw", config="simple")
        return Q(folded_vector=query)
    return Q(*[Q(search_text__contains=f" {word} ") for word in words])


def with_vector(notices: QuerySet) -> QuerySet:
    """`notices` with the text vector the text condition matches (only on PostgreSQL)."""
    if connection.vendor == "postgresql":
        return notices.annotate(folded_vector=SearchVector("search_text", config="simple"))
    return notices


@dataclass
class NoticeSearch:
    """One listing: query, filters, sort and page, read from a query string; results and facet counts."""

    section: Page | None = None  # the ProcurementIndexPage shown
    agency: Agency | None = None  # the site's agency; None or the portal's: every site's notices
    query: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = ""
    page_number: str | None = None
    now: object = None

    @classmethod
    def from_request(cls, request, section=None):
        """Read ?q=&loai=&tinh-trang=&linh-vuc=&hinh-thuc=&nam=&chu-dau-tu=&co-quan=&sap-xep=&page= (unknown
        values are ignored)."""
        params = request.GET
        site = Site.find_for_request(request)
        agency = getattr(site, "agency", None) if site else None
        return cls(
            section=section,
            agency=agency,
            query=params.get("q", "").strip()[:MAX_QUERY_LENGTH],
            filters={name: params.get(param, "").strip() for name, param in PARAMS.items() if params.get(param)},
            sort=params.get("sap-xep", ""),
            page_number=params.get("page"),
        )

    def __post_init__(self):
        self.now = self.now or timezone.now()

    @property
    def portal_wide(self) -> bool:
        return self.agency is None or self.agency.is_portal

    # Scope and filters -------------------------------------------------------------------------------

    def scope(self) -> QuerySet:
        """The listed (live, Vietnamese) public notices of this site, or on the portal of every site."""
        notices = not_withdrawn(NoticePage.objects.filter(listed=True))
        if not self.portal_wide:
            notices = notices.filter(agency=self.agency)
        if self.has_restrictions:  # rare: a private section or notice
            notices = notices.exclude(pk__in=NoticePage.objects.not_public().values("pk"))
        return notices

    @cached_property
    def has_restrictions(self) -> bool:
        return PageViewRestriction.objects.exists()

    @cached_property
    def words(self) -> list[str]:
        return list(dict.fromkeys(search_words(self.query)))

    @property
    def matched(self) -> QuerySet:
        """The scope narrowed by the text query."""
        if not self.words:
            return self.scope()
        return with_vector(self.scope()).filter(text_condition(self.words))

    @cached_property
    def chosen(self) -> dict:
        """The chosen filters as stored or computed in the rows ({"kind": "moi-thau", "year": 2026, …}); unknown
        values dropped."""
        chosen = {}
        for name, value in self.filters.items():
            if name in CHOICES and value in CHOICES[name].values:
                chosen[name] = value
            elif name == "year" and value.isdigit() and 1900 <= int(value) <= 2200:
                chosen[name] = int(value)
            elif name == "investor":
                chosen[name] = value
            elif name == "agency" and self.portal_wide and value in self.agencies_by_code:
                chosen[name] = self.agencies_by_code[value].pk
        return chosen

    def condition(self, name: str, value) -> Q:
        """The condition on a notice that the filter `name` has the chosen `value`."""
        if name == "stage":
            return stage_condition(value, self.now)
        if name == "year":
            return Q(issued_on__year=value)
        column = {"investor": "investor_key", "agency": "agency_id"}.get(name, name)
        return Q(**{column: value})

    def filter_conditions(self, skip: str | None = None) -> Q:
        """The chosen filters as one condition; `skip` leaves one out (for that facet's own counts)."""
        return Q(*[self.condition(name, value) for name, value in self.chosen.items() if name != skip])

    @cached_property
    def agencies_by_code(self) -> dict[str, Agency]:
        """Every agency by the code in the URL (the portal: "cong-tinh"); a few dozen rows, read once."""
        return {agency.code or "cong-tinh": agency for agency in Agency.objects.all()}

    # Results -----------------------------------------------------------------------------------------

    @cached_property
    def sort_order(self) -> str:
        return SORTS.get(self.sort, "newest")

    def ordered(self, notices: QuerySet) -> QuerySet:
        if self.sort_order == "closing":
            # Those still taking bids, closing soonest first; then the closed, latest first; then the others.
            still_open = Case(When(closes_at__gt=self.now, then=Value(0)), default=Value(1))
            open_closing = Case(When(closes_at__gt=self.now, then=F("closes_at")))
            return notices.order_by(
                still_open, open_closing.asc(nulls_last=True), F("closes_at").desc(nulls_last=True), "-pk"
            )
        return notices.order_by("-issued_on", "-pk")

    @cached_property
    def results(self):
        """The page of notices asked for: ids are sorted and cut first, then only the page's notices are read, with
        their agencies and, on English pages, their translations."""
        ids = self.ordered(self.matched.filter(self.filter_conditions())).values_list("pk", flat=True)
        paginator = Paginator(ids, PAGE_SIZE)
        paginator.count = self.total  # known from the grouped counts: no COUNT(*) of its own
        page = paginator.get_page(self.page_number)
        wanted = list(page.object_list)
        found = NoticePage.objects.filter(pk__in=wanted).select_related("agency").defer(*WIDE_COLUMNS).in_bulk()
        notices = [found[pk] for pk in wanted]
        page.object_list = results_for(notices, self.section, self.now)
        return page

    # Facets ------------------------------------------------------------------------------------------

    @cached_property
    def groups(self) -> list[dict]:
        """The matches passing the investor and agency filters, counted by kind, stage, field, method and year.

        A notice counts in a facet when it passes every chosen filter but that facet's own; with two or more of
        these filters chosen, only the notices failing at most one of them need counting.
        """
        notices = self.matched.filter(
            Q(*[self.condition(name, value) for name, value in self.chosen.items() if name not in GROUPED])
        )
        conditions = {name: self.condition(name, value) for name, value in self.chosen.items() if name in GROUPED}
        if len(conditions) >= 2:
            all_but_one = [Q(*[q for other, q in conditions.items() if other != name]) for name in conditions]
            notices = notices.filter(Q(*all_but_one, _connector=Q.OR))
        rows = (
            notices.annotate(stage=stage_expression(self.now), year=ExtractYear("issued_on"))
            .values("kind", "stage", "field", "method", "year")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return list(rows)

    @cached_property
    def grouped_counts(self) -> dict:
        """Counts by each grouped facet, and the total (key None), in one pass over the groups: a group passing every
        chosen grouped filter counts everywhere; one failing only facet F's own filter counts in F's options only."""
        chosen = {name: value for name, value in self.chosen.items() if name in GROUPED}
        counts = {facet: Counter() for facet in [None, *GROUPED]}
        for row in self.groups:
            failed = [name for name, value in chosen.items() if row[GROUPED[name]] != value]
            if len(failed) > 1:
                continue
            for facet in failed or [None, *GROUPED]:
                counts[facet][row[GROUPED[facet]] if facet else None] += row["n"]
        return counts

    def group_counts(self, facet: str | None) -> Counter:
        """Counts by `facet` of the groups passing every chosen grouped filter but its own (None: the total)."""
        return self.grouped_counts[facet]

    @cached_property
    def total(self) -> int:
        """How many notices the listing finds."""
        return sum(self.group_counts(None).values())

    @cached_property
    def facets(self) -> list[dict]:
        """For each filter: its options with counts (counted under the other filters), the chosen one marked."""
        facets = [self._choice_facet(name) for name in CHOICES]
        facets.insert(4, self._year_facet())
        facets.append(self._investor_facet())
        if self.portal_wide:
            facets.append(self._agency_facet())
        return facets

    def _facet(self, name: str, options: list[dict]) -> dict:
        return {"name": name, "title": FACET_TITLES[name], "param": PARAMS[name], "options": options}

    def _option(self, name: str, value: str, label, count: int) -> dict:
        return {"value": value, "label": label, "count": count, "selected": self.filters.get(name) == value}

    def _choice_facet(self, name: str) -> dict:
        counts = self.group_counts(name)
        options = [
            self._option(name, value, label, counts[value]) for value, label in CHOICES[name].choices if counts[value]
        ]
        return self._facet(name, options)

    def _year_facet(self) -> dict:
        counts = self.group_counts("year")
        options = [
            self._option("year", str(year), str(year), count)
            for year, count in sorted(counts.items(), reverse=True)
            if year
        ]
        return self._facet("year", options)

    def _investor_facet(self) -> dict:
        """The most frequent investors under the other filters (one grouped query), the chosen one included."""
        rows = (
            self.matched.filter(self.filter_conditions(skip="investor"))
            .values("investor_key")
            .annotate(n=Count("pk"), label=Min("investor"))
            .order_by("-n", "investor_key")
        )
        rows = list(rows)
        shown = rows[:MAX_INVESTORS] + [
            row for row in rows[MAX_INVESTORS:] if row["investor_key"] == self.chosen.get("investor")
        ]
        options = [self._option("investor", row["investor_key"], row["label"], row["n"]) for row in shown]
        options.sort(key=lambda option: sort_key(option["label"]))
        return self._facet("investor", options)

    def _agency_facet(self) -> dict:
        """The sites the notices are on (the portal's listing only), in Vietnamese name order."""
        rows = (
            self.matched.filter(self.filter_conditions(skip="agency"))
            .values("agency_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts = {row["agency_id"]: row["n"] for row in rows}
        options = [
            self._option("agency", code, agency.local_name, counts[agency.pk])
            for code, agency in self.agencies_by_code.items()
            if counts.get(agency.pk)
        ]
        options.sort(key=lambda option: sort_key(option["label"]))
        return self._facet("agency", options)


@dataclass
class Result:
    """One notice of the listing: the Vietnamese notice, the page to show and link to (its translation into the
    page's language where there is one), and its stage now."""

    notice: NoticePage
    translation: NoticePage | None
    stage: str

    @property
    def page(self) -> NoticePage:
        return self.translation or self.notice

    # The notice's language when it is not the listing's (an English page showing an untranslated notice).
    lang: str | None = None

    @property
    def stage_label(self) -> str:
        return Stage(self.stage).label if self.stage else ""


def is_translated_section(section) -> bool:
    """Whether `section` is in another language than the notices listed (Vietnamese, the default)."""
    return section is not None and section.locale.language_code != settings.LANGUAGE_CODE


def translations_of(pages: list, section) -> dict:
    """The live translations of `pages` into the section's language, by translation key (one query; none for a
    Vietnamese section)."""
    if not is_translated_section(section) or not pages:
        return {}
    model = type(pages[0])
    translated = (
        model.objects.live()
        .filter(locale_id=section.locale_id, translation_key__in=[page.translation_key for page in pages])
        .defer(*[name for name in WIDE_COLUMNS if hasattr(model, name)])
    )
    return {page.translation_key: page for page in translated}


def with_translations(pages: list, section) -> list[tuple]:
    """(page, translation or None) pairs, the translation into the section's language."""
    translations = translations_of(pages, section)
    return [(page, translations.get(page.translation_key)) for page in pages]


def project_listing(request, section):
    """The page of projects asked for (?page=): the site's live projects (on the portal every site's), in
    Vietnamese, newest approval first, each with its translation into the section's language and its agency."""
    site = Site.find_for_request(request)
    agency = getattr(site, "agency", None) if site else None
    projects = (
        not_withdrawn(ProjectPage.objects.live().public())
        .filter(locale_id=Locale.get_default().pk)
        .select_related("agency")
        .defer("body")
        .order_by("-trigger_date", "-pk")
    )
    if agency is not None and not agency.is_portal:
        projects = projects.filter(agency=agency)
    page = paginate(request, projects, per_page=PAGE_SIZE)
    page.object_list = with_translations(list(page.object_list), section)
    return page


def project_notices(project: ProjectPage) -> list[Result]:
    """The live notices of `project` (of its Vietnamese version, which notices name), newest first, each with its
    translation into the project page's language."""
    notices = list(
        not_withdrawn(NoticePage.objects.filter(listed=True, project__translation_key=project.translation_key))
        .defer(*WIDE_COLUMNS)
        .order_by("-issued_on", "-pk")
    )
    return results_for(notices, project, timezone.now())


def results_for(notices: list[NoticePage], section, now) -> list[Result]:
    """`notices` (Vietnamese) as listed on `section`'s page: each with its translation into the page's language,
    the language to mark where there is none, and its stage at `now` (one query for the translations)."""
    translations = translations_of(notices, section)
    foreign = is_translated_section(section)
    return [
        Result(
            notice,
            translations.get(notice.translation_key),
            notice.stage(now),
            settings.LANGUAGE_CODE if foreign and notice.translation_key not in translations else None,
        )
        for notice in notices
    ]
