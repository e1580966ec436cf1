"""The demo's plans, statistics, science programmes, commendations and sanctions: on the three sites in both
languages, real plans with their numbers, illustrative items marked so, files generated; seeding twice adds nothing."""

import pytest
from wagtail.models import Locale

from demo.publications import PUBLICATIONS, publication_count, seed_publications
from home.onboarding import Onboarding
from publications.models import CommendationPage, GuidancePage, PlanPage, StatisticsReportPage

pytestmark = pytest.mark.django_db


def test_seeding_publications_twice_fills_every_site_in_both_languages_once(client, portal, agency, other_agency):
    agencies = {site.code: site for site in (portal, agency, other_agency)}
    seed_publications(agencies, Onboarding())
    count = publication_count()
    second = Onboarding()

    seed_publications(agencies, second)

    assert count == publication_count() == 2 * len(PUBLICATIONS) and not second.created
    english = Locale.objects.get(language_code="en")
    for site in agencies.values():
        for model in (PlanPage, StatisticsReportPage, CommendationPage):
            pages = model.objects.descendant_of(site.site.root_page)
            assert pages.live().exists(), (site.code, model)
            assert model.objects.filter(locale=english, translation_key__in=pages.values("translation_key")).exists()
    plan = PlanPage.objects.get(decision_number="47/NQ-HĐND", locale__language_code="vi")
    assert (plan.period, plan.issuing_body, plan.trigger_date.isoformat()) == (
        "2026–2030",
        "HĐND tỉnh Quảng Ngãi",
        "2025-12-10",
    )
    for page in GuidancePage.objects.all():
        assert "minh họa" in page.title.lower() or "illustrative" in page.title.lower()
    for page in StatisticsReportPage.objects.all():
        assert "minh họa" in page.title.lower() or "illustrative" in page.title.lower()
        assert page.files.count() == 1


def test_a_demo_plan_shows_its_generated_file_marked_as_not_the_text(client, portal):
    seed_publications({"": portal}, Onboarding())

    html = client.get(
        "/quy-hoach-ke-hoach-du-an/chien-luoc-quy-hoach-ke-hoach/ke-hoach-chuyen-doi-so-tinh-quang-ngai-nam-2026/",
        HTTP_HOST=portal.site.hostname,
    ).text

    assert "Kế hoạch 121/KH-UBND (tệp minh họa, không phải toàn văn)" in html and "(PDF, " in html
    english = client.get(
        "/en/plans-and-projects/strategies-and-plans/digital-transformation-plan-2026/", HTTP_HOST=portal.site.hostname
    )
    assert english.status_code == 200 and "Plan 121/KH-UBND of 31/12/2025" in english.text
