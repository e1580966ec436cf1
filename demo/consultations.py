"""The demo's public consultations (R8): on the portal, one draft open for comment and one closed with its report;
on Sở Thông tin và Truyền thông's site, one about to open.

The drafts, their texts, the comments and the report are written for the demo; they are not real documents,
and each page says so. The bodies named are real (facts §2, §3): UBND tỉnh and its Văn phòng, Sở Nông nghiệp và
Môi trường; Quyết định 16/2017/QĐ-UBND and Nghị định 42/2022/NĐ-CP are real too (facts §4). Mailboxes follow the
demo's illustrative addresses. The commenters are invented people with example.com addresses.

Dates are relative to the day of seeding, so a fresh demo always has one consultation open, one closed and one
upcoming. The content is in demo/data/consultations.yaml. Seeding is idempotent: a consultation whose slug is
already in its section is left as it is.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from feedback.models import ConsultationComment, ConsultationIndexPage, ConsultationPage
from home.models import Agency
from home.onboarding import Onboarding
from vietnam.text import slugify

from .content import PROVINCE_TIME, English
from .documents import store_file
from .loader import build_all, read
from .pdf import pdf_bytes


@dataclass(frozen=True)
class Comment:
    """A comment as sent: `day` is how many days after the opening it came."""

    name: str
    organisation: str
    article: str
    body: str
    day: int
    status: str = ConsultationComment.Status.APPROVED

    @property
    def email(self) -> str:
        return f"{slugify(self.name).replace('-', '.')}@example.com"


@dataclass(frozen=True)
class Consultation:
    """One consultation: where (agency code), when (days from today), what, and what came of it."""

    code: str
    title: str
    summary: str
    body: str
    opens_in_days: int
    receiving_agency: str
    address: str
    email: str
    draft_lines: list[str]
    comments: list[Comment] = field(default_factory=list)
    report: str = ""
    report_lines: list[str] = field(default_factory=list)
    english: English | None = None
    days: int = 30


CONSULTATIONS: list[Consultation] = build_all(Consultation, read("consultations")["consultations"])


def seed_consultations(agencies: dict[str, Agency], result: Onboarding) -> None:
    """Create each demo consultation whose site is in `agencies` (keyed by code) and whose slug is not taken yet,
    with its draft, comments, report and English version."""
    from .seed import ensure_english  # seed.py imports this module

    english = Locale.objects.get(language_code="en")
    moderator = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    today = timezone.localdate()
    for spec in CONSULTATIONS:
        agency = agencies.get(spec.code)
        index = agency and ConsultationIndexPage.objects.child_of(agency.site.root_page).first()
        if index is None:
            continue
        what = f"lấy ý kiến “{spec.title}”"
        page = ConsultationPage.objects.child_of(index).filter(slug=slugify(spec.title)).first()
        result.note(page is None, what)
        if page is None:
            opens_at = datetime.combine(today + timedelta(days=spec.opens_in_days), time(0, 0), tzinfo=PROVINCE_TIME)
            page = create_consultation(index, agency, spec, opens_at)
            add_comments(page, spec, moderator)
        if spec.english is not None:
            ensure_english(page, english, spec.english, result)


def create_consultation(index: ConsultationIndexPage, agency: Agency, spec: Consultation, opens_at) -> ConsultationPage:
    slug = slugify(spec.title)
    page = ConsultationPage(
        title=spec.title,
        slug=slug,
        locale=index.locale,
        summary=spec.summary,
        body=spec.body,
        opens_at=opens_at,
        closes_at=opens_at + timedelta(days=spec.days),
        receiving_agency=spec.receiving_agency,
        address=spec.address,
        email=spec.email,
        draft=titled(store_file(f"{slug[:60]}.pdf", pdf_bytes(spec.draft_lines, spec.title), agency), spec.title),
        report=spec.report,
    )
    if spec.report_lines:
        report = store_file(f"bao-cao-tiep-thu-{slug[:50]}.pdf", pdf_bytes(spec.report_lines, spec.title), agency)
        page.report_file = titled(report, "Báo cáo tiếp thu, giải trình ý kiến góp ý")
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_comments(page: ConsultationPage, spec: Consultation, moderator) -> None:
    for comment in spec.comments:
        sent = page.opens_at + timedelta(days=comment.day, hours=9)
        approved = comment.status == ConsultationComment.Status.APPROVED
        ConsultationComment.objects.create(
            page=page,
            name=comment.name,
            organisation=comment.organisation,
            email=comment.email,
            article=comment.article,
            body=comment.body,
            status=comment.status,
            created_at=sent,
            moderated_at=sent + timedelta(days=1) if approved else None,
            moderated_by=moderator if approved else None,
        )


def titled(document, title: str):
    """The stored file, given a readable title (store_file titles it with its file name)."""
    document.title = title
    document.save(update_fields=["title"])
    return document
