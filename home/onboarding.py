"""Onboarding a site (R1): one idempotent function behind `manage.py create_agency_site`.

A site is: a Wagtail Site `<code>.<PORTAL_DOMAIN>` (the portal: PORTAL_DOMAIN itself), its home page in
Vietnamese and English, the standard sections in both, a collection for its files and images, an
editors' group and an editorial-board (BBT) group whose permissions cover only that site, and a
moderation workflow on both language trees.
"""

import re
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from vietnam.text import fold_diacritics, nfc, words

from .models import Agency, HomePage
from .models.agencies import HOSTNAME_LABEL
from .queries import frame_changed
from .sections import STANDARD_SECTIONS, Section

# Words left out of an agency's initials (Điều 6.2: "Sở Thông tin và Truyền thông" -> stttt).
CONJUNCTIONS = {"và", "với", "hoặc", "cùng"}
# Words before a local government's place name (Điều 6.3: "UBND huyện Tư Nghĩa" -> tunghia).
LOCAL_PREFIXES = [
    "ủy ban nhân dân",
    "uỷ ban nhân dân",
    "ubnd",
    "đặc khu",
    "thị trấn",
    "thị xã",
    "thành phố",
    "tp",
    "huyện",
    "phường",
    "xã",
]
RESERVED_CODES = {"www", "mail", "admin", "api", "static", "media", "ftp", "smtp"}

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]


class OnboardingError(ValueError):
    """The name or code cannot make a site; the message says why, in the operator's language."""


@dataclass
class Onboarding:
    """What `create_agency_site` did: the agency, and a line per thing created or found."""

    agency: Agency | None = None
    created: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)

    def note(self, created: bool, what: str) -> None:
        (self.created if created else self.existing).append(what)


def derive_code(name: str, kind: str) -> str:
    """The site code Điều 6 derives from a Vietnamese name: initials for agencies, place name for local."""
    tokens = [token.lower() for token in words(name)]
    if kind == Agency.Kind.PORTAL:
        return ""
    if kind == Agency.Kind.LOCAL:
        text = " ".join(tokens)
        stripped = True
        while stripped:
            stripped = False
            for prefix in LOCAL_PREFIXES:
                if text.startswith(prefix + " "):
                    text = text[len(prefix) + 1 :]
                    stripped = True
        return fold_diacritics(text).replace(" ", "")
    return "".join(fold_diacritics(token[0]) for token in tokens if token not in CONJUNCTIONS)


def validate_code(code: str) -> None:
    """Raise OnboardingError unless `code` is a valid, non-reserved hostname label."""
    if not re.match(HOSTNAME_LABEL, code):
        raise OnboardingError(
            _(
                "Mã “%(code)s” không hợp lệ: chỉ gồm chữ thường a–z, số 0–9 và dấu gạch ngang, "
                "1–63 ký tự, không bắt đầu hay kết thúc bằng “-”."
            )
            % {"code": code}
        )
    if code in RESERVED_CODES or code == portal_label():
        raise OnboardingError(_("Mã “%(code)s” được dành riêng, hãy chọn mã khác.") % {"code": code})


def portal_label() -> str:
    """The portal domain's first label ("quangngai"), used where the portal needs a short name."""
    return settings.PORTAL_DOMAIN.split(".")[0]


def hostname_for(code: str) -> str:
    return f"{code}.{settings.PORTAL_DOMAIN}" if code else settings.PORTAL_DOMAIN


def clean_name(name: str) -> str:
    """The name in NFC with single spaces; raises OnboardingError if it cannot name an agency."""
    name = " ".join(nfc(name or "").split())
    if len(name) < 3 or not any(char.isalpha() for char in name):
        raise OnboardingError(_("Tên cơ quan “%(name)s” không hợp lệ: cần ít nhất 3 ký tự chữ.") % {"name": name})
    if len(name) > 255:
        raise OnboardingError(_("Tên cơ quan quá dài (tối đa 255 ký tự)."))
    return name


