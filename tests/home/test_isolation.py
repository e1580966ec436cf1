"""Per-site isolation (R3): each role of one site against the other site's pages, images and documents,
in both languages. Every refusal is paired with the same request succeeding on the user's own site."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.onboarding import create_agency_site
from tests.documents.conftest import pdf_bytes

from .helpers import add_page, add_url, edit_url, english, section, standard_page_form

pytestmark = pytest.mark.django_db

ROLES = ["editors", "moderators"]
LANGUAGES = ["vi", "en"]


@pytest.fixture(scope="module")
def two_sites(shared_db):
    """Two sites, each with a live page, a draft, an image and a document in both languages."""
    agency = create_agency_site("Sở Thông tin và Truyền thông", "agency").agency
    other_agency = create_agency_site("Xã Tư Nghĩa", "local").agency
    content = {}
    for owner in (agency, other_agency):
        intro = section(owner, "gioi-thieu")
        live = add_page(intro, f"Trang công khai của {owner.code}", slug="cong-khai")
        draft = intro.add_child(instance=type(live)(title=f"Bản nháp mật của {owner.code}", slug="nhap", live=False))
        draft.save_revision()
        image = get_image_model().objects.create(
            title=f"Ảnh của {owner.code}", file=get_test_image_file(), collection=owner.collection
        )
        document = get_document_model().objects.create(
            title=f"Tệp của {owner.code}",
            file=ContentFile(b"%PDF-1.4 test", name="tep.pdf"),
            collection=owner.collection,
        )
        content[owner.code] = {
            "agency": owner,
            "vi": {"intro": intro, "live": live, "draft": draft},
            "en": {"intro": english(intro), "live": live, "draft": draft},
            "image": image,
            "document": document,
        }
    for language_content in (content[agency.code], content[other_agency.code]):
        owner = language_content["agency"]
        translated = language_content["vi"]["live"].copy_for_translation(english(section(owner, "gioi-thieu")).locale)
        translated.save_revision().publish()
        language_content["en"]["live"] = translated
        draft_en = language_content["vi"]["draft"].copy_for_translation(translated.locale)
        draft_en.save_revision()
        language_content["en"]["draft"] = draft_en
    return content


@pytest.fixture
def sites(two_sites, db):
    return two_sites


@pytest.fixture
def agency(sites):
    return sites["stttt"]["agency"]


@pytest.fixture
def other_agency(sites):
    return sites["tunghia"]["agency"]


@pytest.fixture(params=ROLES)
def role_user(request, agency, make_user):
    """A user of `agency` in one role: editor or BBT member."""
    return make_user(f"{request.param}_{agency.code}", getattr(agency, request.param))


def visible(client, url) -> bool:
    response = client.get(url)
    return response.status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_of_another_site_cannot_be_seen_edited_or_published(
    client, sites, agency, other_agency, role_user, language
):
    client.force_login(role_user)
    own, foreign = sites[agency.code][language], sites[other_agency.code][language]

    for kind in ("live", "draft"):
        assert visible(client, edit_url(own[kind]))
        assert not visible(client, edit_url(foreign[kind]))
        assert visible(client, reverse("wagtailadmin_pages:view_draft", args=(own[kind].pk,)))
        assert not visible(client, reverse("wagtailadmin_pages:view_draft", args=(foreign[kind].pk,)))
    assert visible(client, add_url(own["intro"]))
    assert not visible(client, add_url(foreign["intro"]))

    title = foreign["live"].title
    client.post(edit_url(foreign["live"]), {**standard_page_form("Bị sửa trái phép", "bi-sua"), "action-publish": "1"})
    client.post(add_url(foreign["intro"]), {**standard_page_form("Bài lạ", "bai-la"), "action-publish": "1"})
    foreign["live"].refresh_from_db()
    assert foreign["live"].title == title and foreign["live"].live
    assert not foreign["intro"].get_children().filter(slug="bai-la").exists()


def test_explorer_and_search_show_only_the_users_own_site(client, sites, agency, other_agency, role_user):
    client.force_login(role_user)
    root_listing = client.get(reverse("wagtailadmin_explore_root"), follow=True).text
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Bản nháp mật"}).text

    for owner, shown in ((agency, True), (other_agency, False)):
        for home in owner.site.root_page.get_translations(inclusive=True):
            assert (reverse("wagtailadmin_explore", args=(home.pk,)) in root_listing) is shown
    assert f"Bản nháp mật của {agency.code}" in search
    assert f"Bản nháp mật của {other_agency.code}" not in search


@pytest.mark.parametrize("media", ["image", "document"])
def test_files_of_another_site_cannot_be_seen_changed_or_chosen(client, sites, agency, other_agency, role_user, media):
    client.force_login(role_user)
    own, foreign = sites[agency.code][media], sites[other_agency.code][media]
    app = "wagtailimages" if media == "image" else "wagtaildocs"
    chooser = "wagtailimages_chooser:choose" if media == "image" else "wagtaildocs_chooser:choose"

    assert visible(client, reverse(f"{app}:edit", args=(own.pk,)))
    assert not visible(client, reverse(f"{app}:edit", args=(foreign.pk,)))
    listing = client.get(reverse(f"{app}:index")).text
    choices = client.get(reverse(chooser)).json()["html"]
    assert own.title in listing and own.title in choices
    assert foreign.title not in listing and foreign.title not in choices

    client.post(reverse(f"{app}:delete", args=(foreign.pk,)))
    assert type(foreign).objects.filter(pk=foreign.pk).exists()


@pytest.mark.parametrize("media", ["image", "document"])
def test_uploads_go_only_into_the_users_own_collection(client, sites, agency, other_agency, role_user, media):
    client.force_login(role_user)
    model = get_image_model() if media == "image" else get_document_model()
    app = "wagtailimages" if media == "image" else "wagtaildocs"

    def upload(collection):
        if media == "image":
            upload_file = SimpleUploadedFile("tai-len.png", get_test_image_file().file.getvalue(), "image/png")
        else:
            upload_file = SimpleUploadedFile("tai-len.pdf", pdf_bytes("tai len"), "application/pdf")
        title = f"Tải lên vào {collection.name}"
        client.post(reverse(f"{app}:add"), {"title": title, "file": upload_file, "collection": collection.pk})
        return model.objects.filter(title=title).first()

    assert upload(agency.collection).collection == agency.collection
    smuggled = upload(other_agency.collection)
    assert smuggled is None or smuggled.collection == agency.collection
    assert not model.objects.filter(collection=other_agency.collection).exclude(pk=sites[other_agency.code][media].pk)


def test_site_contact_settings_are_editable_only_on_the_bbts_own_site(client, sites, agency, other_agency, make_user):
    moderator = make_user("bbt_only", agency.moderators)
    client.force_login(moderator)
    url = "wagtailsettings:edit"

    assert visible(client, reverse(url, args=("home", "sitecontactsettings", agency.site.pk)))
    response = client.get(reverse(url, args=("home", "sitecontactsettings", other_agency.site.pk)))
    assert response.status_code != 200 or other_agency.site.hostname not in response.text
