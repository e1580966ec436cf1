"""In a real browser at phone size (360 px): the procurement listing and a notice, in both languages, WCAG 2.1 AA."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_public_site import PHONE, WCAG_21_AA
from tests.procurement.conftest import add_notice, vn_time

pytestmark = pytest.mark.django_db(transaction=True)

LISTING = "/quy-hoach-ke-hoach-du-an/du-an-dau-thau/"


@pytest.fixture
def notices(portal, agency):
    today = timezone.localdate()
    add_notice(agency, "mo", title="Xây dựng Đường Trà Bồng – Sơn Hà")
    add_notice(
        agency,
        "sap-dong",
        title="Mua sắm máy tính cho trường học",
        field="hang-hoa",
        closes_at=vn_time(today + timedelta(days=1)),
    )
    add_notice(portal, "da-dong", title="Tư vấn thiết kế kè sông Vệ", closes_at=vn_time(today - timedelta(days=1)))


@pytest.mark.parametrize(
    "path",
    [
        LISTING,
        LISTING + "?tinh-trang=sap-dong-thau",
        "/en/plans-and-projects/projects-and-procurement/",
        LISTING + "du-an/",
    ],
)
def test_the_listing_fits_a_phone_and_passes_wcag_21_aa(new_page, site_url, portal, notices, path):
    page = new_page(**PHONE)
    page.goto(site_url(portal, path))

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_a_notice_fits_a_phone_and_its_stage_is_written(new_page, site_url, portal, agency, notices):
    page = new_page(**PHONE)
    page.goto(site_url(portal, LISTING))
    page.get_by_role("link", name="Sắp đóng thầu").first.click()
    expect(page.locator(".document-item__title")).to_have_count(1)
    expect(page.get_by_role("link", name="Mua sắm máy tính cho trường học")).to_have_attribute(
        "href", f"http://{agency.site.hostname}{LISTING}sap-dong/"
    )
    page.goto(site_url(agency, LISTING + "sap-dong/"))  # the live server's port, which the link cannot know
    expect(page.locator(".badge--sap-dong-thau")).to_have_text("Sắp đóng thầu")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
