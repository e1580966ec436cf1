"""The demo's organisation charts (Điều 8.2.a) and their officials (8.2.k), read from demo/data/organisation.yaml.

The portal's chart is the province's bodies after the 2025 mergers, with the office holders the facts name; the
agency's and the commune's are plausible units with illustrative officials. Every unit page carries its chart's
note saying what is illustrative. Seeding is idempotent: a unit whose slug is already under its parent is kept as
it is (its English version is added if missing).
"""

from dataclasses import dataclass, field

from wagtail.models import Locale, Page

from home.models import Agency
from home.onboarding import Onboarding
from organisation.models import Official, UnitPage
from vietnam.text import slugify

from .content import English
from .loader import build_all, read


@dataclass(frozen=True)
class Person:
    """An official of a unit; the name is the same in both languages."""

    name: str
    title: str
    title_en: str
    phone: str = ""
    fax: str = ""
    email: str = ""

    def row(self, english: bool = False) -> Official:
        title = self.title_en if english else self.title
        return Official(name=self.name, title=title, phone=self.phone, fax=self.fax, email=self.email)


@dataclass(frozen=True)
class Unit:
    """A unit, its officials and the units under it, in both languages. `agency` is a demo site's code."""

    title: str
    title_en: str
    kind: str
    functions: str = ""
    functions_en: str = ""
    short_name: str = ""
    head_name: str = ""
    head_title: str = ""
    head_title_en: str = ""
    address: str = ""
    address_en: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    agency: str | None = None
    officials: list[Person] = field(default_factory=list)
    units: list["Unit"] = field(default_factory=list)


@dataclass(frozen=True)
class Chart:
    """One site's chart (agency code; "" for the portal): its introduction and illustrative note in both
    languages, and its top units."""

    code: str
    intro: tuple[str, str]
    note: tuple[str, str]
    units: list[Unit]


CHARTS: list[Chart] = build_all(Chart, read("organisation")["charts"])


def seed_organisation(agencies: dict[str, Agency], result: Onboarding) -> None:
    """Fill the chart of each demo site in `agencies` (keyed by code): its introduction and units, in both
    languages, each unit's page noting what is illustrative."""
    from .seed import fill_both  # seed.py imports this module

    english = Locale.objects.get(language_code="en")
    for chart in CHARTS:
        agency = agencies.get(chart.code)
        if agency is None:
            continue
        home = agency.site.root_page
        page = home.get_children().get(slug="gioi-thieu").get_children().get(slug="co-cau-to-chuc").specific
        fill_both(page, english, {"intro": chart.intro[0]}, {"intro": chart.intro[1]}, result, "cơ cấu tổ chức")
        for unit in chart.units:
            ensure_unit(page, unit, chart.note, agencies, english, result)


def ensure_unit(
    parent: Page, spec: Unit, note: tuple[str, str], agencies: dict[str, Agency], english: Locale, result: Onboarding
) -> None:
    """The unit `spec` under `parent` (made and published if missing), its English version and the units under it."""
    from .seed import ensure_english  # seed.py imports this module

    slug = slugify(spec.title)
    unit = parent.get_children().filter(slug=slug).first()
    what = f"đơn vị “{spec.title}”"
    if unit is None:
        unit = parent.add_child(
            instance=UnitPage(
                title=spec.title,
                slug=slug,
                locale=parent.locale,
                kind=spec.kind,
                short_name=spec.short_name,
                functions=spec.functions + f"<p><i>{note[0]}</i></p>",
                head_name=spec.head_name,
                head_title=spec.head_title,
                address=spec.address,
                phone=spec.phone,
                fax=spec.fax,
                email=spec.email,
                agency=agencies.get(spec.agency) if spec.agency is not None else None,
                officials=[person.row() for person in spec.officials],
            )
        )
        unit.save_revision().publish()
        result.note(True, what)
    else:
        result.note(False, what)
    english_fields = {
        "title": spec.title_en,
        "functions": spec.functions_en + f"<p><i>{note[1]}</i></p>",
        "head_title": spec.head_title_en,
        "address": spec.address_en,
        "officials": [person.row(english=True) for person in spec.officials],
    }
    ensure_english(unit.specific, english, English(slug=slugify(spec.title_en), fields=english_fields), result)
    for child in spec.units:
        ensure_unit(unit, child, note, agencies, english, result)
