"""Following by e-mail in a real browser at phone size: the form with its errors, the confirmation button and the
management page, WCAG 2.1 AA clean, in both languages."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import expect

from following.models import Subscription
from tests.browser.test_public_site import PHONE, WCAG_21_AA

pytestmark = pytest.mark.django_db(transaction=True)


def assert_accessible(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_subscribing_confirming_and_managing_on_a_phone(new_page, site_url, portal, agency):
    page = new_page(**PHONE)
    page.goto(site_url(agency, "/theo-doi/"))
    expect(page.get_by_role("checkbox", name="Sở Thông tin và Truyền thông")).to_be_checked()
    assert_accessible(page)

    page.get_by_role("checkbox", name="Sở Thông tin và Truyền thông").uncheck()
    page.get_by_role("button", name="Đăng ký nhận tin").click()
    expect(page.locator(".error-summary")).to_contain_text("Hãy nhập địa chỉ thư điện tử.")
    expect(page.locator(".error-summary")).to_contain_text("Hãy chọn ít nhất một cơ quan, đơn vị.")
    assert_accessible(page)

    page.get_by_label("Thư điện tử").fill("ban.doc@example.vn")
    page.get_by_role("checkbox", name="Ủy ban nhân dân tỉnh Quảng Ngãi").check()
    page.get_by_role("checkbox", name="Tin tức, sự kiện").check()
    page.get_by_role("button", name="Đăng ký nhận tin").click()
    expect(page.locator("h1")).to_have_text("Hãy xác nhận địa chỉ thư điện tử")

    confirm_path = re.search(r"https?://[^/\s]+(/\S*/xac-nhan/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(site_url(agency, confirm_path))
    assert_accessible(page)
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.locator("h1")).to_have_text("Đã xác nhận")
    manage_url = page.get_by_role("link", name="Quản lý đăng ký nhận tin").get_attribute("href")
    page.goto(site_url(agency, "/" + manage_url.split("/", 3)[3]))  # the link names the site's port 80

    expect(page.get_by_role("checkbox", name="Ủy ban nhân dân tỉnh Quảng Ngãi")).to_be_checked()
    assert_accessible(page)
    page.get_by_role("radio", name="Hằng tuần").check()
    page.get_by_role("button", name="Lưu lựa chọn").click()
    expect(page.get_by_role("status")).to_have_text("Đã lưu các lựa chọn mới.")
    assert Subscription.objects.get().frequency == "hang-tuan"

    page.get_by_role("button", name="Xóa đăng ký và địa chỉ").click()
    expect(page.locator("h1")).to_have_text("Đã xóa đăng ký")
    assert not Subscription.objects.exists()


def test_the_english_form_on_a_phone(new_page, site_url, agency):
    page = new_page(**PHONE)
    page.goto(site_url(agency, "/en/follow/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("checkbox", name="Department of Information and Communications")).to_be_checked()
    assert_accessible(page)
