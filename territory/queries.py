"""What the territory pages show, computed in one place: the units listed, grouped and counted, with their sites,
and the heritage pages of a section filtered by category. Each in a fixed number of queries."""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from home.models import Agency
from home.models.records import not_withdrawn
from vietnam.text import local_text, sort_key

from .models import AdministrativeUnit, HeritagePage

KIND_PARAM = "loai"
CATEGORY_PARAM = "loai"
# The renditions a heritage listing shows (templates/territory/heritage_index_page.html).
CARD_RENDITION = "fill-480x320"


@dataclass
class UnitGroup:
    """The units whose names start with one letter."""

    letter: str
    units: list


@dataclass
class UnitListing:
    """The province's units: all of them (for the map and the counts) and those the visitor's filter keeps, grouped
    by initial in the order of the language served; each unit has `.site` (its Site) where it has one."""

    all_units: list
    kind: str = ""
    counts: dict = field(default_factory=dict)

    @classmethod
    def from_request(cls, request) -> "UnitListing":
        """The listing for the query string's kind (?loai=xa|phuong|dac-khu; anything else means every kind)."""
        kind = request.GET.get(KIND_PARAM, "")
        if kind not in AdministrativeUnit.Kind.values:
            kind = ""
        return cls.load(kind)

    @classmethod
    def load(cls, kind: str = "") -> "UnitListing":
        """Two queries: the units, then the local agencies whose codes match their place names."""
        units = sorted(AdministrativeUnit.objects.all(), key=lambda unit: unit.sort_key)
        sites = {
            agency.code: agency.site
            for agency in Agency.objects.filter(
                kind=Agency.Kind.LOCAL, code__in=[unit.site_code for unit in units]
            ).select_related("site")
        }
        counts = {value: 0 for value in AdministrativeUnit.Kind.values}
        for unit in units:
            unit.site = sites.get(unit.site_code)
            counts[unit.kind] += 1
        return cls(all_units=units, kind=kind, counts=counts)

    @property
    def kind_counts(self) -> dict:
        """The number of units of each kind, named for templates: {"communes", "wards", "special_zones"}."""
        kinds = AdministrativeUnit.Kind
        return {
            "communes": self.counts[kinds.COMMUNE],
            "wards": self.counts[kinds.WARD],
            "special_zones": self.counts[kinds.SPECIAL_ZONE],
        }

    @property
    def units(self) -> list:
        """The units the filter keeps, in order."""
        return [unit for unit in self.all_units if not self.kind or unit.kind == self.kind]

    @property
    def groups(self) -> list[UnitGroup]:
        """The kept units under their initials (Vietnamese A, Ă, Â, B… on Vietnamese pages; Latin on English)."""
        return [
            UnitGroup(letter, list(units))
            for letter, units in groupby(self.units, key=lambda unit: initial(local_text(unit.name, unit.name_en)))
        ]

    @property
    def kind_options(self) -> list[dict]:
        """The filter's options with their counts: {value, label, count, selected}."""
        return [
            {"value": value, "label": label, "count": self.counts[value], "selected": value == self.kind}
            for value, label in AdministrativeUnit.Kind.choices
        ]


def initial(name: str) -> str:
    """The letter a name is filed under: its first letter without tone mark ("Ủy" -> "U", "Đăk" -> "Đ", "Ăn" ->
    "Ă"), as a Vietnamese dictionary files it."""
    letters = sort_key(name)[0]
    return letters[0][1].upper() if letters else ""


@dataclass
class HeritageListing:
    """A heritage section's pages (live, in its language), filtered by category, with the counts of each."""

    pages: object
    category: str
    facets: list


def heritage_listing(section, request) -> HeritageListing:
    """The pages under `section` for the query string's category (?loai=di-tich), newest first, with their cards'
    images and renditions prefetched: four queries, however many pages."""
    category = request.GET.get(CATEGORY_PARAM, "")
    if category not in HeritagePage.Category.values:
        category = ""
    pages = not_withdrawn(HeritagePage.objects.child_of(section).live())
    counts = dict(pages.order_by().values_list("category").annotate(count=Count("pk")))
    if category:
        pages = pages.filter(category=category)
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    pages = pages.prefetch_related(Prefetch("main_image", queryset=images))
    options = [
        {"value": value, "label": label, "count": counts.get(value, 0), "selected": value == category}
        for value, label in HeritagePage.Category.choices
    ]
    facets = [{"title": _("Loại"), "param": CATEGORY_PARAM, "options": [o for o in options if o["count"]]}]
    return HeritageListing(pages=pages.order_by("path"), category=category, facets=facets)
