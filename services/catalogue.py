"""The procedures catalogue (R7, Điều 12.3): filters with counts by sector, agency, level of government and
online service, and a search that ignores diacritics ("dang ky ho kinh doanh" finds "Đăng ký hộ kinh doanh").

The words are looked up in Wagtail's search backend, in the folded text each procedure indexes
(ProcedurePage.folded_text), so they match without diacritics on PostgreSQL and on the SQLite demo alike. What the
backend finds stays a subquery (its full-text match on the index's GIN-indexed vectors), so the database does the
rest, at a province's thousands of procedures: each facet is counted by one GROUP BY under the other filters, the
names are sorted in Vietnamese dictionary order by the ICU collation `vietnamese` (services' migration
0013), and only the page shown is read. The query count does not depend on how many procedures there are or
match. On SQLite (the demo) the names are sorted in Python (vietnam.text.sort_key), which orders them the same.
"""

import operator
from dataclasses import dataclass, field
from functools import cached_property, reduce

from django.core.paginator import Page as PageOfResults
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Collate
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from groundwork.routers import replica_reads
from home.models import Agency
from home.models.records import not_withdrawn
from vietnam.text import search_words, sort_key

from .models import Channel, GovernmentLevel, OnlineService, ProcedurePage, Sector

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
# The ICU collation that sorts Vietnamese names (a < ă < â < b … d < đ …, tones after letters) on PostgreSQL.
COLLATION = "vietnamese"
# The query-string names (Vietnamese, like the slugs), and each facet's column.
PARAMS = {"sector": "linh-vuc", "agency": "co-quan", "level": "cap", "online": "dich-vu"}
COLUMNS = {"sector": "sector_id", "agency": "agency_id", "level": "government_level", "online": "online_service"}
FACET_TITLES = {
    "sector": _("Lĩnh vực"),
    "agency": _("Cơ quan"),
    "level": _("Cấp thực hiện"),
    "online": _("Dịch vụ công trực tuyến"),
}


