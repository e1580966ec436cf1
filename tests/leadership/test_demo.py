"""The demo's leaders and schedule: the portal's real leaders with their portfolios, illustrative portraits and
entries marked so, an entry marked "điều chỉnh", both languages; a second seeding creates nothing."""

import pytest

from demo.leadership import seed_leadership
from home.onboarding import Onboarding
from leadership.models import LeaderPage, ScheduleEntry, WeekSchedulePage
from leadership.weeks import this_monday

from .helpers import leaders_section, schedule_section

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_leaders_and_weeks_in_both_languages_once(client, portal, agency, other_agency):
    agencies = {site.code: site for site in (portal, agency, other_agency)}
    first = Onboarding()
    seed_leadership(agencies, first)
    counts = (LeaderPage.objects.count(), WeekSchedulePage.objects.count(), ScheduleEntry.objects.count())

    second = Onboarding()
    seed_leadership(agencies, second)

    assert counts == (LeaderPage.objects.count(), WeekSchedulePage.objects.count(), ScheduleEntry.objects.count())
    assert first.created and not second.created
    assert counts[0] == 2 * (6 + 2 + 2) and counts[1] == 2 * (3 + 1 + 1)
    host = portal.site.hostname
    leaders = client.get(leaders_section(portal).relative_url(portal.site), HTTP_HOST=host).text
    assert leaders.index("Nguyễn Hoàng Giang") < leaders.index("Y Ngọc") < leaders.index("Đỗ Tâm Hiển")
    assert "Ảnh minh họa" in leaders and "thông tin đến tháng 01/2026" in leaders
    chair = LeaderPage.objects.get(title="Nguyễn Hoàng Giang")
    chair_page = client.get(chair.relative_url(portal.site), HTTP_HOST=host).text
    assert "Chuyển đổi số" in chair_page and "Cải cách hành chính" in chair_page
    schedule = client.get(schedule_section(portal).relative_url(portal.site), HTTP_HOST=host).text
    assert "các mục lịch là minh họa" in schedule and "Lịch minh họa cho bản trình diễn" in schedule
    assert '<span class="badge">Điều chỉnh</span>' in schedule and "Xã Đăk Môn (chuyển sang buổi chiều)" in schedule
    english = client.get(schedule_section(portal, "en").relative_url(portal.site), HTTP_HOST=host).text
    assert "Dak Mon commune (moved to the afternoon)" in english and "illustrative" in english
    assert "Nguyen Hoang Giang" in english
    assert ScheduleEntry.objects.filter(page__week_start=this_monday(), changed_at__isnull=False).count() == 2 * 3
