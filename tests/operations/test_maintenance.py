"""Planned downtime (Decree 224/2026, issue 14 §4): announced at least 7 working days ahead, shown on every site in
both languages from its announcement, and served as a 503 maintenance page during the window while the admin and the
health checks stay reachable."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from operations.maintenance import earliest_start
from operations.models import MaintenanceWindow
from vietnam.workdays import add_working_days

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("quantri", is_superuser=True))
    return client


def window(starts_at, hours=4, **fields) -> MaintenanceWindow:
    """A window saved as announced `announced_at` (default: now), without the 7-day check (tests place it freely)."""
    return MaintenanceWindow.objects.create(
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        reason=fields.pop("reason", "Nâng cấp máy chủ cơ sở dữ liệu"),
        reason_en=fields.pop("reason_en", "Database server upgrade"),
        **fields,
    )


def test_the_earliest_start_is_seven_working_days_after_the_announcement_across_tet():
    # Announced Tuesday 10/02/2026: 11, 12, 13 (3), Tết 16–20/02 and two weekends skipped, 23, 24, 25, 26 (7).
    assert earliest_start(datetime(2026, 2, 10, 9, 0, tzinfo=VN)) == date(2026, 2, 26)
    # An ordinary week: Monday 07/12/2026 -> Wednesday 16/12/2026.
    assert earliest_start(datetime(2026, 12, 7, 23, 30, tzinfo=VN)) == date(2026, 12, 16)


def test_a_window_too_soon_is_refused_naming_the_earliest_date_and_across_tet():
    announced = datetime(2026, 2, 10, 9, 0, tzinfo=VN)
    too_soon = MaintenanceWindow(
        starts_at=datetime(2026, 2, 25, 22, 0, tzinfo=VN),
        ends_at=datetime(2026, 2, 26, 2, 0, tzinfo=VN),
        reason="Bảo trì",
        announced_at=announced,
    )
    with pytest.raises(ValidationError) as error:
        too_soon.full_clean()
    assert "26/02/2026" in str(error.value.message_dict["starts_at"])

    in_time = MaintenanceWindow(
        starts_at=datetime(2026, 2, 26, 0, 0, tzinfo=VN),
        ends_at=datetime(2026, 2, 26, 2, 0, tzinfo=VN),
        reason="Bảo trì",
        announced_at=announced,
    )
    in_time.full_clean()


def test_the_end_must_follow_the_start():
    start = timezone.make_aware(datetime.combine(add_working_days(timezone.now(), 10), datetime.min.time()))
    backwards = MaintenanceWindow(starts_at=start, ends_at=start, reason="Bảo trì")
    with pytest.raises(ValidationError) as error:
        backwards.full_clean()
    assert "ends_at" in error.value.message_dict


def test_an_administrator_announces_a_window_in_the_admin(admin_client, make_user):
    earliest = earliest_start(timezone.now())
    day_before = earliest - timedelta(days=1)
    form = {"starts_at": f"{day_before:%Y-%m-%d} 22:00", "ends_at": f"{earliest:%Y-%m-%d} 02:00", "reason": "Bảo trì"}
    response = admin_client.post(reverse("maintenance_windows:add"), form)
    assert response.status_code == 200
    assert f"{earliest:%d/%m/%Y}" in response.content.decode()
    assert not MaintenanceWindow.objects.exists()

    form |= {"starts_at": f"{earliest:%Y-%m-%d} 22:00", "ends_at": f"{earliest + timedelta(days=1):%Y-%m-%d} 02:00"}
    response = admin_client.post(reverse("maintenance_windows:add"), form)
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = MaintenanceWindow.objects.get()
    assert saved.announced_by.username == "quantri"
    assert timezone.localtime(saved.starts_at, VN).hour == 22


def test_only_administrators_manage_windows(client, portal, make_user):
    client.force_login(make_user("bbt_tinh", portal.moderators))
    assert client.get(reverse("maintenance_windows:index")).status_code in (302, 403)
    assert client.get(reverse("maintenance_windows:add")).status_code in (302, 403)


def test_an_announced_window_is_shown_on_every_site_in_both_languages(client, portal, agency, other_agency):
    starts = timezone.make_aware(datetime.combine(earliest_start(timezone.now()), datetime.min.time())) + timedelta(
        hours=22
    )
    window(starts)
    when = timezone.localtime(starts, VN).strftime("%d/%m/%Y %H:%M")
    for owner in (portal, agency, other_agency):
        host = owner.site.hostname
        vietnamese = client.get("/", HTTP_HOST=host).content.decode()
        assert 'class="maintenance-notice"' in vietnamese
        assert when in vietnamese and "Nâng cấp máy chủ cơ sở dữ liệu" in vietnamese
        english = client.get("/en/", HTTP_HOST=host).content.decode()
        assert when in english and "Database server upgrade" in english


def test_no_notice_once_the_window_is_over(client, portal):
    window(timezone.now() - timedelta(days=1))
    assert "maintenance-notice" not in client.get("/", HTTP_HOST=portal.site.hostname).content.decode()


def test_the_notice_costs_at_most_one_query_and_none_once_cached(client, portal, django_assert_num_queries):
    window(timezone.now() + timedelta(days=20))
    from operations.maintenance import scheduled_windows

    with django_assert_num_queries(1):
        scheduled_windows()
    with django_assert_num_queries(0):
        assert len(scheduled_windows()) == 1


def test_during_the_window_the_public_gets_503_and_staff_the_admin(client, portal, agency, make_user):
    window(timezone.now() - timedelta(hours=1), hours=3)
    for path in ("/", "/en/", "/tin-tuc/"):
        response = client.get(path, HTTP_HOST=agency.site.hostname)
        assert response.status_code == 503
        assert 0 < int(response["Retry-After"]) <= 2 * 3600
        body = response.content.decode()
        assert "Nâng cấp máy chủ cơ sở dữ liệu" in body and "Database server upgrade" in body
    assert client.get("/healthz", HTTP_HOST=portal.site.hostname).status_code == 200
    assert client.get("/readyz", HTTP_HOST=portal.site.hostname).status_code == 200
    assert client.get("/admin/login/", HTTP_HOST=portal.site.hostname).status_code == 200
    client.force_login(make_user("quantri", is_superuser=True))
    assert client.get("/admin/", HTTP_HOST=portal.site.hostname).status_code == 200


def test_the_maintenance_page_is_written_for_the_front_tier(tmp_path, portal):
    window(timezone.now() + timedelta(days=20))
    call_command("render_maintenance_page", str(tmp_path), verbosity=0)
    html = (tmp_path / "maintenance.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in html and 'lang="en"' in html
    assert "Database server upgrade" in html
    assert "<script" not in html and "{%" not in html  # served by nginx, when the application is down
