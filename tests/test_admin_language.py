"""The admin speaks Vietnamese to staff who chose no language, English to those who chose English.

Wagtail's own Vietnamese covers a few hundred of its strings; the rest are in locale_admin/. These tests read the
screens staff use most as a person would (visible text, and the labels screen readers announce) and look for the
English words that the issue found in the admin ("Images", "Reports", "Request changes", …).
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.home.helpers import section
from tests.home.test_moderation import submit_new_page

pytestmark = pytest.mark.django_db

# Words of Wagtail's menus, dashboard, explorer, editor and action menus. Not "Actions": Wagtail writes that label
# into its header template untranslated (wagtailadmin/shared/headers/_actions.html).
ENGLISH = re.compile(
    r"\b(Pages?|Images?|Documents?|Reports|Settings|Snippets|Users|Groups|Workflows?|Dashboard|Search|Help|Edit|"
    r"Delete|Save|Publish|Submit|Approve|Request changes|Draft|Live|Status|History|Preview|Cancel|Sort|Add|More|"
    r"Account|Log out|Comments?|Title|Updated|Locked|Close|Toggle|Choose|Upload|Privacy|Translate|Sync)\b"
)
READ_ALOUD = {"aria-label", "title", "placeholder", "alt", "data-w-tooltip-content-value"}


class ReadableText(HTMLParser):
    """The text of an HTML page a person sees or hears: its text nodes (not scripts, styles or templates), and
    the labels and tooltips of its elements."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.hidden += 1
        self.parts += [value for name, value in attrs if name in READ_ALOUD and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.parts.append(data.strip())


def readable_text(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = ReadableText()
    parser.feed(response.text)
    return parser.parts


@pytest.fixture
def page_in_moderation(client, agency, editor):
    return submit_new_page(client, editor, section(agency, "gioi-thieu"), title="Hội nghị", slug="hoi-nghi")


def key_screens(agency, page) -> dict[str, str]:
    """The dashboard, the explorer, and the editor of a page awaiting the user's review (its workflow actions)."""
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore", args=(section(agency, "gioi-thieu").pk,)),
        "editor": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
    }


def test_staff_without_a_language_get_vietnamese(client, agency, moderator, page_in_moderation):
    client.force_login(moderator)
    for screen, url in key_screens(agency, page_in_moderation).items():
        text = readable_text(client, url)
        english = sorted({match for part in text for match in ENGLISH.findall(part)})
        assert not english, f"English on the {screen}: {english}"
    editor = " | ".join(readable_text(client, key_screens(agency, page_in_moderation)["editor"]))
    for action in ("Phê duyệt", "Yêu cầu sửa", "Lưu bản nháp"):
        assert action in editor


def test_staff_who_chose_english_get_english(client, agency, moderator, page_in_moderation):
    UserProfile.objects.update_or_create(user=moderator, defaults={"preferred_language": "en"})
    client.force_login(moderator)
    screens = {
        screen: " | ".join(readable_text(client, url))
        for screen, url in key_screens(agency, page_in_moderation).items()
    }
    assert "Pages" in screens["dashboard"] and "Images" in screens["dashboard"]
    assert "Add child page" in screens["explorer"]
    for action in ("Approve", "Request changes", "Save draft"):
        assert action in screens["editor"]


def test_the_admins_scripts_speak_vietnamese(client, moderator):
    client.force_login(moderator)
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).text
    assert json.dumps("Đang tự động lưu…") in catalogue  # "Autosave in progress…", untranslated by Wagtail


def test_no_avatar_is_fetched_from_gravatar(client, moderator):
    client.force_login(moderator)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account")):
        assert "gravatar" not in client.get(url).text.lower()
