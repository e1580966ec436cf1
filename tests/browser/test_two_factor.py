"""In a real browser: enrol an authenticator at first sign-in, keep recovery codes, sign in with a code or one."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.signin.helpers import code_for

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, url, username):
    page.goto(url)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")


def sign_out(page):
    """Through the sidebar's account menu, as a user does."""
    page.locator(".sidebar-footer__account").click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def test_enrol_sign_out_sign_in_with_a_code_a_wrong_one_and_a_recovery_code(new_page, site_url, agency, editor):
    page = new_page(viewport={"width": 390, "height": 844})  # a phone
    admin = site_url(agency, "/admin/")
    sign_in(page, admin, editor.username)

    # Enrolment: a QR code drawn on the server, the secret in text, confirmed with a first code.
    expect(page).to_have_url(re.compile(r"/admin/xac-thuc/dang-ky/"))
    expect(page.locator(".qr-code svg title")).to_have_text(re.compile("Mã QR"))
    expect(page.locator(".qr-code svg")).to_be_visible()
    qr_code, card = page.locator(".qr-code svg").bounding_box(), page.locator("main").bounding_box()
    assert card["x"] <= qr_code["x"] and qr_code["x"] + qr_code["width"] <= card["x"] + card["width"], "it fits"
    assert qr_code["width"] == qr_code["height"] >= 150
    secret = page.locator("[data-secret]").get_attribute("data-secret")
    expect(page.locator("[data-secret]")).to_have_text(secret)
    page.fill("#id_code", f"{totp(b32decode(secret.replace(' ', ''))):06d}")
    page.click("#verify")

    # The recovery codes, once, with a way to print or copy them.
    expect(page.locator("li.recovery-code code")).to_have_count(10)
    codes = page.locator("li.recovery-code code").all_inner_texts()
    expect(page.get_by_role("button", name="In mã")).to_be_visible()
    page.get_by_role("link", name="Tiếp tục").click()
    expect(page).to_have_url(admin)
    page.set_viewport_size({"width": 1280, "height": 800})  # the sidebar's account menu is folded away on a phone
    sign_out(page)

    # Signing in again asks for a code.
    sign_in(page, admin, editor.username)
    expect(page).to_have_url(re.compile(r"/admin/xac-thuc/"))
    page.fill("#id_code", code_for(TOTPDevice.objects.get(user=editor)))
    page.click("#verify")
    expect(page).to_have_url(admin)
    sign_out(page)

    # A wrong code is refused; a recovery code is taken, once.
    sign_in(page, admin, editor.username)
    page.fill("#id_code", "000000")
    page.click("#verify")
    expect(page.get_by_role("alert").or_(page.locator(".error-message"))).to_contain_text("Mã xác thực không đúng")
    page.fill("#id_code", codes[0])
    page.click("#verify")
    expect(page.locator("body")).to_contain_text("còn 9 mã dự phòng")
    sign_out(page)

    sign_in(page, admin, editor.username)
    page.fill("#id_code", codes[0])
    page.click("#verify")
    expect(page.locator("body")).to_contain_text("Mã xác thực không đúng")
    expect(page).to_have_url(re.compile(r"/admin/xac-thuc/"))
