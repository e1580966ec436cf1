"""Query functions of the organisation app: the chart's tree, a unit's page and the directory of officials.

Each answers in a number of SQL queries that does not depend on how many units or officials there are.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.db.models import QuerySet
from wagtail.models import Page

from groundwork.paging import paginate
from home.models.records import not_withdrawn
from vietnam.text import search_words

from .models import Official, UnitPage

DIRECTORY_PAGE_SIZE = 25
# The query-string parameters of the directory, the same in both languages (a shared link works in either).
QUERY_PARAM = "q"
UNIT_PARAM = "don-vi"


@dataclass
class UnitNode:
    """One unit of the chart and the units under it."""

    unit: UnitPage
    level: int  # its heading's level: h2 for the top units, one more for each step down (h6 at most)
    children: list["UnitNode"] = field(default_factory=list)


def live_units_under(page: Page) -> QuerySet:
    """The live units below `page` (in its language), in tree order, with what the chart shows of them."""
    return (
        not_withdrawn(UnitPage.objects.live())
        .descendant_of(page)
        .filter(locale_id=page.locale_id)
        .select_related("agency__site")
        .order_by("path")
    )


def unit_tree(page: Page) -> list[UnitNode]:
    """The units below `page` as a tree (one query): a unit whose parent is unpublished is left out with it."""
    roots: list[UnitNode] = []
    nodes: dict[str, UnitNode] = {}
    for unit in live_units_under(page):
        node = UnitNode(unit, level=min(6, 2 + unit.depth - page.depth - 1))
        parent = nodes.get(unit.path[: -unit.steplen])
        if unit.depth == page.depth + 1:
            roots.append(node)
        elif parent is not None:
            parent.children.append(node)
        else:
            continue
        nodes[unit.path] = node
    return roots


def unit_context(unit: UnitPage) -> dict:
    """What a unit's page shows besides its fields: its officials in the editors' order (rank) and its live
    sub-units."""
    return {
        "officials": list(unit.officials.all()),
        "sub_units": list(
            not_withdrawn(UnitPage.objects.live()).child_of(unit).filter(locale_id=unit.locale_id).order_by("path")
        ),
    }


def site_home_path(page: Page) -> str:
    """The tree path of the home page of `page`'s site in `page`'s language (each language's home is a child of
    the tree root)."""
    return page.path[: page.steplen * 2]


@dataclass
class Directory:
    """One page of a site's directory of officials, as asked for by the query string."""

    query: str
    words: list[str]
    units: list[tuple[UnitPage, int]]  # every unit of the site, with its depth below the top units (for the filter)
    unit: UnitPage | None
    officials: PaginatorPage

    @property
    def filtered(self) -> bool:
        return bool(self.words or self.unit)


def officials_of(units: list[UnitPage], locale_id: int) -> QuerySet:
    """The officials of `units` in one language, in Vietnamese order of names (by given name, then family and middle
    names), with their units. Narrowed by the units' ids, so the database reads only those units' rows."""
    return (
        Official.objects.filter(unit_id__in=[unit.pk for unit in units], locale_id=locale_id)
        .select_related("unit")
        .order_by("sort_name", "pk")
    )


def directory(page: Page, request) -> Directory:
    """The directory of officials on `page` (the site's contact page), searched with `?q=` (diacritics optional:
    "nguyen van" finds "Nguyễn Văn"; every word must start a word of the name or title), narrowed to a unit and the
    units under it with `?don-vi=<unit id>`, and paginated with `?page=`."""
    query = " ".join(request.GET.get(QUERY_PARAM, "").split())[:200]
    words = search_words(query)[:10]
    units_under_site = not_withdrawn(UnitPage.objects.live()).filter(
        locale_id=page.locale_id, path__startswith=site_home_path(page)
    )
    unit_rows = list(units_under_site.order_by("path").only("title", "path", "depth", "locale_id"))
    top = min((unit.depth for unit in unit_rows), default=0)
    units = [(unit, unit.depth - top) for unit in unit_rows]
    chosen = request.GET.get(UNIT_PARAM, "")
    unit = next((unit for unit in unit_rows if str(unit.pk) == chosen), None)

    listed = [row for row in unit_rows if unit is None or row.path.startswith(unit.path)]
    officials = officials_of(listed, page.locale_id)
    for word in words:
        officials = officials.filter(search_text__contains=f" {word}")
    return Directory(
        query=query,
        words=words,
        units=units,
        unit=unit,
        officials=paginate(request, officials, per_page=DIRECTORY_PAGE_SIZE),
    )
