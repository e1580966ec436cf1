"""Storing the demo content (demo/data/, read by content.py and the other modules), idempotently: what already exists,
including edits, is left as it is."""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Sum
from django.test.utils import override_settings
from wagtail.models import Locale, Page, TranslatableMixin

from documents.models import LegalDocumentPage
from feedback.models import ConsultationPage, Question
from following.models import Subscription
from gazette.models import GazetteIssuePage
from home.models import AdvertisementSlot, Agency, NewsPage, OfficialContact, SiteContactSettings, StandardPage
from home.onboarding import Onboarding, create_agency_site
from leadership.models import LeaderPage, ScheduleEntry
from operations.models import MaintenanceWindow
from organisation.models import Official, UnitPage
from procurement.models import NoticePage
from reporting.models import PageViewCount
from services.models import Dossier, ProcedurePage
from territory.models import HeritagePage
from vietnam.text import slugify

from .consultations import seed_consultations
from .content import ADMIN_PASSWORD, DEMO_PASSWORD, DemoSite, DemoUser, English, Entry
from .documents import seed_documents
from .following import seed_following
from .front import seed_front
from .heritage import seed_heritage
from .leadership import seed_leadership
from .operations import seed_maintenance
from .organisation import seed_organisation
from .oversight import seed_deadlines
from .procurement import seed_procurement
from .publications import publication_count, seed_publications
from .questions import seed_questions
from .ratings import seed_ratings
from .records import seed_records
from .reporting import seed_page_views
from .services import GUIDE, seed_dossiers, seed_procedures

ADMIN_USERNAME = "admin"


def seed_site(spec: DemoSite) -> tuple[Onboarding, Onboarding]:
    """Create or complete one demo site; returns what onboarding did and what the content seeding did."""
    with transaction.atomic():
        onboarding = create_agency_site(spec.name, spec.kind, name_en=spec.name_en)
        agency = onboarding.agency
        result = Onboarding(agency=agency)
        english = Locale.objects.get(language_code="en")
        home = agency.site.root_page.specific
        sections = {page.slug: page.specific for page in home.get_children()}

        fill_contact_settings(agency, spec.contact_settings, result)
        fill_both(home, english, {"intro": spec.intro}, {"intro": spec.intro_en}, result, "giới thiệu trang chủ")
        for slug, (intro, intro_en) in spec.section_intros.items():
            section = sections[slug]
            fill_both(section, english, {"intro": intro}, {"intro": intro_en}, result, f"giới thiệu “{section.title}”")
        for entry in spec.about:
            add_entry(sections["gioi-thieu"], StandardPage, entry, english, result)
        for entry in spec.news:
            add_entry(sections["tin-tuc"], NewsPage, entry, english, result)
        contacts = sections["lien-he"]
        fill_both(
            contacts,
            english,
            {"intro": spec.contact_intro[0], "contacts": [OfficialContact(**p.fields()) for p in spec.contacts]},
            {"intro": spec.contact_intro[1], "contacts": [OfficialContact(**p.fields(True)) for p in spec.contacts]},
            result,
            "cán bộ đầu mối trang “Liên hệ”",
        )

        users = {user.username: ensure_site_user(user, agency, result) for user in spec.users}
        if spec.draft is not None:
            editor = next(users[user.username] for user in spec.users if user.group == "editors")
            submit_draft(agency, sections["tin-tuc"], spec.draft, editor, result)
    return onboarding, result


