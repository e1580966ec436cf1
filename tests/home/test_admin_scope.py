"""The admin API and the page chooser show a user only what their site's permissions cover: no other site's
documents, images or draft titles. Other sites' live pages stay choosable, since editors link to them."""

import json

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.onboarding import create_agency_site

from .helpers import add_page, english, section

pytestmark = pytest.mark.django_db

API = "/admin/api/main/"


@pytest.fixture(scope="module")
def two_sites(shared_db):
    """Per site: a live page, a never-published draft in each language, an image and a document."""
    content = {}
    for name, kind in (("Sở Thông tin và Truyền thông", "agency"), ("Xã Tư Nghĩa", "local")):
        owner = create_agency_site(name, kind).agency
        intro = section(owner, "gioi-thieu")
        live = add_page(intro, f"Trang công khai {owner.code}", slug="cong-khai")
        drafts = []
        for parent in (intro, english(intro)):
            draft = parent.add_child(
                instance=type(live)(
                    title=f"Nháp mật {owner.code} {parent.locale.language_code}", slug="nhap-mat", live=False
                )
            )
            draft.save_revision()
            drafts.append(draft)
        # A live page whose pending draft renames it: the new title is not public yet.
        renamed = add_page(intro, f"Tên cũ {owner.code}", slug="doi-ten")
        renamed.title = f"Tên mới chưa duyệt {owner.code}"
        renamed.save_revision()
        content[owner.code] = {
            "agency": owner,
            "intro": intro,
            "live": live,
            "drafts": drafts,
            "renamed": renamed,
            "image": get_image_model().objects.create(
                title=f"Ảnh riêng {owner.code}", file=get_test_image_file(), collection=owner.collection
            ),
            "document": get_document_model().objects.create(
                title=f"Tệp riêng {owner.code}",
                file=ContentFile(b"%PDF-1.4 test", name="rieng.pdf"),
                collection=owner.collection,
            ),
        }
    return content


@pytest.fixture
def own(two_sites, db):
    return two_sites["stttt"]


@pytest.fixture
def foreign(two_sites, db):
    return two_sites["tunghia"]


@pytest.fixture(params=["editors", "moderators", "officers"])
def staff(request, own, make_user):
    """A user of stttt's site in one role."""
    return make_user(f"{request.param}_stttt", getattr(own["agency"], request.param))


def secrets(site) -> list[str]:
    """What another site's user must never read: its draft titles, pending titles, files and images."""
    return [draft.title for draft in site["drafts"]] + [
        site["renamed"].title,
        site["image"].title,
        site["document"].title,
    ]


def admin_reads(client, own, foreign) -> str:
    """Everything a user reads through the admin API and the page chooser about both sites."""
    chooser = [
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page_child", args=(foreign["intro"].pk,)),
        reverse("wagtailadmin_choose_page_child", args=(english(foreign["intro"]).pk,)),
        reverse("wagtailadmin_choose_page_child", args=(own["intro"].pk,)),
        reverse("wagtailadmin_choose_page_child", args=(english(own["intro"]).pk,)),
    ]
    chooser += [reverse("wagtailadmin_choose_page_child", args=(draft.pk,)) for draft in foreign["drafts"]]
    chooser += [f"{reverse('wagtailadmin_choose_page_search')}?q={q}" for q in ("Nháp mật", "Tên", "nhap")]
    ids = "&".join(f"id={page.pk}" for site in (own, foreign) for page in site["drafts"] + [site["renamed"]])
    chooser.append(f"{reverse('wagtailadmin_choose_page_chosen_multiple')}?{ids}")
    api = [
        f"{API}documents/?limit=100",
        f"{API}images/?limit=100",
        f"{API}pages/?limit=100",
        f"{API}pages/?limit=100&search=Nháp",
        f"{API}pages/?limit=100&child_of={foreign['intro'].pk}",
        f"{API}pages/?limit=100&descendant_of={foreign['agency'].site.root_page.pk}",
    ]
    for site in (own, foreign):
        api += [f"{API}documents/{site['document'].pk}/", f"{API}images/{site['image'].pk}/"]
        api += [f"{API}pages/{page.pk}/" for page in site["drafts"] + [site["renamed"]]]
    return "\n".join(readable(client.get(url)) for url in chooser + api)


def readable(response) -> str:
    """The response's text, with JSON's escaped characters decoded."""
    if response.headers.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.text


def test_staff_read_nothing_private_of_another_site(client, own, foreign, staff):
    client.force_login(staff)

    seen = admin_reads(client, own, foreign)

    for secret in secrets(foreign):
        assert secret not in seen, secret
    assert foreign["live"].title in seen  # other sites' live pages stay choosable for links


def test_editors_still_find_their_own_sites_content(client, own, foreign, make_user):
    client.force_login(make_user("bientap_rieng", own["agency"].editors))

    seen = admin_reads(client, own, foreign)

    for secret in secrets(own):
        assert secret in seen, secret


def test_direct_reads_of_another_sites_items_are_not_found(client, own, foreign, make_user):
    client.force_login(make_user("bbt_rieng", own["agency"].moderators))

    assert client.get(f"{API}documents/{foreign['document'].pk}/").status_code == 404
    assert client.get(f"{API}images/{foreign['image'].pk}/").status_code == 404
    for draft in foreign["drafts"]:
        assert client.get(f"{API}pages/{draft.pk}/").status_code == 404
        assert client.get(reverse("wagtailadmin_choose_page_child", args=(draft.pk,))).status_code == 404
    assert client.get(f"{API}documents/{own['document'].pk}/").status_code == 200
    assert client.get(f"{API}images/{own['image'].pk}/").status_code == 200


def test_superusers_see_every_site(client, own, foreign, make_user):
    client.force_login(make_user("quantri", is_superuser=True))

    seen = admin_reads(client, own, foreign)

    for secret in secrets(own) + secrets(foreign):
        assert secret in seen, secret
