"""Every site has the section, in both languages, under "Quy hoạch, kế hoạch, dự án", with its slugs."""

import pytest

from .conftest import procurement_section


@pytest.mark.parametrize("code", ["portal", "stttt", "tunghia"])
def test_every_site_has_the_section_in_both_languages(request, code):
    agency = request.getfixturevalue({"portal": "portal", "stttt": "agency", "tunghia": "other_agency"}[code])

    vietnamese = procurement_section(agency)
    english = procurement_section(agency, "en")

    assert (vietnamese.slug, vietnamese.title) == ("du-an-dau-thau", "Dự án, đấu thầu, mua sắm công")
    assert (english.slug, english.title) == ("projects-and-procurement", "Projects and procurement")
    assert vietnamese.url_path.endswith("/quy-hoach-ke-hoach-du-an/du-an-dau-thau/")
    assert english.url_path.endswith("/plans-and-projects/projects-and-procurement/")
    assert vietnamese.live and english.live


def test_the_section_answers_in_both_languages(client, agency):
    host = agency.site.hostname
    vietnamese = client.get("/quy-hoach-ke-hoach-du-an/du-an-dau-thau/", HTTP_HOST=host)
    english = client.get("/en/plans-and-projects/projects-and-procurement/", HTTP_HOST=host)

    assert vietnamese.status_code == english.status_code == 200
    assert "Dự án, đấu thầu, mua sắm công" in vietnamese.text
    assert "Projects and procurement" in english.text


def test_the_section_is_allowed_only_under_a_general_section():
    from home.models import IndexPage

    assert "procurement.ProcurementIndexPage" in IndexPage.subpage_types
