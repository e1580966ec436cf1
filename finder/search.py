"""The site search (R1): one query over SearchEntry behind the results page, grouped by kind and site.

Words are folded (no diacritics, lower case), so "chuyen doi so" and "chuyển đổi số" are the same query. Every word
must be in the entry (whole words; PostgreSQL full text on a GIN index, the folded text elsewhere). A site searches
itself; the portal searches every site, and may be narrowed to one. Results come in this order: the title equal to
the query, then relevance (title words weigh more than the text's), then the newest. A page of results costs the
same few queries however many entries match: the counts by kind and by site (two grouped queries), then the page.
A common word can match most of a province's entries, and counting and ranking them takes a few hundred
milliseconds: so the counts and each page of results are kept in the cache until the index next changes
(`index_changed()`, called by every write of finder.signals), and at most CACHE_TTL.
"""

import hashlib
import time
from dataclasses import dataclass
from functools import cached_property

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import Case, Count, F, FloatField, IntegerField, Q, QuerySet, Value, When
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Site

from home.models import Agency
from vietnam.text import search_words, sort_key

from .kinds import ORDER, all_kinds
from .models import SearchEntry

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
# The query-string names (Vietnamese, like the documents search's).
KIND_PARAM = "loai"
SITE_PARAM = "trang"
COLUMNS = ["id", "kind", "site_id", "title", "summary", "url_path", "date"]
VERSION_KEY = "finder:index-version"
CACHE_TTL = 15 * 60


def index_changed() -> None:
    """An entry was written or removed: every cached count and page is stale. Renewed now and again at the commit,
    so that a search that read the old rows meanwhile cannot keep them."""
    _renew_version()
    transaction.on_commit(_renew_version)


def _renew_version() -> None:
    cache.set(VERSION_KEY, time.time_ns(), None)


@dataclass
class Result:
    """One result as the page shows it: where it links (on its own site's host), its kind and agency."""

    title: str
    summary: str
    url: str
    date: object
    kind: str
    kind_label: str
    agency: Agency | None


