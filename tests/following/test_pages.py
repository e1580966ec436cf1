"""The page for following exists on every site in both languages, as onboarding makes it (a fresh install needs no
data for it: its topics are code), is linked from every page's footer, and lists agencies in few queries."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from following.models import FollowPage
from home.onboarding import create_agency_site
from tests.following.helpers import FOLLOW, host

pytestmark = pytest.mark.django_db


def test_every_site_has_the_page_in_both_languages_linked_from_the_footer(client, portal, agency, other_agency):
    for site in (portal, agency, other_agency):
        assert FollowPage.objects.live().descendant_of(site.site.root_page).count() == 1
        home = client.get("/", **host(site)).text
        assert 'href="/theo-doi/">Nhận tin qua thư điện tử</a>' in home
        english = client.get("/en/", **host(site)).text
        assert 'href="/en/follow/">Follow by e-mail</a>' in english
        assert client.get("/en/follow/", **host(site)).status_code == 200


def test_onboarding_an_existing_site_again_adds_the_page_once(agency):
    both_languages = FollowPage.objects.child_of(agency.site.root_page).values("translation_key")
    FollowPage.objects.filter(translation_key__in=both_languages).delete()
    assert not FollowPage.objects.child_of(agency.site.root_page).exists()

    call_command("create_agency_site", "--all", verbosity=0)
    create_agency_site(agency.name, agency.kind)

    page = FollowPage.objects.child_of(agency.site.root_page).get()
    assert FollowPage.objects.filter(translation_key=page.translation_key, locale__language_code="en").count() == 1


def form_queries(client, agency) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(FOLLOW, **host(agency)).status_code == 200
    return len(queries)


def test_the_forms_queries_do_not_grow_with_the_number_of_agencies(client, portal, agency, other_agency):
    form_queries(client, agency)
    few = form_queries(client, agency)
    create_agency_site("Sở Nội vụ", "agency", name_en="Department of Home Affairs")
    create_agency_site("Phường Cẩm Thành", "local", name_en="Cam Thanh Ward")
    form_queries(client, agency)
    assert form_queries(client, agency) == few
