"""wagtail-localize's "Translate" and "Sync translated pages" write pages in another language tree: only users who
may add (or edit, or publish) there may use them, so nobody creates or changes pages on another site's English tree.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import translate_object

from feedback.models import Unit

from .helpers import add_page, english, section

pytestmark = pytest.mark.django_db

ROLES = ["editor", "moderator", "unit", "officer"]
TRANSLATORS = {"editor", "moderator"}


@pytest.fixture
def role(request, agency, make_user):
    """A user of the agency's site (stttt) in the role `request.param`."""
    name = request.param
    if name == "unit":
        return name, make_user("donvi_stttt", Unit.objects.create(agency=agency, name="Phòng Báo chí").staff)
    if name == "officer":
        return name, make_user("motcua_stttt", agency.officers)
    return name, make_user(f"{name}_stttt", getattr(agency, f"{name}s"))


@pytest.fixture
def en():
    return Locale.objects.get(language_code="en")


def source_page(owner) -> Page:
    """A live Vietnamese page with one subpage, neither translated yet."""
    page = add_page(section(owner, "gioi-thieu"), "Thông báo cần dịch", slug="can-dich")
    add_page(page, "Phụ lục cần dịch", slug="phu-luc")
    return page


def translations(page, locale):
    return Page.objects.filter(translation_key=page.translation_key, locale=locale)


def refused(response) -> bool:
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


@pytest.mark.parametrize("role", ROLES, indirect=True)
@pytest.mark.parametrize("site", ["own", "other"])
def test_translate_creates_pages_only_on_the_users_own_site(client, agency, other_agency, role, site, en):
    role_name, user = role
    owner = agency if site == "own" else other_agency
    page = source_page(owner)
    english_section = english(section(owner, "gioi-thieu"))
    before = english_section.get_descendants().count()
    client.force_login(user)
    url = reverse("wagtail_localize:submit_page_translation", args=(page.pk,))

    shown = client.get(url)
    response = client.post(url, {"locales": [en.pk], "include_subtree": "on"})

    if site == "own" and role_name in TRANSLATORS:
        assert shown.status_code == 200
        assert response.status_code == 302
        assert translations(page, en).exists()
        assert english_section.get_descendants().count() == before + 2
    else:
        assert refused(shown) and refused(response)
        assert not translations(page, en).exists()
        assert english_section.get_descendants().count() == before


def test_translate_needs_add_permission_in_the_target_tree(client, agency, make_user, en):
    """A group that may edit the Vietnamese tree only may not create pages in the English one."""
    group = Group.objects.create(name="stttt – Chỉ tiếng Việt")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="submit_translation")
    )
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=agency.site.root_page, permission=Permission.objects.get(codename=codename)
        )
    page = source_page(agency)
    client.force_login(make_user("chi_tieng_viet", group))
    url = reverse("wagtail_localize:submit_page_translation", args=(page.pk,))

    assert refused(client.get(url))
    assert refused(client.post(url, {"locales": [en.pk]}))
    assert not translations(page, en).exists()


@pytest.mark.parametrize("role", ["editor", "moderator"], indirect=True)
@pytest.mark.parametrize("site", ["own", "other"])
def test_sync_translated_pages_stays_on_the_users_own_site(client, agency, other_agency, make_user, role, site, en):
    role_name, user = role
    owner = agency if site == "own" else other_agency
    page = source_page(owner)
    translate_object(page, [en], user=make_user("quantri", is_superuser=True))
    translated = translations(page, en).get()
    revisions = translated.revisions.count()
    source = TranslationSource.objects.get_for_instance(page)
    # A synced translation (the portal makes "simple" ones, but older pages may still be synced): Sync writes it.
    source.translations.update(enabled=True)
    client.force_login(user)
    url = reverse("wagtail_localize:update_translations", args=(source.pk,))

    shown = client.get(url)
    response = client.post(url, {"publish_translations": "on"})

    if site == "own" and role_name == "moderator":
        assert shown.status_code == 200 and response.status_code == 302
        assert translated.revisions.count() > revisions
    else:
        # An editor of the site may look at the sync form; publishing its result is the BBT's.
        assert refused(shown) is (site == "other")
        assert refused(response)
        assert translated.revisions.count() == revisions
