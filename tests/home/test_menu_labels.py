"""Short menu labels (SectionPage.menu_title, ContactPage.menu_title): onboarding gives the standard sections theirs
in both languages, and `create_agency_site --all` gives them to sites made before, keeping an editor's choice and
publishing nothing that waits for the BBT."""

import pytest
from django.core.management import call_command

from home.models import ContactPage
from home.sections import STANDARD_SECTIONS

from .helpers import english, section

pytestmark = pytest.mark.django_db

LABELS = {entry.slug: (entry.menu_title, entry.menu_title_en) for entry in STANDARD_SECTIONS}


def test_a_new_site_has_short_labels_in_both_languages(portal, agency):
    for owner in (portal, agency):
        for page in owner.site.root_page.get_children().in_menu().specific():
            assert (page.menu_title, english(page).menu_title) == LABELS[page.slug]
    assert LABELS["quy-hoach-ke-hoach-du-an"] == ("Quy hoạch, dự án", "Plans & projects")
    assert LABELS["cong-bao"] == ("Công báo", "Gazette")


def forget_labels(page):
    """A section as a site made before menu labels had it: none in its row or its revisions."""
    type(page).objects.filter(pk=page.pk).update(menu_title="")
    for revision in page.revisions.all():
        revision.content.pop("menu_title", None)
        revision.save(update_fields=["content"])


def test_create_agency_site_all_gives_existing_sites_their_labels(client, agency, editor):
    sections = [page.specific for page in agency.site.root_page.get_children().in_menu()]
    for page in sections:
        forget_labels(page)
        forget_labels(english(page))
    chosen = section(agency, "gioi-thieu")
    chosen.menu_title = "Về Sở"
    chosen.save_revision().publish()
    waiting = ContactPage.objects.get(pk=section(agency, "lien-he").pk)
    waiting.title = "Liên hệ, góp ý (bản nháp)"
    waiting.save_revision(user=editor)  # a draft the BBT has not approved

    call_command("create_agency_site", "--all", verbosity=0)

    assert section(agency, "gioi-thieu").menu_title == "Về Sở"  # the editor's choice stays
    assert english(section(agency, "gioi-thieu")).menu_title == "About"
    assert section(agency, "chi-dao-dieu-hanh").menu_title == "Chỉ đạo, điều hành"
    assert english(section(agency, "quy-hoach-ke-hoach-du-an")).menu_title == "Plans & projects"
    contacts = ContactPage.objects.get(pk=waiting.pk)
    assert (contacts.title, contacts.menu_title, contacts.has_unpublished_changes) == ("Liên hệ", "Liên hệ", True)
    draft = contacts.get_latest_revision_as_object()
    assert (draft.title, draft.menu_title) == ("Liên hệ, góp ý (bản nháp)", "Liên hệ")

    nav = client.get("/en/", HTTP_HOST=agency.site.hostname).text.split('class="main-nav__list">')[1]
    assert ">Direction</a>" in nav and ">Q&amp;A</a>" in nav


def test_the_menu_label_is_in_the_promote_tab_with_a_help_text(client, agency, moderator):
    client.force_login(moderator)
    page = section(agency, "quy-hoach-ke-hoach-du-an")
    html = client.get(f"/admin/pages/{page.pk}/edit/").text
    assert 'name="menu_title"' in html and "ngắn để cả menu nằm trên một dòng" in html
