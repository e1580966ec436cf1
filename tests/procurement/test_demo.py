"""The demo's procurement content: on the three sites, in both languages, marked illustrative, every stage shown."""

from django.utils import timezone

from demo.procurement import seed_procurement
from home.onboarding import Onboarding
from procurement.models import NoticePage, ProjectPage

from .test_listing import LISTING, LISTING_EN, titles


def test_the_demo_shows_every_stage_marked_illustrative_in_both_languages(client, portal, agency, other_agency):
    agencies = {"": portal, "stttt": agency, "tunghia": other_agency}
    seed_procurement(agencies, Onboarding())
    again = Onboarding()
    seed_procurement(agencies, again)

    assert again.created == []  # idempotent
    now = timezone.now()
    stages = {notice.stage(now) for notice in NoticePage.objects.filter(listed=True)}
    assert {"dang-moi-thau", "sap-dong-thau", "da-dong-thau"} <= stages
    assert {notice.agency for notice in NoticePage.objects.filter(listed=True)} == {portal, agency, other_agency}
    assert ProjectPage.objects.filter(live=True).count() >= 3
    vietnamese = client.get(LISTING, HTTP_HOST=portal.site.hostname)
    english = client.get(LISTING_EN, HTTP_HOST=portal.site.hostname)
    assert "là thông tin minh họa" in vietnamese.text and "are illustrative" in english.text
    assert len(titles(vietnamese)) == NoticePage.objects.filter(listed=True).count()
    assert "Invitation to bid, package XL-01: roadbed and pavement Km0 – Km6 (illustrative)" in titles(english)
    assert "Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn" in vietnamese.text
