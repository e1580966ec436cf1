"""Staff sessions end after 30 minutes idle and 12 hours from sign-in; visitors' sessions last hours, not weeks."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from signin.sessions import LAST_SEEN_KEY, SIGNED_IN_KEY

LOGIN = "/admin/login/"


def age(client, key: str, **delta) -> None:
    """Move one of the session's timestamps into the past, as if that much time had passed."""
    session = client.session
    session[key] = (timezone.now() - timedelta(**delta)).timestamp()
    session.save()


def test_a_staff_session_ends_after_30_minutes_idle(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    age(client, LAST_SEEN_KEY, minutes=29)
    assert client.get("/admin/").status_code == 200  # and that request counts as activity
    age(client, LAST_SEEN_KEY, minutes=31)

    response = client.get("/admin/pages/", follow=True)
    assert response.redirect_chain[0][0].startswith(f"{LOGIN}?next=/admin/pages/")
    assert "30 phút" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith(LOGIN)


def test_a_staff_session_ends_12_hours_after_sign_in_however_active(client, editor):
    client.force_login(editor)
    age(client, SIGNED_IN_KEY, hours=11, minutes=59)
    assert client.get("/admin/").status_code == 200
    age(client, SIGNED_IN_KEY, hours=12, minutes=1)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[0][0].startswith(LOGIN)
    assert "12 giờ" in response.content.decode()


def test_the_limits_come_from_settings(client, editor, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 5
    client.force_login(editor)
    age(client, LAST_SEEN_KEY, minutes=6)
    assert client.get("/admin/")["Location"].startswith(LOGIN)


@pytest.mark.parametrize("name, default", [("STAFF_SESSION_IDLE_MINUTES", 30), ("STAFF_SESSION_MAX_HOURS", 12)])
def test_the_defaults(name, default):
    assert getattr(settings, name) == default


def test_a_visitors_session_lasts_the_longest_public_use_not_two_weeks():
    from services.tracking import SESSION_SECONDS

    assert settings.SESSION_COOKIE_AGE == SESSION_SECONDS == 2 * 3600


def test_the_page_editors_background_pings_are_not_activity(client, editor):
    client.force_login(editor)
    age(client, LAST_SEEN_KEY, minutes=20)
    ping = "/admin/editing-sessions/ping/wagtailcore/page/1/0/"
    client.post(ping)
    age_after = timezone.now().timestamp() - client.session[LAST_SEEN_KEY]
    assert age_after > 19 * 60
