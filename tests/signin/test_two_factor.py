"""The second factor (TOTP) of every admin role: enrolment, verification, recovery codes, an administrator's reset."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from feedback.models import Unit
from signin.devices import wrong_code_message
from tests.signin.helpers import code_for, sign_in_with_password, totp_device

VERIFY = "/admin/xac-thuc/"
ENROL = "/admin/xac-thuc/dang-ky/"
RECOVERY = "/admin/xac-thuc/ma-du-phong/"
WRONG = "Mã xác thực không đúng"


@pytest.fixture
def user_manager(make_user):
    """An administrator who is not a superuser: may access the admin and change users."""
    group = Group.objects.create(name="Quản trị người dùng")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="auth", codename="change_user"),
    )
    return make_user("quantri_nguoidung", group)


@pytest.fixture
def role_user(request, agency, other_agency, make_user):
    """One user of each role that may enter the admin."""
    role = request.param
    if role == "editor":
        return make_user("bientap_stttt", agency.editors)
    if role == "moderator":
        return make_user("bbt_stttt", agency.moderators)
    if role == "unit":
        unit = Unit.objects.create(agency=agency, name="Phòng Công nghệ thông tin", email="cntt@quangngai.gov.vn")
        return make_user("canbo_cntt", unit.staff)
    if role == "officer":
        return make_user("motcua_tunghia", other_agency.officers)
    if role == "administrator":
        return request.getfixturevalue("user_manager")
    return make_user("quantri", is_superuser=True)


ROLES = ["editor", "moderator", "unit", "officer", "administrator", "superuser"]


def enrol(client, user):
    """Sign in with the password and enrol an authenticator the way a user does; returns the device and the page
    that shows the recovery codes."""
    sign_in_with_password(client, user)
    page = client.get(ENROL).content.decode()
    secret = re.search(r'data-secret="([A-Z2-7 ]+)"', page).group(1)
    device = TOTPDevice.objects.get(user=user)
    assert device.config_url.split("secret=")[1].startswith(secret.replace(" ", ""))
    response = client.post(ENROL, {"code": code_for(device)}, follow=True)
    return device, response


def wait_out_the_throttle(user):
    """Move the last failure 10 seconds into the past, as if the user had waited as asked."""
    TOTPDevice.objects.filter(user=user).update(throttling_failure_timestamp=timezone.now() - timedelta(seconds=10))


def recovery_codes(response) -> list[str]:
    return re.findall(r'<li class="recovery-code"><code>([a-z2-7]{8})</code></li>', response.content.decode())


@pytest.mark.parametrize("role_user", ROLES, indirect=True)
def test_every_admin_role_passes_the_second_factor_before_any_admin_page(client, role_user):
    assert sign_in_with_password(client, role_user).status_code == 302
    for path in ["/admin/", "/admin/pages/", "/admin/account/", "/admin/users/"]:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith(ENROL), path
    # What scripts call refuses instead of redirecting.
    assert client.get("/admin/api/main/pages/").status_code == 403
    assert client.get("/admin/jsi18n/").status_code == 200

    totp_device(role_user)  # an enrolled user is asked for a code instead
    assert client.get("/admin/pages/")["Location"].startswith(VERIFY)
    assert client.post(VERIFY, {"code": code_for(totp_device(role_user))}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_enrolment_shows_a_qr_code_and_the_secret_then_recovery_codes_once(client, editor):
    sign_in_with_password(client, editor)
    page = client.get(ENROL)
    html = page.content.decode()
    assert "<svg" in html and "<script>" not in html.replace("<script src", "")
    assert "Quét mã QR" in html
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert client.get(ENROL).content.decode().count(re.search(r'data-secret="([^"]+)"', html).group(1)) >= 1
    assert TOTPDevice.objects.filter(user=editor).count() == 1  # a reload keeps the secret already scanned

    refused = client.post(ENROL, {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert refused.status_code == 400 and WRONG in refused.content.decode()
    assert client.get("/admin/").status_code == 302
    wait_out_the_throttle(editor)

    device, shown = enrol(client, editor)
    codes = recovery_codes(shown)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert set(codes) == set(StaticDevice.objects.get(user=editor).token_set.values_list("token", flat=True))
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert client.get("/admin/").status_code == 200
    assert recovery_codes(client.get(RECOVERY)) == []  # shown once


def test_a_wrong_code_is_refused_in_the_admin_language_and_attempts_are_limited(client, editor):
    device = totp_device(editor)
    sign_in_with_password(client, editor)
    wrong = "123456" if code_for(device) != "123456" else "654321"
    refused = client.post(VERIFY, {"code": wrong})
    assert refused.status_code == 400 and WRONG in refused.content.decode()
    # Right after a failure even the right code waits (django-otp's throttling doubles the wait each time).
    throttled = client.post(VERIFY, {"code": code_for(device)})
    assert "thử lại sau" in throttled.content.decode()
    assert client.get("/admin/").status_code == 302

    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})
    wait_out_the_throttle(editor)
    english = client.post(VERIFY, {"code": wrong}).content.decode()
    with translation.override("en"):
        assert 'lang="en"' in english and escape(wrong_code_message()) in english


def test_a_recovery_code_works_once(client, editor):
    _device, shown = enrol(client, editor)
    code = recovery_codes(shown)[0]
    client.post(reverse("wagtailadmin_logout"))

    sign_in_with_password(client, editor)
    response = client.post(VERIFY, {"code": code.upper()[:4] + " " + code.upper()[4:]})
    assert response.status_code == 302 and client.get("/admin/").status_code == 200
    assert StaticDevice.objects.get(user=editor).token_set.count() == 9
    client.post(reverse("wagtailadmin_logout"))

    sign_in_with_password(client, editor)
    assert WRONG in client.post(VERIFY, {"code": code}).content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_user_regenerates_recovery_codes_from_the_account_page(client, editor):
    _device, shown = enrol(client, editor)
    old = recovery_codes(shown)
    assert RECOVERY in client.get("/admin/account/").content.decode()

    fresh = recovery_codes(client.post(RECOVERY, follow=True))
    assert len(fresh) == 10 and not set(fresh) & set(old)
    client.post(reverse("wagtailadmin_logout"))
    sign_in_with_password(client, editor)
    assert WRONG in client.post(VERIFY, {"code": old[1]}).content.decode()


@pytest.mark.parametrize("admin", ["superuser", "user_manager"])
def test_an_administrator_resets_a_lost_device_and_it_is_logged(client, make_user, editor, admin, request):
    administrator = make_user("quantri", is_superuser=True) if admin == "superuser" else request.getfixturevalue(admin)
    enrol(client, editor)
    client.post(reverse("wagtailadmin_logout"))
    reset = f"/admin/xac-thuc/dat-lai/{editor.pk}/"

    client.force_login(administrator)
    assert reset in client.get(f"/admin/users/?q={editor.username}").content.decode()
    assert editor.username in client.get(reset).content.decode()
    assert client.post(reset).status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    entry = ModelLogEntry.objects.get(action="signin.reset_devices", object_id=str(editor.pk))
    assert entry.user == administrator
    client.post(reverse("wagtailadmin_logout"))

    sign_in_with_password(client, editor)  # enrols again
    assert client.get("/admin/")["Location"].startswith(ENROL)


def test_others_cannot_reset_a_device(client, make_user, editor, moderator, user_manager):
    device = totp_device(editor)
    for user in [moderator, editor]:
        client.force_login(user)
        assert client.post(f"/admin/xac-thuc/dat-lai/{editor.pk}/").status_code == 403
    # An administrator who is not a superuser cannot reset a superuser's second factor.
    boss = make_user("quantri", is_superuser=True)
    totp_device(boss)
    client.force_login(user_manager)
    assert client.post(f"/admin/xac-thuc/dat-lai/{boss.pk}/").status_code == 403
    assert TOTPDevice.objects.filter(pk=device.pk).exists() and TOTPDevice.objects.filter(user=boss).exists()
