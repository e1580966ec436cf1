"""A staff user's second factor: one authenticator app (django-otp's TOTP device) and single-use recovery codes
(its static device), and the checks of the codes they give."""

import math
from base64 import b32encode

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp.models import Device, VerifyNotAllowed
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Ứng dụng xác thực"
RECOVERY_NAME = "Mã dự phòng"


def authenticator(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they have enrolled one."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator being enrolled: the same secret on every visit until it is confirmed (the user may have
    scanned it already)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def readable_secret(device: TOTPDevice) -> str:
    """The device's secret in base32, as authenticator apps take it typed in, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT new ones and return them (to be shown once)."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(user=user, defaults={"name": RECOVERY_NAME})
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def device_for_code(user, code: str) -> Device | None:
    """The device a typed code is for: the authenticator for six digits, the recovery codes otherwise."""
    device = authenticator(user)
    if device is not None and code.isdigit() and len(code) == device.digits:
        return device
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def normalized_code(code: str) -> str:
    """A code as typed (spaces, dashes, capitals) in the form the devices store."""
    return "".join(code.split()).replace("-", "").lower()


def code_error(device: Device | None, code: str) -> str | None:
    """Check a code against a device; None if it is accepted, else why not, for the user.

    The device limits attempts (django-otp's throttling: after n failures in a row, wait 2^(n-1) seconds).
    """
    if device is None:
        return wrong_code_message()
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, details = device.verify_is_allowed()
        if not allowed:
            return throttled_message(details or {})
        if device.verify_token(code):
            return None
    return wrong_code_message()


def wrong_code_message() -> str:
    return _("Mã xác thực không đúng. Hãy nhập mã đang hiện trong ứng dụng xác thực, hoặc một mã dự phòng chưa dùng.")


def throttled_message(details: dict) -> str:
    if details.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS and details.get("locked_until"):
        seconds = max(1, math.ceil((details["locked_until"] - timezone.now()).total_seconds()))
        return ngettext(
            "Bạn đã nhập sai nhiều lần. Vui lòng thử lại sau %(seconds)s giây.",
            "Bạn đã nhập sai nhiều lần. Vui lòng thử lại sau %(seconds)s giây.",
            seconds,
        ) % {"seconds": seconds}
    return _("Bạn đã nhập sai nhiều lần. Vui lòng thử lại sau ít phút.")


def remove_devices(user) -> None:
    """Delete all of the user's second-factor devices and recovery codes: they enrol again at their next sign-in."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def may_reset(request_user, user) -> bool:
    """Whether request_user may reset user's second factor: a superuser, or whoever may change users, except
    for a superuser's (they could otherwise take over an account stronger than their own)."""
    if request_user.is_superuser:
        return True
    return request_user.has_perm("auth.change_user") and not user.is_superuser
