"""English coverage (Điều 8.3, R2): per site, the pages that must exist in English and do not, and the English pages
older than their Vietnamese source.

Must exist in English: the introduction section ("Giới thiệu", slug gioi-thieu under the site's home) and every page
under it, the contact pages (home.ContactPage), and the procedures foreigners use (services.ProcedurePage with
`used_by_foreigners`). Missing means no live page in English with the same translation key. An English page is out
of date when its Vietnamese source was last published after it was (the "english" rule of home.PostingRule, limit
0: reviewed whenever the source changes); aliases follow their source by themselves and are never out of date.
A constant number of queries, whatever the number of sites and pages.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Substr
from django.urls import reverse
from wagtail.models import Page

from home.models import Agency, ContactPage
from services.models import ProcedurePage

from .sources import ROOT_PATH_LENGTH
from .states import roots_of

INTRODUCTION_SLUG = "gioi-thieu"
ENGLISH = "en"


@dataclass
class SiteCoverage:
    """One site's English coverage: how many pages must be in English, and which are missing or out of date."""

    agency: Agency
    required: int = 0
    missing: int = 0
    outdated: int = 0
    missing_pages: list[tuple[str, str]] = field(default_factory=list)  # (title, edit URL)
    outdated_pages: list[tuple[str, str]] = field(default_factory=list)

    @property
    def coverage(self) -> float | None:
        """The share of required pages that exist in English, in percent (None when none is required)."""
        return round(100 * (self.required - self.missing) / self.required, 1) if self.required else None


def pages_on(roots):
    """The pages of the sites whose root paths are `roots`, each with its `site_root`: one comparison of a prefix
    per page, not one LIKE per site (which made PostgreSQL test 50 patterns on every page)."""
    return Page.objects.annotate(site_root=Substr("path", 1, ROOT_PATH_LENGTH)).filter(site_root__in=list(roots))


def required_in_english(roots: list[str]):
    """The live Vietnamese pages of the sites of `roots` that must have an English version."""
    sites = pages_on(roots)
    introductions = list(sites.filter(depth=3, slug=INTRODUCTION_SLUG).values_list("path", flat=True))
    required = (
        Q(content_type=ContentType.objects.get_for_model(ContactPage))
        | Q(pk__in=ProcedurePage.objects.filter(used_by_foreigners=True).values("pk"))
        | Q(section__in=introductions)
    )
    return (
        sites.annotate(section=Substr("path", 1, ROOT_PATH_LENGTH + Page.steplen))
        .filter(required, live=True, locale__language_code=settings.LANGUAGE_CODE)
        .order_by("path")
    )


def english_coverage(agencies, cap: int | None = 10) -> list[SiteCoverage]:
    """Each site's English coverage, with up to `cap` missing and out-of-date pages listed (all for None)."""
    owners = roots_of(agencies)
    english_roots = dict(
        Page.objects.filter(
            translation_key__in=[agency.site.root_page.translation_key for agency in owners.values()],
            locale__language_code=ENGLISH,
        ).values_list("path", "translation_key")
    )
    by_key = {agency.site.root_page.translation_key: root for root, agency in owners.items()}
    rows = {root: SiteCoverage(agency) for root, agency in owners.items()}

    required = required_in_english(list(owners))
    english = Page.objects.filter(locale__language_code=ENGLISH, live=True).values("translation_key")
    missing = required.exclude(translation_key__in=english)
    for root, n in required.order_by().values("site_root").annotate(n=Count("pk")).values_list("site_root", "n"):
        rows[root].required = n
    for root, n in missing.order_by().values("site_root").annotate(n=Count("pk")).values_list("site_root", "n"):
        rows[root].missing = n
    _list(rows, missing, "missing_pages", cap, lambda root: root)

    source = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=settings.LANGUAGE_CODE
    )
    outdated = (
        pages_on(english_roots)
        .filter(locale__language_code=ENGLISH, live=True, alias_of__isnull=True)
        .annotate(source_published=Subquery(source.values("last_published_at")[:1]))
        .filter(last_published_at__lt=F("source_published"))
        .order_by("path")
    )
    to_vietnamese = {root: by_key[key] for root, key in english_roots.items()}
    for root, n in outdated.order_by().values("site_root").annotate(n=Count("pk")).values_list("site_root", "n"):
        rows[to_vietnamese[root]].outdated = n
    _list(rows, outdated, "outdated_pages", cap, to_vietnamese.get)
    return list(rows.values())


def _list(rows, pages, attribute: str, cap: int | None, vietnamese_root) -> None:
    values = pages.values("pk", "title", "site_root")
    for page in values[:cap] if cap is not None else values:
        getattr(rows[vietnamese_root(page["site_root"])], attribute).append(
            (page["title"], reverse("wagtailadmin_pages:edit", args=[page["pk"]]))
        )
