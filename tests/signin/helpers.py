"""A second factor for test users: a confirmed authenticator, the codes it accepts, signing in through the forms."""

import time

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD


def totp_device(user) -> TOTPDevice:
    """The user's confirmed authenticator, as after enrolment (made now if the user has none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Ứng dụng xác thực", confirmed=True)


def code_for(device: TOTPDevice) -> str:
    """A code the device accepts now, as an authenticator app shows it.

    A device takes each time step's code once: if this step's was used (two sign-ins within 30 seconds), the next
    step's, which the device's tolerance of one step accepts.
    """
    device.refresh_from_db()
    step_now = int((time.time() - device.t0) // device.step) + device.drift
    ahead = 1 if device.last_t >= step_now else 0
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + ahead):0{device.digits}d}"


def sign_in_with_password(client, user):
    """The first step of signing in, through Wagtail's form at /admin/login/; returns its response."""
    return client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
