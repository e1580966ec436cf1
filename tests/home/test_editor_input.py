"""A page-editor POST that lacks what the editor's own form always sends is a bad request (400), not a 500."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Revision, get_page_models
from wagtail.test.utils.form_data import rich_text

from home.models import ContactPage, StandardPage
from tests.home.helpers import add_page, add_url, edit_url, section, standard_page_form

pytestmark = pytest.mark.django_db

# The keys Wagtail's editor always sends for a StreamField: how many blocks, and each block's type.
STREAM_KEYS = ["body-count", "body-0-type", "body-1-deleted"]


def without(data: dict, key: str) -> dict:
    assert key in data
    return {name: value for name, value in data.items() if name != key}


@pytest.mark.parametrize("missing", STREAM_KEYS)
def test_creating_a_page_without_its_streamfields_keys_is_refused(client, agency, editor, missing):
    client.force_login(editor)
    data = without(standard_page_form("Quy chế", "quy-che"), missing)

    response = client.post(add_url(section(agency, "gioi-thieu")), data)

    assert response.status_code == 400
    assert not Page.objects.filter(slug="quy-che").exists()


@pytest.mark.parametrize("missing", STREAM_KEYS)
def test_editing_a_page_without_its_streamfields_keys_is_refused(client, agency, editor, missing):
    page = add_page(section(agency, "gioi-thieu"), "Quy chế", slug="quy-che")
    revisions = Revision.objects.count()
    client.force_login(editor)
    data = without(standard_page_form("Quy chế sửa đổi", "quy-che"), missing)

    response = client.post(edit_url(page), {**data, "action-submit": "1"})

    assert response.status_code == 400
    assert Revision.objects.count() == revisions
    assert StandardPage.objects.get(pk=page.pk).title == "Quy chế"


def contact_page_form(title: str) -> dict:
    """POST data for the contacts page's editor, with no contact in its InlinePanel."""
    return {
        "title": title,
        "slug": "lien-he",
        "intro": rich_text(""),
        "seo_title": "",
        "search_description": "",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "1000",
    }


@pytest.mark.parametrize("missing", ["contacts-TOTAL_FORMS", "contacts-INITIAL_FORMS"])
def test_editing_a_page_without_its_inline_panels_management_form_is_refused(client, agency, make_user, missing):
    page = section(agency, "lien-he")
    assert isinstance(page, ContactPage)
    revisions = Revision.objects.count()
    client.force_login(make_user("quantri", is_superuser=True))

    response = client.post(edit_url(page), without(contact_page_form("Liên hệ mới"), missing))

    assert response.status_code == 400
    assert Revision.objects.count() == revisions


@pytest.mark.parametrize(("page_form", "key", "value"), [("standard", "body-count", "hai"), ("contact", "intro", "")])
def test_editing_a_page_with_values_the_editor_never_sends_is_refused(client, agency, make_user, page_form, key, value):
    if page_form == "standard":
        page, data = add_page(section(agency, "gioi-thieu"), slug="quy-che"), standard_page_form("Quy chế", "quy-che")
    else:
        page, data = section(agency, "lien-he"), contact_page_form("Liên hệ mới")
    revisions = Revision.objects.count()
    client.force_login(make_user("quantri", is_superuser=True))

    response = client.post(edit_url(page), {**data, key: value})

    assert response.status_code == 400
    assert Revision.objects.count() == revisions


def test_the_same_forms_complete_are_accepted(client, agency, editor, make_user):
    client.force_login(editor)
    created = client.post(add_url(section(agency, "gioi-thieu")), standard_page_form("Quy chế", "quy-che"))
    assert created.status_code == 302 and Page.objects.filter(slug="quy-che").exists()

    client.force_login(make_user("quantri", is_superuser=True))
    edited = client.post(edit_url(section(agency, "lien-he")), contact_page_form("Liên hệ mới"))
    assert edited.status_code == 302
    assert Revision.objects.filter(object_id=str(section(agency, "lien-he").pk)).latest("pk").object_str == (
        "Liên hệ mới"
    )


def test_an_empty_post_to_any_page_types_editor_is_never_a_server_error(client, portal, agency, make_user):
    client.force_login(make_user("quantri", is_superuser=True))
    pages = [page.specific for page in Page.objects.filter(depth__gt=1).order_by("path")]
    revisions, count = Revision.objects.count(), Page.objects.count()
    statuses = {}
    for model in get_page_models():
        parent = next(
            (page for page in pages if model in page.creatable_subpage_models() and model.can_create_at(page)), None
        )
        if parent is not None:
            url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))
            statuses[f"add {model.__name__}"] = client.post(url, {}).status_code
        existing = next((page for page in pages if type(page) is model), None)
        if existing is not None:
            statuses[f"edit {model.__name__}"] = client.post(edit_url(existing), {}).status_code

    assert len(statuses) >= 18, statuses  # every kind of page the sites have, added and edited
    assert set(statuses.values()) <= {200, 400}, statuses
    assert (Revision.objects.count(), Page.objects.count()) == (revisions, count)
