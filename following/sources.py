"""The registry of digest sources: what a subscriber may follow ("topics") and how a digest finds what is new.

A source has a `key` (stored in subscriptions: never rename one), a `label` (a lazy Vietnamese msgid) and
`items(roots, since, until, limit)`, which returns `(items, total)`: up to `limit` DigestItems published in
(since, until] under any of `roots` (the chosen sites' home pages in the subscriber's language), newest first, and
how many there are in all. It must take a fixed number of queries, whatever the number of roots or items.

Most of what a site publishes is Wagtail pages, so most sources are a `PageTypeSource` naming a page model by its
label ("home.NewsPage"): `following` imports no sibling app, and a source whose app is not installed is left out.
To add one:
- a page type: append a `PageTypeSource` to BUILT_IN_SOURCES (and its label's English to the catalogue);
- anything else (rows that are not pages): in the owning app's wagtail_hooks.py,
  `@hooks.register("register_digest_source")` a function returning an object with `key`, `label` and `items` as
  above (duck-typed: the owning app need not import `following`).
Subscriptions keep the keys they chose; a key no longer registered is ignored when digests are made.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from django.apps import apps
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page

from home.models.records import not_withdrawn

# What a digest lists at most per topic; the rest is counted, with a link to the site.
ITEMS_PER_SOURCE = 20


@dataclass(frozen=True)
class DigestItem:
    """One new thing: its title, its public URL, when it was published, and the home page of its site."""

    title: str
    url: str
    published_at: datetime
    root_id: int


class DigestSource(Protocol):
    """What the registry expects of a source (see the module's docstring)."""

    key: str
    label: Promise

    def items(self, roots: list[Page], since: datetime, until: datetime, limit: int) -> tuple[list[DigestItem], int]:
        """Up to `limit` items published in (since, until] under `roots`, newest first, and their total."""
        ...


@dataclass(frozen=True)
class PageTypeSource:
    """Live pages of one page model, first published in the period, under the chosen sites' home pages (not the
    withdrawn ones)."""

    key: str
    label: Promise
    model: str  # "app_label.ModelName"

    def available(self) -> bool:
        """Whether the model's app is installed."""
        try:
            apps.get_model(self.model)
        except LookupError:
            return False
        return True

    def items(self, roots: list[Page], since: datetime, until: datetime, limit: int) -> tuple[list[DigestItem], int]:
        if not roots:
            return [], 0
        under_roots = Q()
        for root in roots:
            under_roots |= Q(path__startswith=root.path, depth__gt=root.depth)
        pages = (
            not_withdrawn(Page.objects.type(apps.get_model(self.model)).live().public())
            .filter(under_roots, first_published_at__gt=since, first_published_at__lte=until)
            .order_by("-first_published_at", "-pk")
        )
        total = pages.count()
        if not total:
            return [], 0
        roots_by_path = {root.path: root for root in roots}
        home_path_length = roots[0].depth * Page.steplen  # home pages are all at the same depth, under the root
        items = [
            DigestItem(
                page.title, page.get_full_url(), page.first_published_at, roots_by_path[page.path[:home_path_length]].pk
            )
            for page in pages[:limit]
        ]
        return items, total


BUILT_IN_SOURCES = [
    PageTypeSource("news", _("Tin tức, sự kiện"), "home.NewsPage"),
    PageTypeSource("documents", _("Văn bản"), "legal_documents.LegalDocumentPage"),
    PageTypeSource("consultations", _("Lấy ý kiến dự thảo"), "feedback.ConsultationPage"),
    PageTypeSource("procedures", _("Thủ tục hành chính"), "services.ProcedurePage"),
    PageTypeSource("gazette", _("Công báo"), "gazette.GazetteIssuePage"),
    PageTypeSource("schedule", _("Lịch công tác của lãnh đạo"), "leadership.WeekSchedulePage"),
    PageTypeSource("procurement", _("Dự án, đấu thầu, mua sắm công"), "procurement.NoticePage"),
    PageTypeSource("plans", _("Chiến lược, quy hoạch, kế hoạch"), "publications.PlanPage"),
    PageTypeSource("dissemination", _("Phổ biến, giáo dục pháp luật"), "publications.GuidancePage"),
]


def digest_sources() -> list[DigestSource]:
    """Every registered source, built-in ones first, each key once (the first registered wins)."""
    found = [source for source in BUILT_IN_SOURCES if source.available()]
    found += [make() for make in hooks.get_hooks("register_digest_source")]
    by_key = {}
    for source in found:
        by_key.setdefault(source.key, source)
    return list(by_key.values())


def source_choices() -> list[tuple[str, Promise]]:
    """The topics a visitor may choose, as form choices."""
    return [(source.key, source.label) for source in digest_sources()]
