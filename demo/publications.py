"""The demo's plans, statistics reports, science programmes, commendations and sanctions on the portal, Sở Thông tin
và Truyền thông's site and xã Tư Nghĩa's, in both languages (demo/data/publications.yaml).

The plans are real (numbers, dates, subjects and issuing bodies from the facts file); their files are generated
and say they are not the real texts. Everything else is illustrative and says so on its page. Seeding is idempotent:
a publication whose slug is already in its section is left as it is.
"""

from dataclasses import dataclass, field

from django.apps import apps
from wagtail.models import Locale

from home.models import Agency
from home.onboarding import Onboarding
from publications.models import PublicationIndexPage
from vietnam.text import slugify

from .content import English
from .documents import store_file
from .loader import build_all, read
from .pdf import pdf_bytes


@dataclass(frozen=True)
class DemoFile:
    """A generated PDF: its file name, the name it is shown under, and its lines of text."""

    name: str
    title: str
    lines: list[str]


@dataclass(frozen=True)
class Publication:
    """One publication: its page type (in `publications`), its site's code, title and fields, files, English."""

    model: str
    code: str
    title: str
    fields: dict
    files: list[DemoFile] = field(default_factory=list)
    english: English | None = None


PUBLICATIONS: list[Publication] = build_all(Publication, read("publications")["publications"])


def seed_publications(agencies: dict[str, Agency], result: Onboarding) -> None:
    """Publish each demo publication whose site is in `agencies` (keyed by code) and whose slug is not taken in its
    section, with its files in the site's collection, then its English version."""
    from .seed import ensure_english  # seed.py imports this module

    english = Locale.objects.get(language_code="en")
    for spec in PUBLICATIONS:
        agency = agencies.get(spec.code)
        model = apps.get_model("publications", spec.model)
        index = agency and section_for(agency, model)
        if index is None:
            continue
        slug = slugify(spec.title)
        page = model.objects.child_of(index).filter(slug=slug).first()
        result.note(page is None, f"{model._meta.verbose_name} “{spec.title}”")
        if page is None:
            page = model(title=spec.title, slug=slug, locale=index.locale, **spec.fields)
            if spec.files and hasattr(model, "file"):
                page.file = store_demo_file(spec.files[0], agency)
            elif spec.files:
                rows = page.files.model
                for position, demo_file in enumerate(spec.files):
                    document = store_demo_file(demo_file, agency)
                    page.files.add(rows(document=document, title=demo_file.title, sort_order=position))
            index.add_child(instance=page)
            page.save_revision().publish()
        if spec.english is not None:
            ensure_english(page, english, spec.english, result)


def section_for(agency: Agency, model) -> PublicationIndexPage | None:
    """The site's Vietnamese section that lists `model`."""
    index_model = next(page_type for page_type in model.allowed_parent_page_models())
    return index_model.objects.descendant_of(agency.site.root_page).first()


def store_demo_file(demo_file: DemoFile, agency: Agency):
    document = store_file(demo_file.name, pdf_bytes(demo_file.lines, demo_file.title), agency)
    document.title = demo_file.title
    document.save(update_fields=["title"])
    return document


def publication_count() -> int:
    """How many publication pages (of the kinds the demo seeds, in both languages) the database holds."""
    return sum(apps.get_model("publications", name).objects.count() for name in {spec.model for spec in PUBLICATIONS})
