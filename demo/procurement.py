"""The demo's projects and procurement notices (R4 h) on the portal, Sở Thông tin và Truyền thông and xã Tư Nghĩa.

Everything is illustrative and each section's introduction says so on the page (demo/data/procurement.yaml); the
investors are the real provincial project boards (facts §2). Dates are relative to the day of seeding, so a fresh
demo always has notices open, closing soon and closed. Seeding is idempotent: a page whose slug is already in its
section is left as it is.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale

from home.models import Agency
from home.onboarding import Onboarding
from procurement.models import NoticePage, ProcurementIndexPage, ProjectPage

from .content import PROVINCE_TIME, English
from .loader import build, read

# The hour bids close on, Vietnamese time (they open half an hour later).
CLOSING_HOUR = 9


@dataclass(frozen=True)
class Project:
    code: str
    slug: str
    title: str
    investor: str
    location: str
    total_investment: int
    capital_source: str
    status: str
    decision_number: str
    approved_days_ago: int
    summary: str
    capital_detail: str = ""
    project_group: str = ""
    start_year: int | None = None
    end_year: int | None = None
    decision_authority: str = ""
    english: English | None = None


@dataclass(frozen=True)
class Notice:
    code: str
    slug: str
    title: str
    kind: str
    investor: str
    package_name: str
    field: str
    method: str
    approved_days_ago: int
    issued_days_ago: int
    summary: str
    project: str = ""
    package_number: str = ""
    notice_number: str = ""
    package_price: int | None = None
    closes_in_days: int | None = None
    winner: str = ""
    winning_price: int | None = None
    english: English | None = None


@dataclass(frozen=True)
class Procurement:
    intro: str
    intro_en: str
    projects: list[Project] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


DATA: Procurement = build(Procurement, read("procurement"))


def seed_procurement(agencies: dict[str, Agency], result: Onboarding) -> None:
    """The illustrative note on each demo site's section, then its projects and notices in both languages."""
    from .seed import ensure_english, fill_both  # seed.py imports this module

    english = Locale.objects.get(language_code="en")
    today = timezone.localdate()
    sections = {}
    for code, agency in agencies.items():
        plans = agency.site.root_page.get_children().filter(slug="quy-hoach-ke-hoach-du-an").first()
        section = plans and ProcurementIndexPage.objects.child_of(plans).first()
        if section is not None:
            sections[code] = section
            fill_both(section, english, {"intro": DATA.intro}, {"intro": DATA.intro_en}, result, "giới thiệu đấu thầu")
    projects = {}
    for spec in DATA.projects:
        if spec.code in sections:
            projects[(spec.code, spec.slug)] = add_page(
                sections[spec.code], ProjectPage, spec, project_fields(spec, today), result
            )
            if spec.english is not None:
                ensure_english(projects[(spec.code, spec.slug)], english, spec.english, result)
    for spec in DATA.notices:
        if spec.code in sections:
            project = projects.get((spec.code, spec.project))
            page = add_page(sections[spec.code], NoticePage, spec, notice_fields(spec, today, project), result)
            if spec.english is not None:
                ensure_english(page, english, spec.english, result)


def add_page(section, model, spec, fields: dict, result: Onboarding):
    """The page `spec.slug` under `section`, published now unless it is there already."""
    page = model.objects.child_of(section).filter(slug=spec.slug).first()
    result.note(page is None, f"trang “{spec.title}”")
    if page is None:
        page = section.add_child(instance=model(slug=spec.slug, locale=section.locale, title=spec.title, **fields))
        page.save_revision().publish()
    return page


def project_fields(spec: Project, today) -> dict:
    names = [
        "investor",
        "location",
        "total_investment",
        "capital_source",
        "capital_detail",
        "project_group",
        "status",
        "start_year",
        "end_year",
        "decision_number",
        "decision_authority",
        "summary",
    ]
    return {
        **{name: getattr(spec, name) for name in names},
        "trigger_date": today - timedelta(days=spec.approved_days_ago),
    }


def notice_fields(spec: Notice, today, project: ProjectPage | None) -> dict:
    names = [
        "kind",
        "investor",
        "package_name",
        "package_number",
        "notice_number",
        "field",
        "method",
        "package_price",
        "winner",
        "winning_price",
        "summary",
    ]
    closes_at = None
    if spec.closes_in_days is not None:
        closes_at = datetime.combine(today + timedelta(days=spec.closes_in_days), time(CLOSING_HOUR), PROVINCE_TIME)
    return {
        **{name: getattr(spec, name) for name in names},
        "project": project,
        "trigger_date": today - timedelta(days=spec.approved_days_ago),
        "issued_on": today - timedelta(days=spec.issued_days_ago),
        "closes_at": closes_at,
        "opens_at": closes_at + timedelta(minutes=30) if closes_at else None,
    }