def create_agency_site(name: str, kind: str, code: str | None = None, name_en: str = "") -> Onboarding:
    """Create, or complete, the site of one agency; running it again creates nothing new.

    Raises OnboardingError (nothing changed) for a bad name, kind or code, or a code taken by another agency.
    """
    if kind not in Agency.Kind.values:
        raise OnboardingError(_("Loại “%(kind)s” không hợp lệ: portal, agency hoặc local.") % {"kind": kind})
    name = clean_name(name)
    english_name = " ".join(nfc(name_en or "").split())
    name_en = english_name or name
    if kind == Agency.Kind.PORTAL:
        if code:
            raise OnboardingError(
                _("Cổng tỉnh không có mã: tên miền của nó là %(domain)s.") % {"domain": settings.PORTAL_DOMAIN}
            )
        code = ""
    else:
        code = (code or derive_code(name, kind)).strip().lower()
        validate_code(code)

    with transaction.atomic():
        existing = find_existing(name, kind, code)
        result = Onboarding()
        vi, en = ensure_locales(result)
        home = ensure_home(existing, name, code, vi, result)
        site = ensure_site(existing, name, code, kind, home, result)
        home_en = ensure_translation(
            home, en, name_en, f"{code or portal_label()}-en", result, _("trang chủ tiếng Anh")
        )
        ensure_sections(home, en, STANDARD_SECTIONS, kind == Agency.Kind.PORTAL, result)
        label = code or portal_label()
        collection = ensure_collection(existing, name, result)
        editors = ensure_group(f"{label} – Biên tập viên", result)
        moderators = ensure_group(f"{label} – Ban biên tập", result)
        for root in (home, home_en):
            grant_pages(editors, root, EDITOR_PAGE_PERMISSIONS, result)
            grant_pages(moderators, root, MODERATOR_PAGE_PERMISSIONS, result)
        for group in (editors, moderators):
            grant_common(group, collection, result)
        grant_site_settings(moderators, site, result)
        officers = ensure_group(f"{label} – Bộ phận một cửa", result)
        officers.permissions.add(_permission("wagtailadmin", "access_admin"))
        workflow = ensure_workflow(label, name, moderators, (home, home_en), result)
        agency = existing or Agency(site=site)
        for attribute, value in {
            "kind": kind,
            "code": code,
            "name": name,
            "name_en": english_name or (existing.name_en if existing else ""),
            "collection": collection,
            "editors": editors,
            "moderators": moderators,
            "officers": officers,
            "workflow": workflow,
        }.items():
            setattr(agency, attribute, value)
        agency.save()
        result.agency = agency
        result.note(existing is None, _("cơ quan “%s”") % name)
    return result


def find_existing(name: str, kind: str, code: str) -> Agency | None:
    """The agency this call completes, or None for a new one; OnboardingError if the code is someone else's."""
    if kind == Agency.Kind.PORTAL:
        agency = Agency.objects.filter(kind=kind).first()
    else:
        agency = Agency.objects.filter(code=code).first()
    if agency is not None and (agency.name.casefold() != name.casefold() or agency.kind != kind):
        raise OnboardingError(
            _("Mã “%(code)s” đã thuộc về “%(owner)s”; hãy chọn mã khác với --code.")
            % {"code": agency.label, "owner": agency.name}
        )
    hostname = hostname_for(code)
    if agency is None and Site.objects.filter(hostname=hostname).exists():
        raise OnboardingError(_("Tên miền %(host)s đã được một trang khác dùng.") % {"host": hostname})
    return agency


def ensure_locales(result: Onboarding) -> tuple[Locale, Locale]:
    locales = []
    for code, _name in settings.LANGUAGES:
        locale, created = Locale.objects.get_or_create(language_code=code)
        result.note(created, _("ngôn ngữ %s") % code)
        locales.append(locale)
    return locales[0], locales[1]


