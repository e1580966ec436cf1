"""Sign-in lockout (django-axes, signin/): an account after 5 failures, a client address after 20, for 30 minutes,
on Wagtail's own login page and without telling whether the account exists; administrators lift lockouts."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.conftest import PASSWORD, StaffClient

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
LOCKOUTS = "/admin/khoa-dang-nhap/"
SECOND_STEP = "/admin/xac-thuc/"
LOCKED = "Đăng nhập tạm thời bị khóa vì nhập sai quá nhiều lần."
WRONG = "mat-khau-sai"


def sign_in(client, username, password=PASSWORD, **headers):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, **headers)


def fail(client, username, times, **headers) -> list[int]:
    return [sign_in(client, username, WRONG, **headers).status_code for _ in range(times)]


def signed_in(client) -> bool:
    """Past the password: the admin opens, or asks for the second step rather than the login page."""
    response = client.get("/admin/")
    return response.status_code == 200 or (response.status_code == 302 and response.url.startswith(SECOND_STEP))


def page_text(response) -> str:
    """The login page without what differs from one response to the next (the CSRF token, the typed name)."""
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"|"CSRF_TOKEN": "[^"]*"', "", response.text)
    return re.sub(r'name="username" value="[^"]*"', "", text)


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, editor):
    statuses = fail(client, editor.username, 4)
    fifth = sign_in(client, editor.username, WRONG)
    right = sign_in(client, editor.username)

    assert statuses == [200] * 4
    for response in (fifth, right):
        assert response.status_code == 429
        assert LOCKED in response.text and "30 phút" in response.text
        # Wagtail's own page, its fields still there to try again later.
        assert 'name="username"' in response.text and 'name="password"' in response.text
    assert not signed_in(client)
    assert sign_in(Client(REMOTE_ADDR="198.51.100.9"), editor.username).status_code == 429  # from anywhere


def test_a_lockout_reads_the_same_whether_or_not_the_account_exists(client, editor):
    fail(client, editor.username, 5)
    fail(client, "khong.ton.tai", 5)

    real = sign_in(client, editor.username, WRONG)
    made_up = sign_in(client, "khong.ton.tai", WRONG)

    assert real.status_code == made_up.status_code == 429
    assert page_text(real) == page_text(made_up)


def test_the_lockout_ends_after_the_cool_off(client, editor):
    from axes.models import AccessAttempt

    fail(client, editor.username, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))

    assert sign_in(client, editor.username).status_code == 302
    assert signed_in(client)


def test_twenty_failures_from_one_address_lock_that_address_only(client, agency, make_user):
    colleague = make_user("bientap2_stttt", agency.editors)
    for number in range(4):  # four names, five failures each: no account reaches its own limit
        fail(client, f"doan.ten.{number}", 5)

    assert sign_in(client, colleague.username).status_code == 429
    assert not signed_in(client)
    elsewhere = Client(REMOTE_ADDR="198.51.100.9")
    assert sign_in(elsewhere, colleague.username).status_code == 302


def test_varied_forwarded_for_does_not_escape_the_address_lockout(client, agency, make_user):
    colleague = make_user("bientap2_stttt", agency.editors)
    for number in range(20):
        fail(client, f"doan.ten.{number}", 1, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")

    assert sign_in(client, colleague.username, HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_a_successful_sign_in_is_not_locked_and_force_login_works(client, editor):
    fail(client, editor.username, 4)
    assert sign_in(client, editor.username).status_code == 302

    other = StaffClient()
    other.force_login(editor)
    assert signed_in(other)


# Lifting a lockout -----------------------------------------------------------------------------------------------


@pytest.fixture
def user_manager(make_user):
    """A member of a group that may change users, without being a superuser."""
    group = Group.objects.create(name="Quản lý tài khoản")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="change_user")
    )
    return make_user("quanly_taikhoan", group)


def test_an_administrator_lists_the_lockouts_and_lifts_one_logged_in_the_audit_log(client, editor, user_manager):
    attacker = Client(REMOTE_ADDR="203.0.113.5")
    fail(attacker, editor.username, 5)
    for number in range(4):
        fail(attacker, f"doan.ten.{number}", 5)
    admin = StaffClient()
    admin.force_login(user_manager)

    listing = admin.get(LOCKOUTS)
    assert listing.status_code == 200
    assert editor.username in listing.text and "203.0.113.5" in listing.text
    assert "doan.ten.0" in listing.text  # a made-up name is listed like any other: nothing tells them apart

    unlocked = admin.post(f"{LOCKOUTS}mo-khoa/", {"kind": "username", "value": editor.username}, follow=True)
    assert unlocked.status_code == 200 and f"Đã mở khóa đăng nhập của {editor.username}" in unlocked.text
    assert editor.username not in admin.get(LOCKOUTS).text
    assert sign_in(Client(REMOTE_ADDR="198.51.100.9"), editor.username).status_code == 302
    assert sign_in(attacker, editor.username).status_code == 429  # the address stays locked

    admin.post(f"{LOCKOUTS}mo-khoa/", {"kind": "ip_address", "value": "203.0.113.5"})
    assert sign_in(attacker, editor.username).status_code == 302

    entries = ModelLogEntry.objects.filter(action="signin.unlock").order_by("timestamp")
    assert [(entry.user, entry.label) for entry in entries] == [
        (user_manager, editor.username),
        (user_manager, "203.0.113.5"),
    ]


def test_unlocks_appear_in_the_site_history(client, editor, make_user):
    fail(Client(), editor.username, 5)
    client.force_login(make_user("quantri", is_superuser=True))
    client.post(f"{LOCKOUTS}mo-khoa/", {"kind": "username", "value": editor.username})

    history = client.get("/admin/reports/site-history/")
    assert "Mở khóa đăng nhập" in history.text and editor.username in history.text


def test_the_settings_menu_offers_lockouts_to_those_who_may_lift_them(client, editor, user_manager, make_user):
    client.force_login(user_manager)
    assert LOCKOUTS in client.get("/admin/").text

    client.force_login(editor)
    assert LOCKOUTS not in client.get("/admin/").text


def test_others_are_refused(client, editor, moderator):
    fail(Client(), editor.username, 5)
    for user in (editor, moderator):
        client.force_login(user)
        assert client.get(LOCKOUTS).status_code == 403
        assert client.post(f"{LOCKOUTS}mo-khoa/", {"kind": "username", "value": editor.username}).status_code == 403
    assert sign_in(Client(REMOTE_ADDR="198.51.100.9"), editor.username).status_code == 429


def test_a_superuser_lifts_a_lockout_too(client, editor, make_user):
    fail(Client(), editor.username, 5)
    client.force_login(make_user("quantri", is_superuser=True))

    assert client.post(f"{LOCKOUTS}mo-khoa/", {"kind": "username", "value": editor.username}).status_code == 302
    assert sign_in(Client(), editor.username).status_code == 302
