"""Helpers for the organisation tests: a site's chart page, units with officials made in code, in both languages."""

from wagtail.models import Locale, Page

from organisation.models import Official, OrganisationPage, UnitPage
from tests.home.helpers import english, section
from vietnam.text import slugify


def chart(agency, language: str = "vi") -> OrganisationPage:
    """The site's "Cơ cấu tổ chức" page (made by onboarding under "Giới thiệu"), in `language`."""
    page = section(agency, "gioi-thieu").get_children().get(slug="co-cau-to-chuc").specific
    return english(page) if language == "en" else page


def path(page: Page) -> str:
    """The page's path on its own site ("/gioi-thieu/co-cau-to-chuc/"), as its links there show it."""
    return page.get_url_parts()[2]


def add_unit(parent: Page, title: str, officials=(), **fields) -> UnitPage:
    """A live unit under `parent` with `officials`: (name, title) pairs or dicts of Official's fields."""
    rows = [
        Official(**(person if isinstance(person, dict) else {"name": person[0], "title": person[1]}))
        for person in officials
    ]
    unit = parent.add_child(
        instance=UnitPage(
            title=title, slug=fields.pop("slug", slugify(title)), locale=parent.locale, officials=rows, **fields
        )
    )
    unit.save_revision().publish()
    return unit


def translate_unit(unit: UnitPage, title: str, slug: str, titles: list[str] = (), **fields) -> UnitPage:
    """The English translation of `unit` (its parent must have one), with its officials' English titles in order."""
    translation = unit.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.title, translation.slug = title, slug
    for name, value in fields.items():
        setattr(translation, name, value)
    officials = list(translation.officials.all())
    for official, official_title in zip(officials, titles, strict=False):
        official.title = official_title
    translation.officials = officials
    translation.save_revision().publish()
    return translation