def ensure_home(existing: Agency | None, name: str, code: str, locale: Locale, result: Onboarding) -> Page:
    if existing is not None:
        result.note(False, _("trang chủ tiếng Việt"))
        return existing.site.root_page.specific
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title=name, slug=code or portal_label(), locale=locale))
    home.save_revision().publish()
    result.note(True, _("trang chủ tiếng Việt “%s”") % name)
    return home


def ensure_site(existing: Agency | None, name: str, code: str, kind: str, home: Page, result: Onboarding) -> Site:
    if existing is not None:
        result.note(False, _("trang %s") % existing.site.hostname)
        return existing.site
    hostname = hostname_for(code)
    is_portal = kind == Agency.Kind.PORTAL
    if is_portal:
        remove_wagtail_welcome_site()
    site, created = Site.objects.update_or_create(
        hostname=hostname,
        port=settings.PORTAL_PORT,
        defaults={"root_page": home, "site_name": name, "is_default_site": is_portal},
    )
    result.note(True, _("trang %s") % hostname)
    return site


def remove_wagtail_welcome_site() -> None:
    """Drop the placeholder site and "Welcome" page that Wagtail's migrations create, so the portal is the default."""
    for site in Site.objects.filter(is_default_site=True, agency__isnull=True):
        root = site.root_page
        site.delete()
        if root.specific_class is Page and root.depth == 2:
            root.delete()


def ensure_translation(
    page: Page,
    locale: Locale,
    title: str,
    slug: str,
    result: Onboarding,
    what: str,
    search_description: str = "",
    **fields,
) -> Page:
    """`page`'s translation into `locale`, made if missing with this title, slug and description (and `fields`)."""
    translation = page.get_translation_or_none(locale)
    if translation is not None:
        result.note(False, what)
        return translation.specific
    copied = page.copy_for_translation(locale)
    # Set the slug in the database first: changing it through save() would leave a redirect behind.
    Page.objects.filter(pk=copied.pk).update(slug=slug)
    translation = Page.objects.get(pk=copied.pk).specific
    translation.title = title
    translation.search_description = search_description
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.set_url_path(translation.get_parent())
    translation.save_revision().publish()
    result.note(True, what)
    return translation.specific


def ensure_sections(parent: Page, en: Locale, sections: list[Section], is_portal: bool, result: Onboarding) -> None:
    """Make the sections (and the pages under them) that `parent` lacks, in both languages, each in its place."""
    wanted = [section for section in sections if section.for_site(is_portal)]
    for position, section in enumerate(wanted):
        following = [later.slug for later in wanted[position + 1 :]]
        page = ensure_section(parent, section, following, result)
        made = len(result.created)
        labelled = hasattr(page, "menu_title")
        translation = ensure_translation(
            page,
            en,
            section.title_en,
            section.slug_en,
            result,
            _("chuyên mục “%s” tiếng Anh") % section.title_en,
            search_description=section.description_en,
            **({"menu_title": section.menu_title_en} if labelled else {}),
        )
        if labelled:
            ensure_menu_title(page, section.menu_title, result)
            ensure_menu_title(translation, section.menu_title_en, result)
        if len(result.created) > made:
            # A new translation goes last: put it where its source is, before the source's next sibling's translation.
            source_next = page.get_next_sibling()
            anchor = source_next.get_translation_or_none(en) if source_next is not None else None
            if anchor is not None and anchor.get_parent().pk == translation.get_parent().pk:
                translation.move(anchor, pos="left")
        if section.children:
            ensure_sections(page, en, list(section.children), is_portal, result)