def seed_library(agencies: dict[str, Agency], progress: Callable[[str], None] = len) -> Onboarding:
    """The organisation charts and officials of the three sites (keyed by agency code), their legal-documents
    library, the portal's gazette, the sites' history and culture pages, their leaders and work schedules, their
    plans, statistics, science programmes, commendations and sanctions, the consultations, the questions and answers
    with the units that answer them, the procedures catalogue and the dossiers submitted online, handled by the sites'
    desk officers, and a few weeks of page views for the operations report. `progress` is told of each stage done,
    with what the database then holds, and of the documents along the way (the longest stage)."""
    with transaction.atomic():
        result = Onboarding(agency=agencies[""])
        seed_front(agencies, result)
        progress(
            f"trang chủ: {NewsPage.objects.exclude(image=None).count()} tin có ảnh minh họa, "
            f"{AdvertisementSlot.objects.count()} quảng cáo minh họa"
        )
        seed_organisation(agencies, result)
        progress(f"cơ cấu tổ chức: {UnitPage.objects.count()} trang đơn vị, {Official.objects.count()} cán bộ")
        seed_documents(agencies, result, progress)
        progress(
            f"văn bản: {LegalDocumentPage.objects.count()} trang văn bản, "
            f"{GazetteIssuePage.objects.count()} số công báo"
        )
        seed_heritage(agencies, result, add_entry)
        progress(f"lịch sử, văn hóa: {HeritagePage.objects.count()} trang (tiếng Việt và tiếng Anh)")
        seed_publications(agencies, result)
        progress(f"quy hoạch, kế hoạch, thống kê, khoa học, khen thưởng: {publication_count()} trang")
        seed_deadlines(agencies, result)
        seed_leadership(agencies, result)
        progress(
            f"lãnh đạo, lịch công tác: {LeaderPage.objects.count()} trang lãnh đạo, "
            f"{ScheduleEntry.objects.count()} mục lịch"
        )
        seed_consultations(agencies, result)
        progress(f"lấy ý kiến: {ConsultationPage.objects.count()} dự thảo")
        seed_questions(agencies, result)
        progress(f"hỏi đáp: {Question.objects.count()} câu hỏi")
        seed_procedures(agencies, result)
        progress(f"thủ tục hành chính: {ProcedurePage.objects.count()} trang thủ tục (tiếng Việt và tiếng Anh)")
        seed_dossiers(agencies, result)
        portal_procedures = agencies[""].site.root_page.get_children().get(slug="thu-tuc-hanh-chinh").specific
        add_entry(portal_procedures, StandardPage, GUIDE, Locale.objects.get(language_code="en"), result)
        progress(f"hồ sơ trực tuyến: {Dossier.objects.count()} hồ sơ")
        seed_ratings(agencies, result)
        progress("đánh giá mức độ hài lòng: một số hồ sơ và câu trả lời mẫu")
        seed_following(agencies, result)
        progress(f"nhận tin qua thư điện tử: {Subscription.objects.count()} đăng ký (minh họa)")
        seed_procurement(agencies, result)
        progress(f"dự án, đấu thầu: {NoticePage.objects.count()} trang thông tin đấu thầu")
        seed_maintenance(result)
        progress(f"lịch tạm ngừng để bảo trì: {MaintenanceWindow.objects.count()} lịch")
        seed_page_views(agencies, result)
        progress(f"lượt xem trang: {PageViewCount.objects.aggregate(total=Sum('views'))['total'] or 0} (minh họa)")
        seed_records(agencies, result)
        progress("lưu trữ: một văn bản đã thu hồi, một trang có ghi chú cập nhật")
    return result


def fill_contact_settings(agency: Agency, values: dict, result: Onboarding) -> None:
    """Fill the site's footer contact details (R4 l), keeping any field an editor has already set."""
    contact = SiteContactSettings.for_site(agency.site)
    missing = {name: value for name, value in values.items() if not getattr(contact, name)}
    for name, value in missing.items():
        setattr(contact, name, value)
    if missing:
        contact.save()
    result.note(bool(missing), "thông tin liên hệ của trang")


def fill_both(page: Page, english: Locale, values: dict, values_en: dict, result: Onboarding, what: str) -> None:
    """Fill empty fields of `page` and of its English translation (created by onboarding)."""
    fill_empty(page, values, result, what)
    fill_empty(page.get_translation(english).specific, values_en, result, f"{what} (tiếng Anh)")


def fill_empty(page: Page, values: dict, result: Onboarding, what: str) -> None:
    """Set the fields of `page` that are still empty and publish once; fields someone has filled are kept."""
    missing = {name: value for name, value in values.items() if not _has_content(getattr(page, name))}
    for name, value in missing.items():
        setattr(page, name, value)
    if missing:
        page.save_revision().publish()
    result.note(bool(missing), what)


