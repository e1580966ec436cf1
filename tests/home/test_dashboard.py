"""The admin's dashboard counts the pages of the user's own site(s), not of every site in the portal."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from .helpers import english

pytestmark = pytest.mark.django_db


def site_pages(agency) -> int:
    """The pages of an agency's site: its Vietnamese tree and its English tree."""
    root = agency.site.root_page
    return sum(Page.objects.descendant_of(tree, inclusive=True).count() for tree in (root, english(root)))


def pages_summary(client, user) -> tuple[int, str]:
    """The dashboard's page count for `user`, and the site it says the pages are in."""
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    found = re.search(
        r'<a href="/admin/pages/\d+/">\s*([\d.,]+) \w+ <span class="w-sr-only">[^<]*?(?:in|trong) ([^<]*)</span>',
        response.content.decode(),
    )
    assert found, "no page count on the dashboard"
    return int(re.sub(r"\D", "", found[1])), found[2]


def test_an_editor_sees_the_page_count_of_their_site(client, editor, agency, other_agency, portal):
    count, site_name = pages_summary(client, editor)
    assert Page.objects.count() - 1 > site_pages(agency)  # other sites' pages exist, and are not counted
    assert count == site_pages(agency)
    assert site_name == agency.name  # "created in <site>", for screen readers


def test_a_superuser_sees_every_page(client, make_user, agency, other_agency):
    count, _site_name = pages_summary(client, make_user("quantri", is_superuser=True))
    assert count == Page.objects.count() - 1  # every page but the tree's root
