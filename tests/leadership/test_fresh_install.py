"""A site onboarded by `create_agency_site` (as after `migrate` on a fresh install, no demo) has the "Lãnh đạo" and
"Lịch công tác" sections in both languages, working while empty; `create_agency_site --all` gives them to a site
made before they existed."""

import icalendar
import pytest
from django.core.management import call_command

from leadership.models import LeaderIndexPage, ScheduleIndexPage

from .helpers import leaders_section, schedule_section

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["vi", "en"])
def test_onboarded_sites_have_both_sections_empty_but_working(client, portal, agency, other_agency, language):
    for site in (portal, agency, other_agency):
        leaders, schedule = leaders_section(site, language), schedule_section(site, language)
        assert leaders.live and schedule.live
        host = site.site.hostname
        assert client.get(leaders.relative_url(site.site), HTTP_HOST=host).status_code == 200
        page = client.get(schedule.relative_url(site.site), HTTP_HOST=host)
        assert page.status_code == 200 and 'class="empty-state"' in page.text
        feed = client.get(schedule.relative_url(site.site) + "ics/", HTTP_HOST=host)
        assert icalendar.Calendar.from_ical(feed.content).walk("VEVENT") == []
    english = schedule_section(agency, "en")
    assert (english.slug, leaders_section(agency, "en").slug) == ("work-schedule", "leaders")


def test_all_gives_an_existing_site_the_sections_it_lacks(agency):
    for language in ("en", "vi"):
        leaders_section(agency, language).delete()
        schedule_section(agency, language).delete()
    assert not LeaderIndexPage.objects.descendant_of(agency.site.root_page).exists()

    call_command("create_agency_site", "--all", verbosity=0)

    assert leaders_section(agency).get_parent().slug == "gioi-thieu"
    assert ScheduleIndexPage.objects.descendant_of(agency.site.root_page).get().get_parent().slug == "chi-dao-dieu-hanh"
    assert schedule_section(agency, "en").get_parent().slug == "direction-and-administration"