def ensure_section(parent: Page, section: Section, following: list[str], result: Onboarding) -> Page:
    """The section `section` under `parent`, made if missing and put before the first of `following` there."""
    page = parent.get_children().filter(slug=section.slug).first()
    if page is not None:
        result.note(False, _("chuyên mục “%s”") % section.title)
        return page.specific
    model = apps.get_model(section.model)
    label = {"menu_title": section.menu_title} if hasattr(model, "menu_title") else {}
    page = parent.add_child(
        instance=model(
            title=section.title,
            slug=section.slug,
            search_description=section.description,
            show_in_menus=section.in_menu,
            locale=parent.locale,
            **label,
        )
    )
    page.save_revision().publish()
    anchor = parent.get_children().filter(slug__in=following).first()
    if anchor is not None:
        # A section added to a site that has later sections already (an existing site, re-run): put in its place.
        page.move(anchor, pos="left")
        page.refresh_from_db()
    result.note(True, _("chuyên mục “%s”") % section.title)
    return page


def ensure_menu_title(page: Page, label: str, result: Onboarding) -> None:
    """Give an existing section the standard short menu label if it has none (a label an editor chose stays).

    Written into the live page and its live and latest revisions alike, without publishing anything: a draft
    waiting for the BBT stays a draft, and keeps the label when it is published.
    """
    if not label or page.menu_title:
        return
    type(page).objects.filter(pk=page.pk).update(menu_title=label)
    page.menu_title = label
    for revision in {page.live_revision, page.latest_revision} - {None}:
        if not revision.content.get("menu_title"):
            revision.content["menu_title"] = label
            revision.save(update_fields=["content"])
    frame_changed()
    result.note(True, _("tên ngắn trên menu “%(label)s” của “%(title)s”") % {"label": label, "title": page.title})


def ensure_collection(existing: Agency | None, name: str, result: Onboarding) -> Collection:
    if existing is not None:
        result.note(False, _("thư mục tệp, ảnh"))
        return existing.collection
    collection = Collection.get_first_root_node().add_child(name=name)
    result.note(True, _("thư mục tệp, ảnh “%s”") % name)
    return collection


def ensure_group(name: str, result: Onboarding) -> Group:
    group, created = Group.objects.get_or_create(name=name)
    result.note(created, _("nhóm “%s”") % name)
    return group


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_pages(group: Group, root: Page, codenames: list[str], result: Onboarding) -> None:
    created = [
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=_permission("wagtailcore", codename)
        )[1]
        for codename in codenames
    ]
    result.note(
        any(created), _("quyền trang của “%(group)s” trên %(page)s") % {"group": group.name, "page": root.title}
    )


def grant_common(group: Group, collection: Collection, result: Onboarding) -> None:
    created = [
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )[1]
        for app_label, codename in MEDIA_PERMISSIONS
    ]
    before = group.permissions.count()
    group.permissions.add(
        _permission("wagtailadmin", "access_admin"), _permission("wagtail_localize", "submit_translation")
    )
    created.append(group.permissions.count() != before)
    result.note(any(created), _("quyền tệp, ảnh của “%s”") % group.name)


def grant_site_settings(group: Group, site: Site, result: Onboarding) -> None:
    """The site settings a site's BBT edits, for that site only: its contact details and its advertisements."""
    for codename, what in (
        ("change_sitecontactsettings", _("quyền sửa thông tin liên hệ của “%s”")),
        ("change_advertisingsettings", _("quyền xếp lịch quảng cáo của “%s”")),
    ):
        _object, created = GroupSitePermission.objects.get_or_create(
            group=group, site=site, permission=_permission("home", codename)
        )
        result.note(created, what % group.name)


def ensure_workflow(label: str, name: str, moderators: Group, roots, result: Onboarding) -> Workflow:
    workflow_name = f"{label} – Duyệt tin bài"
    workflow = Workflow.objects.filter(name=workflow_name).first()
    if workflow is None:
        task = GroupApprovalTask.objects.create(name=f"{label} – Ban biên tập duyệt")
        task.groups.set([moderators])
        workflow = Workflow.objects.create(name=workflow_name, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        result.note(True, _("quy trình duyệt “%s”") % workflow_name)
    else:
        result.note(False, _("quy trình duyệt “%s”") % workflow_name)
    for root in roots:
        _link, created = WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})
        result.note(created, _("quy trình duyệt cho %s") % root.title)
    return workflow