@dataclass
class Catalogue:
    section: Page  # a ProcedureIndexPage
    query: str = ""
    filters: dict = field(default_factory=dict)
    page_number: str | None = None
    portal_wide: bool = False
    _counts: dict = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def from_request(cls, request, section):
        params = request.GET
        site = Site.find_for_request(request)
        agency = getattr(site, "agency", None) if site else None
        return cls(
            section=section,
            query=params.get("q", "").strip()[:MAX_QUERY_LENGTH],
            filters={name: params.get(param, "").strip() for name, param in PARAMS.items() if params.get(param)},
            page_number=params.get("page"),
            portal_wide=bool(agency and agency.is_portal),
        )

    @cached_property
    def words(self) -> list[str]:
        return search_words(self.query)

    def scope(self) -> QuerySet:
        """Live public procedures in the section's language, and in Vietnamese those not translated into it (yet):
        this site's, or on the portal every site's; not the withdrawn ones. A procedure is never missing from the
        English catalogue."""
        live = not_withdrawn(ProcedurePage.objects.live().public())
        here = live.filter(locale_id=self.section.locale_id)
        untranslated = live.filter(locale_id=Locale.get_default().pk).exclude(
            translation_key__in=here.values("translation_key")
        )
        if not self.portal_wide:
            here = here.descendant_of(self.section)
            sections = Page.objects.filter(translation_key=self.section.translation_key).only("path", "depth")
            untranslated = untranslated.filter(
                reduce(operator.or_, (Q(path__startswith=section.path) for section in sections))
            )
        return here | untranslated

    @cached_property
    def matches(self) -> QuerySet:
        """The procedures in scope having every word (all of them without words), as a queryset: the search
        backend's match is a subquery of it, never read into Python on PostgreSQL or SQLite."""
        scope = self.scope()
        if not self.words:
            return scope
        found = ProcedurePage.objects.search(" ".join(self.words), operator="and", order_by_relevance=False)
        if hasattr(found, "get_queryset"):  # Wagtail's database backends: the match as SQL
            return scope.filter(pk__in=found.get_queryset().order_by().values("pk"))
        return scope.filter(pk__in=[page.pk for page in found])  # an external backend (OpenSearch): its ids

    @cached_property
    def lists(self) -> dict:
        return {
            "sector": {item.slug: item for item in Sector.objects.all()},
            "agency": {agency.code or "cong-tinh": agency for agency in Agency.objects.select_related("site")},
            "level": dict(GovernmentLevel.choices),
            "online": dict(OnlineService.choices),
        }

    @cached_property
    def chosen(self) -> dict:
        """The chosen filters as the values in the columns (ids or codes); unknown values are ignored."""
        chosen = {}
        for name, value in self.filters.items():
            if value in self.lists[name]:
                item = self.lists[name][value]
                chosen[name] = getattr(item, "pk", value)
        return chosen

    def filtered(self, skip: str | None = None) -> QuerySet:
        """The matches under every chosen filter but `skip`'s (a facet counts under the others)."""
        return self.matches.filter(**{COLUMNS[name]: value for name, value in self.chosen.items() if name != skip})

    @cached_property
    def results(self) -> PageOfResults:
        """The page of matching procedures asked for, in Vietnamese dictionary order of their names: the page's
        ids in SQL, then those procedures only. The count is the level facet's (every procedure has a level), so
        the matches are not counted twice."""
        found = self.filtered()
        if connection.vendor == "postgresql":
            ordered = found.order_by(Collate("title", COLLATION), "pk").values_list("pk", flat=True)
        else:  # SQLite has no ICU collation: the names of the matches, sorted here
            rows = sorted(found.order_by().values_list("pk", "title"), key=lambda row: (sort_key(row[1]), row[0]))
            ordered = [pk for pk, _title in rows]
        paginator = Paginator(ordered, PAGE_SIZE)
        levels = self.counts("level")
        chosen = self.chosen.get("level")
        paginator.count = levels.get(chosen, 0) if chosen else sum(levels.values())
        page = paginator.get_page(self.page_number)
        ids = list(page.object_list)
        procedures = (
            ProcedurePage.objects.filter(pk__in=ids)
            .select_related("sector", "agency")
            .prefetch_related(Prefetch("channels", queryset=Channel.objects.order_by("sort_order")))
            .in_bulk()
        )
        page.object_list = [procedures[pk] for pk in ids]
        return page

    @cached_property
    def facets(self) -> list[dict]:
        return [self._facet(name) for name in PARAMS]

    def read(self):
        """Reads the results and the facets now, from the read replica when there is one (groundwork.routers): the
        template is rendered after the page's view has returned, outside any block. Returns the catalogue."""
        with replica_reads():
            self.results  # noqa: B018 - a cached property, evaluated here
            self.facets  # noqa: B018
        return self

    def counts(self, name: str) -> dict:
        """How many matches have each value of facet `name` under the other filters (one GROUP BY, read once)."""
        if name not in self._counts:
            column = COLUMNS[name]
            grouped = self.filtered(skip=name).order_by().values(column).annotate(count=Count("pk"))
            self._counts[name] = {row[column]: row["count"] for row in grouped}
        return self._counts[name]

    def _facet(self, name: str) -> dict:
        counts = self.counts(name)
        options = []
        for value, item in self.lists[name].items():
            key = getattr(item, "pk", value)
            if counts.get(key):
                label = getattr(item, "local_name", None) or getattr(item, "name", None) or item
                options.append(
                    {"value": value, "label": label, "count": counts[key], "selected": self.filters.get(name) == value}
                )
        if name in ("sector", "agency"):
            options.sort(key=lambda option: sort_key(str(option["label"])))
        return {"name": name, "title": FACET_TITLES[name], "param": PARAMS[name], "options": options}
