"""Decree 224/2026 in a real browser: the planned-downtime notice on the portal and a commune's site, in both
languages, on a phone, axe's WCAG 2.1 AA clean, announced as a region with its heading; and the portal's list of
its sub-sites, on a phone and axe clean."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from operations.models import MaintenanceWindow
from tests.browser.test_public_site import PHONE, WCAG_21_AA

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_the_notice_is_accessible_on_a_phone(new_page, site_url, portal, other_agency, path):
    starts = timezone.now() + timedelta(days=20)
    MaintenanceWindow.objects.create(
        starts_at=starts,
        ends_at=starts + timedelta(hours=4),
        reason="Nâng cấp máy chủ cơ sở dữ liệu",
        reason_en="Database server upgrade",
    )
    for owner in (portal, other_agency):
        page = new_page(**PHONE)
        page.goto(site_url(owner, path))
        expect(page.locator(".maintenance-notice")).to_be_visible()
        expect(page.locator(".maintenance-notice")).to_contain_text(
            timezone.localtime(starts).strftime("%d/%m/%Y %H:%M")
        )
        if path == "/":  # the English heading comes with the compiled catalogue
            expect(page.get_by_role("region", name="Thông báo tạm ngừng hoạt động để bảo trì")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.keyboard.press("Tab")
        expect(page.locator(".skip-link")).to_be_focused()
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", ["/gioi-thieu/cong-thanh-phan/", "/en/introduction/sub-sites/"])
def test_the_sub_sites_list_is_accessible_on_a_phone(new_page, site_url, portal, agency, other_agency, path):
    page = new_page(**PHONE)
    page.goto(site_url(portal, path))
    expect(page.locator(".subsite-table tbody tr")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
