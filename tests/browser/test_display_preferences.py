"""Display preferences (R12) in a real browser: larger text in three steps and high contrast from the top bar,
applied before paint from localStorage, kept across a reload, WCAG 2.1 AA clean in both modes, hidden without
JavaScript, and allowed by the Content-Security-Policy (no inline script)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_public_site import PHONE, WCAG_21_AA

pytestmark = pytest.mark.django_db(transaction=True)


def root_font_size(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def show_controls(page) -> None:
    """Open the "Aa" button that holds the controls on a phone's top bar (from 48em they are always shown)."""
    toggle = page.locator(".display-prefs__toggle")
    if toggle.is_visible():
        toggle.click()


def test_larger_text_in_three_steps_survives_a_reload(new_page, site_url, agency):
    page = new_page(**PHONE)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(site_url(agency, "/gioi-thieu/"))
    header = page.locator(".site-header").bounding_box()["height"]
    show_controls(page)
    normal = page.get_by_role("button", name="A cỡ chữ thường")
    expect(normal).to_have_attribute("aria-pressed", "true")
    base = root_font_size(page)

    sizes = []
    for name in ("A+ cỡ chữ lớn", "A++ cỡ chữ lớn hơn", "A+++ cỡ chữ rất lớn"):
        button = page.get_by_role("button", name=name)
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        expect(normal).to_have_attribute("aria-pressed", "false")
        sizes.append(root_font_size(page))
    assert base < sizes[0] < sizes[1] < sizes[2] == base * 1.5

    page.reload()
    # Applied from the head's script before the body exists: no flash of the normal size.
    assert page.evaluate("document.documentElement.dataset.textSize") == "150"
    show_controls(page)
    expect(page.get_by_role("button", name="A+++ cỡ chữ rất lớn")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()

    normal.click()
    page.reload()
    assert page.locator(".site-header").bounding_box()["height"] == header  # closed again: the top bar is one row
    assert root_font_size(page) == base
    assert not errors  # a script refused by the CSP would show here


@pytest.mark.parametrize("path", ["/", "/hoi-dap/gui-cau-hoi/", "/en/administrative-procedures/"])
def test_high_contrast_passes_wcag_21_aa_and_survives_a_reload(new_page, site_url, agency, path):
    page = new_page(**PHONE)
    page.goto(site_url(agency, path))
    show_controls(page)
    contrast = page.locator("button[data-contrast]")
    expect(contrast).to_have_attribute("aria-pressed", "false")
    contrast.click()
    expect(contrast).to_have_attribute("aria-pressed", "true")

    page.reload()
    assert page.evaluate("document.documentElement.dataset.contrast") == "high"
    expect(page.locator("button[data-contrast]")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") == "rgb(0, 0, 0)"
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()

    show_controls(page)
    page.locator("button[data-contrast]").click()
    page.reload()
    assert page.evaluate("document.documentElement.dataset.contrast") is None


def test_the_controls_are_hidden_without_javascript(new_page, site_url, agency):
    page = new_page(java_script_enabled=False)
    page.goto(site_url(agency))
    expect(page.locator("[data-display-preferences]")).to_be_hidden()
    expect(page.get_by_role("button", name="Tương phản cao")).to_have_count(0)


def test_english_pages_have_the_controls_too(new_page, site_url, agency):
    page = new_page(**PHONE)
    page.goto(site_url(agency, "/en/"))
    show_controls(page)
    page.locator("button[data-text-size='130']").click()
    page.goto(site_url(agency, "/"))  # the choice is the browser's, whatever the language or page
    assert page.evaluate("document.documentElement.dataset.textSize") == "130"
    expect(page.locator("button[data-text-size='130']")).to_have_attribute("aria-pressed", "true")
