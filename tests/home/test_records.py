"""Official records are never erased (Điều 9.2): only a superuser deletes a page that has ever been published,
in either language tree; everyone else unpublishes it. Never-published drafts stay deletable as Wagtail allows."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Revision, get_page_models

from feedback.models import Unit

from .helpers import add_page, english, section

pytestmark = pytest.mark.django_db

ROLES = ["editor", "moderator", "unit", "officer", "superuser"]
KINDS = ["live", "unpublished", "draft"]
# Who Wagtail lets delete a never-published draft: the site's editors and BBT (add + change), and superusers.
DRAFT_DELETERS = {"editor", "moderator", "superuser"}


@pytest.fixture
def role(request, agency, make_user):
    """A user of the agency's site in the role `request.param`."""
    name = request.param
    if name == "superuser":
        return name, make_user("quantri", is_superuser=True)
    if name == "unit":
        return name, make_user("donvi_stttt", Unit.objects.create(agency=agency, name="Phòng Văn bản").staff)
    if name == "officer":
        return name, make_user("motcua_stttt", agency.officers)
    return name, make_user(f"{name}_stttt", getattr(agency, f"{name}s"))


def make_record(agency, kind: str, language: str) -> Page:
    """A page of the agency's site in `language`: live, once published and now unpublished, or a draft."""
    parent = section(agency, "gioi-thieu")
    page = add_page(parent, f"Thông báo {kind}", slug=f"thong-bao-{kind}")
    if language == "en":
        page = page.copy_for_translation(english(parent).locale)
        page.save_revision().publish()
    page = Page.objects.get(pk=page.pk).specific  # as published: publish() saved another instance
    if kind == "unpublished":
        page.unpublish()
    elif kind == "draft":
        # Never published: the page as an editor leaves it after "Save draft".
        Page.objects.filter(pk=page.pk).update(live=False, first_published_at=None, last_published_at=None)
    return Page.objects.get(pk=page.pk).specific


def deleted(page) -> bool:
    return not Page.objects.filter(pk=page.pk).exists()


def expect_deleted(role_name: str, kind: str) -> bool:
    return role_name == "superuser" or (kind == "draft" and role_name in DRAFT_DELETERS)


def assert_kept(page, revisions: int):
    assert not deleted(page)
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions


@pytest.mark.parametrize("role", ROLES, indirect=True)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_delete_view_refuses_ever_published_pages_to_all_but_superusers(client, agency, role, kind, language):
    role_name, user = role
    page = make_record(agency, kind, language)
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    client.force_login(user)
    url = reverse("wagtailadmin_pages:delete", args=(page.pk,))

    shown = client.get(url)
    response = client.post(url)

    if expect_deleted(role_name, kind):
        assert shown.status_code == 200
        assert response.status_code == 302 and deleted(page)
    else:
        assert shown.status_code in (302, 403) and response.status_code in (302, 403)
        if response.status_code == 302:
            assert response.url != reverse("wagtailadmin_explore", args=(page.get_parent().pk,))
            assert "không có quyền" in client.get(response.url).text
        assert_kept(page, revisions)


@pytest.mark.parametrize("role", ["editor", "moderator", "superuser"], indirect=True)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_delete_is_offered_only_where_it_is_allowed(client, agency, role, kind, language):
    role_name, user = role
    page = make_record(agency, kind, language)
    client.force_login(user)
    delete_url = reverse("wagtailadmin_pages:delete", args=(page.pk,))

    listing = client.get(reverse("wagtailadmin_explore", args=(page.get_parent().pk,))).text
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).text

    offered = expect_deleted(role_name, kind)
    assert (delete_url in listing) is offered
    assert (delete_url in editor) is offered


@pytest.mark.parametrize("role", ROLES, indirect=True)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_bulk_delete_removes_only_never_published_drafts(client, agency, role, language):
    role_name, user = role
    pages = {kind: make_record(agency, kind, language) for kind in KINDS}
    client.force_login(user)
    ids = "&".join(f"id={page.pk}" for page in pages.values())
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete")) + f"?{ids}"

    client.get(url)
    client.post(url)

    for kind, page in pages.items():
        assert deleted(page) is expect_deleted(role_name, kind), kind


@pytest.mark.parametrize("role", ["editor", "moderator"], indirect=True)
def test_admin_api_delete_action_refuses_published_pages(client, agency, role):
    _role_name, user = role
    page = make_record(agency, "unpublished", "vi")
    client.force_login(user)

    response = client.post(reverse("wagtailadmin_api:pages:action", args=(page.pk, "delete")))

    assert response.status_code == 403
    assert not deleted(page)


def test_a_draft_whose_subpage_was_published_is_kept(client, agency, make_user):
    """Deleting a page deletes its subtree: a chief editor who may delete subtrees still cannot take a record."""
    chief = Group.objects.create(name="stttt – Tổng biên tập")
    chief.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page", "bulk_delete_page"):
        GroupPagePermission.objects.create(
            group=chief, page=agency.site.root_page, permission=Permission.objects.get(codename=codename)
        )
    draft = make_record(agency, "draft", "vi")
    add_page(draft, "Phụ lục đã đăng", slug="phu-luc")
    child = Page.objects.get(slug="phu-luc", path__startswith=draft.path)
    child.unpublish()
    client.force_login(make_user("tong_bien_tap", chief))

    client.post(reverse("wagtailadmin_pages:delete", args=(draft.pk,)))

    assert not deleted(draft) and not deleted(child)


def test_every_page_model_follows_the_record_rule(agency, editor):
    from home.models.records import RecordPermissionTester

    page = section(agency, "gioi-thieu")
    for model in get_page_models():
        if model is Page:
            continue  # the tree's root only: never deletable
        tester = model(title="x", locale=page.locale, path=page.path, depth=3).permissions_for_user(editor)
        assert isinstance(tester, RecordPermissionTester), model