@dataclass
class SiteSearch:
    """One search: the words, the chosen kind and site, and the page asked for; read from a query string."""

    site: Site
    locale: Locale
    portal_wide: bool
    query: str = ""
    kind: str = ""
    site_code: str = ""
    page_number: str | None = None

    @classmethod
    def from_request(cls, request, site: Site, agency: Agency | None):
        params: QueryDict = request.GET
        return cls(
            site=site,
            locale=Locale.get_active(),
            portal_wide=bool(agency and agency.is_portal),
            query=" ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH],
            kind=params.get(KIND_PARAM, "").strip(),
            site_code=params.get(SITE_PARAM, "").strip(),
            page_number=params.get("page"),
        )

    @cached_property
    def words(self) -> list[str]:
        return list(dict.fromkeys(search_words(self.query)))[:MAX_WORDS]

    def _cached(self, name: str, compute):
        """`compute()` for this search, kept in the cache under the index's version."""
        version = cache.get_or_set(VERSION_KEY, time.time_ns, None)
        chosen = self.chosen_site.pk if self.chosen_site is not None else None
        identity = repr((version, name, self.locale.pk, self.site.pk, self.portal_wide, chosen, self.words))
        key = f"finder:search:{hashlib.sha256(identity.encode()).hexdigest()}"
        return cache.get_or_set(key, compute, CACHE_TTL)

    # Scope -------------------------------------------------------------------------------------------------

    @cached_property
    def agencies(self) -> dict[int, Agency]:
        """Every agency by its site's id (a few hundred rows at most: one query)."""
        return {agency.site_id: agency for agency in Agency.objects.select_related("site")}

    @cached_property
    def chosen_site(self) -> Agency | None:
        """The site the portal's search is narrowed to (?trang=<code>, "tinh" for the portal itself), if any."""
        if not self.portal_wide or not self.site_code:
            return None
        return next((agency for agency in self.agencies.values() if site_param(agency) == self.site_code), None)

    def scope(self) -> QuerySet:
        entries = SearchEntry.objects.filter(locale=self.locale)
        if not self.portal_wide:
            return entries.filter(site=self.site)
        if self.chosen_site is not None:
            return entries.filter(site_id=self.chosen_site.site_id)
        return entries

    @cached_property
    def match(self) -> tuple[Q, object]:
        """The condition that every word is in the entry, and its relevance score."""
        if connection.vendor == "postgresql":
            query = SearchQuery(" & ".join(self.words), search_type="raw", config="simple")
            return Q(search_vector=query), SearchRank(F("search_vector"), query)
        condition = Q(*[Q(search_text__contains=f" {word} ") for word in self.words])
        score = sum(
            (
                Case(When(title_key__contains=word, then=Value(1.0)), default=Value(0.0), output_field=FloatField())
                for word in self.words
            ),
            Value(0.0, output_field=FloatField()),
        )
        return condition, score

    @cached_property
    def matched(self) -> QuerySet:
        return self.scope().filter(self.match[0])

    # Counts ------------------------------------------------------------------------------------------------

    @cached_property
    def kind_counts(self) -> dict[str, int]:
        """How many results of each kind (before the kind filter, after the site filter)."""
        if not self.words:
            return {}
        return self._cached(
            "kinds", lambda: dict(self.matched.order_by().values_list("kind").annotate(count=Count("id")))
        )

    @cached_property
    def kinds(self) -> list[dict]:
        """The kinds found, in the order a visitor expects them, with their counts and whether chosen."""
        labels = all_kinds()
        found = [
            {"slug": slug, "label": labels.get(slug, slug), "count": count, "chosen": slug == self.chosen_kind}
            for slug, count in self.kind_counts.items()
        ]
        return sorted(
            found,
            key=lambda kind: (
                ORDER.index(kind["slug"]) if kind["slug"] in ORDER else len(ORDER),
                sort_key(str(kind["label"])),
            ),
        )

    @cached_property
    def chosen_kind(self) -> str:
        return self.kind if self.kind in self.kind_counts else ""

    @cached_property
    def site_counts(self) -> list[dict]:
        """On the portal: how many results each site has (under the chosen kind), the portal first, then by name."""
        if not self.portal_wide or not self.words:
            return []
        entries = SearchEntry.objects.filter(locale=self.locale).filter(self.match[0])
        if self.chosen_kind:
            entries = entries.filter(kind=self.chosen_kind)
        rows = self._cached(
            f"sites:{self.chosen_kind}",
            lambda: list(entries.order_by().values_list("site_id").annotate(count=Count("id"))),
        )
        found = []
        for site_id, count in rows:
            agency = self.agencies.get(site_id)
            if agency is not None:
                found.append(
                    {
                        "agency": agency,
                        "param": site_param(agency),
                        "count": count,
                        "chosen": self.chosen_site is not None and agency.pk == self.chosen_site.pk,
                    }
                )
        return sorted(found, key=lambda row: (not row["agency"].is_portal, sort_key(row["agency"].local_name)))

    @property
    def site_facets(self) -> list[dict]:
        """The site filter in the shape of components/facets.html (on the portal only)."""
        options = [
            {"value": row["param"], "label": row["agency"].local_name, "count": row["count"], "selected": row["chosen"]}
            for row in self.site_counts
        ]
        return [{"title": _("Cơ quan, đơn vị"), "param": SITE_PARAM, "options": options}] if options else []

    @property
    def all_count(self) -> int:
        return sum(self.kind_counts.values())

    @property
    def total(self) -> int:
        """How many results the list has: of the chosen kind, or of every kind."""
        return self.kind_counts[self.chosen_kind] if self.chosen_kind else self.all_count

    # Results -----------------------------------------------------------------------------------------------

    @cached_property
    def results(self):
        """The page of results asked for (a Django paginator page of Result), or None without words."""
        if not self.words:
            return None
        entries = self.matched
        if self.chosen_kind:
            entries = entries.filter(kind=self.chosen_kind)
        exact = Case(
            When(title_key=" ".join(search_words(self.query)), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        entries = entries.annotate(exact=exact, rank=self.match[1]).order_by("-exact", "-rank", "-date", "-id")
        paginator = Paginator(entries.values(*COLUMNS), PAGE_SIZE)
        paginator.count = self.total  # known from the grouped counts: no COUNT(*) of its own
        page = paginator.get_page(self.page_number)
        rows = self._cached(f"page:{self.chosen_kind}:{page.number}", lambda: list(page.object_list))
        page.object_list = [self.result(row) for row in rows]
        return page

    def result(self, row: dict) -> Result:
        labels = all_kinds()
        agency = self.agencies.get(row["site_id"])
        root = agency.site.root_url if agency is not None else ""
        return Result(
            title=row["title"],
            summary=row["summary"],
            url=f"{root}{row['url_path']}",
            date=row["date"],
            kind=row["kind"],
            kind_label=labels.get(row["kind"], row["kind"]),
            agency=agency,
        )

    def suggestions(self) -> list[str]:
        """When nothing matched several words: the query with one word fewer each time (a link each)."""
        words = self.query.split()
        if len(words) < 2:
            return []
        return [" ".join(words[:i] + words[i + 1 :]) for i in range(len(words))][:4]


def site_param(agency: Agency) -> str:
    """An agency's value of ?trang=: its code, "tinh" for the portal (which has none)."""
    return agency.code or "tinh"
