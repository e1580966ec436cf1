"""The administrative map and a heritage page at phone size (360 px): readable, navigable, WCAG 2.1 AA (axe)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_public_site import PHONE, WCAG_21_AA
from tests.territory.test_heritage import make_heritage

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_map_page_at_phone_size_links_the_map_to_the_list_and_passes_axe(new_page, site_url, portal):
    page = new_page(**PHONE)
    page.goto(site_url(portal, "/gioi-thieu/ban-do-hanh-chinh/"))

    expect(page.locator("svg a")).to_have_count(96)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator('svg a[aria-label="Xã Tư Nghĩa"]').click()
    expect(page).to_have_url(site_url(portal, "/gioi-thieu/ban-do-hanh-chinh/#dv-21235"))
    page.get_by_role("link", name="Phường (9)").click()
    expect(page.locator("li.unit")).to_have_count(9)
    assert Axe().run(page, options=WCAG_21_AA).violations_count == 0
    page.goto(site_url(portal, "/en/introduction/administrative-map/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert Axe().run(page, options=WCAG_21_AA).violations_count == 0


def test_a_heritage_page_at_phone_size_passes_axe(new_page, site_url, other_agency):
    make_heritage(other_agency, "Khu chứng tích Sơn Mỹ", gallery=2, location="xã Tịnh Khê")
    page = new_page(**PHONE)

    page.goto(site_url(other_agency, "/gioi-thieu/lich-su-van-hoa/"))
    page.get_by_role("link", name="Khu chứng tích Sơn Mỹ").click()

    expect(page.locator("h1")).to_have_text("Khu chứng tích Sơn Mỹ")
    expect(page.locator("figure.gallery__item")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert Axe().run(page, options=WCAG_21_AA).violations_count == 0
