"""The procedures catalogue (R7, Điều 12.3): filters with counts by sector, agency, level of government and
online service, and a search that ignores diacritics ("dang ky ho kinh doanh" finds "Đăng ký hộ kinh doanh").

The words are looked up in Wagtail's search backend, in the folded text each procedure indexes
(ProcedurePage.search_text), so they match without diacritics on PostgreSQL and on the SQLite demo alike.
A province has a few thousand procedures: the matches' facet columns are read in one query and counted here,
then only the page of results shown is read. The query count does not depend on how many procedures match.
"""

import operator
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, reduce

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from home.models import Agency
from home.models.records import not_withdrawn
from home.withdrawal import withdrawn_keys
from vietnam.text import search_words, sort_key

from .models import Channel, GovernmentLevel, OnlineService, ProcedurePage, Sector

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
# The query-string names (Vietnamese, like the slugs), and each facet's column in the rows read.
PARAMS = {"sector": "linh-vuc", "agency": "co-quan", "level": "cap", "online": "dich-vu"}
COLUMNS = {"sector": 1, "agency": 2, "level": 3, "online": 4}
ROW_FIELDS = ("sector_id", "agency_id", "government_level", "online_service", "title")  # after the pk
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

    def scope(self, withdrawn: bool = False) -> QuerySet:
        """Live public procedures in the section's language, and in Vietnamese those not translated into it (yet):
        this site's, or on the portal every site's. A procedure is never missing from the English catalogue.
        Withdrawn ones are left out unless `withdrawn` (for the search backend, whose filters take plain fields)."""
        live = ProcedurePage.objects.live().public()
        if not withdrawn:
            live = not_withdrawn(live)
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
    def lists(self) -> dict:
        return {
            "sector": {item.slug: item for item in Sector.objects.all()},
            "agency": {agency.code or "cong-tinh": agency for agency in Agency.objects.select_related("site")},
            "level": dict(GovernmentLevel.choices),
            "online": dict(OnlineService.choices),
        }

    @cached_property
    def chosen(self) -> dict:
        """The chosen filters as the values in the rows (ids or codes); unknown values are ignored."""
        chosen = {}
        for name, value in self.filters.items():
            if value in self.lists[name]:
                item = self.lists[name][value]
                chosen[name] = getattr(item, "pk", value)
        return chosen

    @cached_property
    def rows(self) -> list[tuple]:
        """(pk, sector, agency, level, online, title) of every match, in one query.

        With words, the search backend finds the procedures having every one of them (whole words, folded like
        the indexed text); only the row's columns are loaded, and the withdrawn procedures are dropped from what it
        finds (one more query, of the few withdrawn keys).
        """
        if not self.words:
            return list(self.scope().values_list("pk", *ROW_FIELDS))
        scope = self.scope(withdrawn=True).only(*ROW_FIELDS, "translation_key")
        matches = scope.search(" ".join(self.words), operator="and", order_by_relevance=False)
        withdrawn = withdrawn_keys()
        return [
            (page.pk, *(getattr(page, name) for name in ROW_FIELDS))
            for page in matches
            if page.translation_key not in withdrawn
        ]

    def _passes(self, row, skip: str | None = None) -> bool:
        return all(row[COLUMNS[name]] == value for name, value in self.chosen.items() if name != skip)

    @cached_property
    def results(self):
        """The page of matching procedures asked for, in Vietnamese dictionary order of their names."""
        found = sorted((row for row in self.rows if self._passes(row)), key=lambda row: sort_key(row[5]))
        page = Paginator([row[0] for row in found], PAGE_SIZE).get_page(self.page_number)
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

    def _facet(self, name: str) -> dict:
        counts = Counter(row[COLUMNS[name]] for row in self.rows if self._passes(row, skip=name))
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