def _has_content(value) -> bool:
    # An inline relation (the contacts) is a manager: it is filled when it has rows.
    return value.all().exists() if hasattr(value, "all") else bool(value)


def add_entry(parent: Page, model: type[Page], entry: Entry, english: Locale, result: Onboarding) -> None:
    """Publish `entry` under `parent` unless a page with its slug is there, then its English version if it has one."""
    slug = slugify(entry.title)
    page = parent.get_children().filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(title=entry.title, slug=slug, locale=parent.locale, **entry.fields))
        page.save_revision().publish()
        result.note(True, f"trang “{entry.title}”")
    else:
        result.note(False, f"trang “{entry.title}”")
    if entry.english is not None:
        ensure_english(page.specific, english, entry.english, result)


def ensure_english(page: Page, english: Locale, version: English, result: Onboarding) -> Page:
    """The English translation of `page` with its own slug and texts (its parent must be translated already)."""
    what = f"bản tiếng Anh “{version.fields['title']}”"
    translation = page.get_translation_or_none(english)
    if translation is not None:
        result.note(False, what)
        return translation.specific
    copied = page.copy_for_translation(english)
    # Set the slug in the database first: changing it through save() would leave a redirect behind.
    Page.objects.filter(pk=copied.pk).update(slug=version.slug)
    translation = Page.objects.get(pk=copied.pk).specific
    for name, value in version.fields.items():
        if isinstance(value, list) and value and isinstance(value[0], TranslatableMixin):
            # Rows written anew in English (papers, questions) translate the copied Vietnamese rows in their places.
            copied = list(getattr(translation, name).all())
            for row, original in zip(value, copied, strict=True) if len(copied) == len(value) else ():
                row.translation_key = original.translation_key
        setattr(translation, name, value)
    translation.set_url_path(translation.get_parent())
    translation.save_revision().publish()
    result.note(True, what)
    return translation


def ensure_admin(result: Onboarding):
    """The demo superuser; an existing account (and its password) is left alone."""
    User = get_user_model()
    user = User.objects.filter(username=ADMIN_USERNAME).first()
    result.note(user is None, f"tài khoản quản trị {ADMIN_USERNAME}")
    if user is None:
        user = User.objects.create_superuser(ADMIN_USERNAME, "quantri@quangngai.gov.vn", ADMIN_PASSWORD)
    return user


def ensure_site_user(spec: DemoUser, agency: Agency, result: Onboarding):
    """A demo editor, BBT member or desk officer of `agency`, in the agency's group `spec.group`; an existing
    account (its password and groups) is left alone."""
    User = get_user_model()
    user = User.objects.filter(username=spec.username).first()
    result.note(user is None, f"tài khoản {spec.username}")
    if user is None:
        user = User.objects.create_user(
            spec.username, spec.email, DEMO_PASSWORD, first_name=spec.first_name, last_name=spec.last_name
        )
        user.groups.set([getattr(agency, spec.group)])
    return user


def submit_draft(agency: Agency, news_index: Page, entry: Entry, editor, result: Onboarding) -> None:
    """An article written by `editor` and waiting in the site's workflow, so the BBT has something to approve."""
    slug = slugify(entry.title)
    what = f"tin chờ Ban biên tập duyệt “{entry.title}”"
    if news_index.get_children().filter(slug=slug).exists():
        result.note(False, what)
        return
    # Vietnamese order (family name first), as the byline is printed.
    author = f"{editor.last_name} {editor.first_name}".strip() or editor.username
    page = news_index.add_child(
        instance=NewsPage(
            title=entry.title,
            slug=slug,
            locale=news_index.locale,
            live=False,
            owner=editor,
            author=author,
            **entry.fields,
        )
    )
    page.save_revision(user=editor)
    # The demo accounts have real-looking @quangngai.gov.vn addresses: Wagtail's "submitted for moderation"
    # e-mails must not leave the machine, whatever e-mail backend the environment configures.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        agency.workflow.start(page, editor)
    result.note(True, what)
