"""In a real browser: three sites on their own hosts, the language switch, a phone-sized screen, WCAG 2.1 AA."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_moderation_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def test_three_hosts_are_three_sites_in_both_languages(new_page, site_url, portal, agency, other_agency):
    page = new_page()
    for owner, english_name in (
        (portal, "Quang Ngai Provincial People's Committee"),
        (agency, "Department of Information and Communications"),
        (other_agency, "Tu Nghia Commune"),
    ):
        page.goto(site_url(owner))
        expect(page.locator(".brand__name")).to_have_text(owner.name)
        expect(page.locator("html")).to_have_attribute("lang", "vi")
        page.goto(site_url(owner, "/en/"))
        expect(page.locator(".brand__name")).to_have_text(english_name)
        expect(page.locator("html")).to_have_attribute("lang", "en")


def test_language_switch_goes_to_the_translation_and_back(new_page, site_url, agency):
    page = new_page()
    page.goto(site_url(agency, "/gioi-thieu/"))

    page.get_by_role("link", name="English").click()

    expect(page).to_have_url(site_url(agency, "/en/introduction/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".main-nav")).to_contain_text("Home")
    page.get_by_role("link", name="Tiếng Việt").click()
    expect(page).to_have_url(site_url(agency, "/gioi-thieu/"))
    expect(page.locator("h1")).to_have_text("Giới thiệu")


def test_an_editor_sees_only_their_own_sites_tree(new_page, site_url, agency, other_agency, editor):
    page = new_page()
    log_in(page, site_url(agency, "/admin/pages/"), editor.username)

    listing = page.locator("main")
    expect(listing).to_contain_text(agency.name)
    expect(listing).to_contain_text("Department of Information and Communications")
    expect(listing.get_by_role("link", name=other_agency.name)).to_have_count(0)
    expect(listing.get_by_role("link", name="Tu Nghia Commune")).to_have_count(0)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/gioi-thieu/",
        "/lien-he/",
        "/en/",
        "/en/contacts/",
        "/tim-kiem/?q=gioi+thieu",
        "/khong-co/",
        "/hoi-dap/",
        "/hoi-dap/gui-cau-hoi/",
        "/en/questions-and-answers/track/",
        "/en/administrative-procedures/",
        "/en/administrative-procedures/track-dossier/",
    ],
)
def test_pages_fit_a_phone_and_pass_wcag_21_aa(new_page, site_url, agency, path):
    page = new_page(**PHONE)
    page.goto(site_url(agency, path))

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    expect(page.locator(".skip-link")).to_be_in_viewport()
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
