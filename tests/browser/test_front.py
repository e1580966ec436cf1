"""The front page and the phone (issue 13 §6) in a real browser: a header under ~160 px at 360 px with the menu
behind a button that opens without JavaScript and by keyboard, the menu on one row at 1280 px in both languages,
no word split in the middle, the procedure page's facts stacked, and axe's WCAG 2.1 AA in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from home.models import SiteContactSettings
from tests.browser.test_public_site import PHONE, WCAG_21_AA
from tests.home.helpers import section
from tests.home.test_advertising import add_slot
from tests.home.test_news import add_news
from tests.services.test_submission import procedure  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"viewport": {"width": 1280, "height": 800}}

# For each menu link: the words whose letters lie on more than one line (a word split in the middle).
SPLIT_WORDS = """
(selector) => {
  const split = [];
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s\\-]+/g)) {  // a break after a hyphen is no split
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) split.push(match[0]);
      }
    }
  }
  return split;
}
"""


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture
def front_content(portal, agency):
    """News with the demo's kind of content, the hotline and an advertisement on the portal."""
    contact = SiteContactSettings.for_site(portal.site)
    contact.hotline = "0255 0000 115"
    contact.save()
    add_news(section(portal, "tin-tuc"), "Tỉnh vận hành chính quyền địa phương hai cấp", "hai-cap", featured=True)
    add_news(section(agency, "tin-tuc"), "Sở tập huấn chuyển đổi số cho cán bộ xã", "tap-huan")
    add_slot(portal, "Hội chợ sản phẩm OCOP (minh họa)", position="home")


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_on_a_phone_the_header_is_short_and_the_menu_opens_by_keyboard(new_page, site_url, portal, front_content, path):
    page = new_page(**PHONE)
    page.goto(site_url(portal, path))

    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 165, header
    links = page.locator(".main-nav__link")
    expect(links.first).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.locator(".site-header .search-form__button").focus()
    page.keyboard.press("Tab")
    expect(page.locator(".main-nav__toggle")).to_be_focused()
    page.keyboard.press("Enter")
    expect(links.first).to_be_visible()
    expect(links.last).to_be_in_viewport()
    assert page.evaluate(SPLIT_WORDS, ".main-nav__link, .citizen, .news-item__title") == []
    assert_accessible(page)
    page.keyboard.press("Enter")  # closes again
    expect(links.first).to_be_hidden()


def test_the_menu_works_without_javascript(browser, live_server, portal):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    port = live_server.url.rsplit(":", 1)[1]
    page.goto(f"http://{portal.site.hostname}:{port}/")
    page.locator(".main-nav__toggle").click()
    expect(page.locator(".main-nav__link").nth(1)).to_be_visible()
    context.close()


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_at_1280_px_the_menu_is_one_row_and_no_word_is_split(new_page, site_url, portal, front_content, path):
    page = new_page(**DESKTOP)
    page.goto(site_url(portal, path))

    expect(page.locator(".main-nav__toggle")).to_be_hidden()
    tops = page.locator(".main-nav__link").evaluate_all("links => links.map(link => link.getBoundingClientRect().top)")
    assert len(tops) == 11 and len(set(tops)) == 1, tops  # home and the portal's ten sections
    right = page.locator(".main-nav__link").last.bounding_box()
    container = page.locator(".main-nav .container").bounding_box()
    assert right["x"] + right["width"] <= container["x"] + container["width"] - 16  # inside its padding
    heights = page.locator(".main-nav__link").evaluate_all("links => links.map(link => link.offsetHeight)")
    assert max(heights) < 60, heights  # each on one line
    assert page.evaluate(SPLIT_WORDS, ".main-nav__link, .citizen, .news-item__title, .card__title") == []
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/", "/en/", "/tin-tuc/?loai=thong-bao", "/en/news/"])
def test_front_pages_fit_a_phone_and_pass_wcag_21_aa(new_page, site_url, portal, front_content, path):
    page = new_page(**PHONE)
    page.goto(site_url(portal, path))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate(SPLIT_WORDS, "main") == []
    assert_accessible(page)


def test_the_procedure_pages_facts_stack_on_a_phone(new_page, site_url, other_agency, procedure):  # noqa: F811
    page = new_page(**PHONE)
    page.goto(site_url(other_agency, procedure.relative_url(other_agency.site)))

    value = page.locator(".facts dd").first.bounding_box()
    assert value["width"] >= 280, value  # the whole width, not ~90 px beside its label
    assert page.evaluate(SPLIT_WORDS, ".facts") == []
    assert_accessible(page)


def test_on_a_tablet_the_menu_button_sits_level_with_the_search(new_page, site_url, agency):
    page = new_page(viewport={"width": 800, "height": 900})
    page.goto(site_url(agency, "/en/"))

    toggle = page.locator(".main-nav__toggle").bounding_box()
    search = page.locator(".site-header .search-form").bounding_box()
    assert abs((toggle["y"] + toggle["height"]) - (search["y"] + search["height"])) <= 2, (toggle, search)
    assert search["x"] + search["width"] <= toggle["x"]  # side by side, not over each other
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
