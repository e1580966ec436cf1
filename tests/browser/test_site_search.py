"""In a real browser on a phone: the portal's search finds every site's content typed without diacritics, filters
by kind and site with links, and passes axe (WCAG 2.1 AA) in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Locale, Site

from tests.finder.helpers import add_news

from .test_public_site import PHONE, WCAG_21_AA


@pytest.fixture
def sites_on_live_port(live_server, portal, agency, other_agency):
    """Every site at the live server's port, so the portal's links to the agencies' pages work."""
    port = int(live_server.url.rsplit(":", 1)[1])
    for site in Site.objects.all():
        site.port = port
        site.save()


def assert_phone_and_axe(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_the_portal_search_on_a_phone_in_both_languages(new_page, site_url, sites_on_live_port, portal, agency):
    article = add_news(agency, "Chuyển đổi số trong cơ quan nhà nước", lead="Sở triển khai nền tảng số.")
    add_news(portal, "Tỉnh phát động chuyển đổi số")
    english = article.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Digital transformation in state agencies", "digital-transformation"
    english.save_revision().publish()

    page = new_page(**PHONE)
    page.goto(site_url(portal, "/tim-kiem/?q=chuyen+doi+so"))
    expect(page.get_by_role("status")).to_contain_text("Tìm thấy 2 kết quả")
    expect(page.locator(".search-result")).to_have_count(2)
    assert_phone_and_axe(page)

    page.get_by_role("link", name="Sở Thông tin và Truyền thông (1)").click()
    expect(page.locator(".search-result")).to_have_count(1)
    expect(page.locator(".search-result")).to_contain_text("Sở Thông tin và Truyền thông")
    page.locator(".search-result h2 a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chuyển đổi số trong cơ quan nhà nước")
    assert agency.site.hostname in page.url

    page.goto(site_url(portal, "/tim-kiem/?q=khong+co+gi+ca"))
    expect(page.get_by_role("status")).to_contain_text("Không tìm thấy kết quả nào")
    assert_phone_and_axe(page)

    page.goto(site_url(portal, "/en/search/?q=digital+transformation"))
    expect(page.locator(".search-result")).to_have_count(1)
    expect(page.locator(".search-result")).to_contain_text("Department of Information and Communications")
    assert_phone_and_axe(page)
