"""In a real browser on a phone: a citizen finds the seed's decision by typing without diacritics, on the
portal and on the issuing site, opens it, sees what it replaced and downloads its file."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from documents.models import DocumentRelation
from tests.browser.test_public_site import PHONE, WCAG_21_AA
from tests.documents.conftest import lists, make_document, pdf_bytes  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def seed_decision(portal, agency, make_document):  # noqa: F811 - the fixture imported above
    old = make_document(
        portal,
        "206/2004/QĐ-UB",
        "Ban hành Quy chế tạm thời về Trang thông tin điện tử tỉnh Quảng Ngãi",
        issued_on=date(2004, 9, 21),
    )
    make_document(agency, "121/KH-UBND", "Chuyển đổi số tỉnh Quảng Ngãi năm 2026", type="Kế hoạch")
    return make_document(
        portal,
        "16/2017/QĐ-UBND",
        "Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Quảng Ngãi",
        issued_on=date(2017, 4, 19),
        relations=[(DocumentRelation.Kind.REPLACES, old)],
        files={"Quyết định 16-2017.pdf": pdf_bytes("Quy che hoat dong cua Cong thong tin dien tu")},
    )


def test_citizen_finds_opens_and_downloads_the_decision(new_page, site_url, portal, seed_decision):
    page = new_page(**PHONE)
    page.goto(site_url(portal, "/van-ban/"))

    page.get_by_label("Tìm văn bản").fill("quyet dinh 16 quy che cong thong tin")
    page.get_by_label("Tìm văn bản").press("Enter")

    first = page.locator(".document-item").first
    expect(first).to_contain_text("16/2017/QĐ-UBND")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert Axe().run(page, options=WCAG_21_AA).violations_count == 0
    first.get_by_role("link").click()

    expect(page.locator("h1")).to_contain_text("16/2017/QĐ-UBND")
    expect(page.locator(".relation-list")).to_contain_text("206/2004/QĐ-UB")
    href = page.get_by_role("link", name="Quyết định 16-2017.pdf").get_attribute("href")
    content_type, disposition = page.evaluate(
        "async (url) => { const r = await fetch(url); return [r.headers.get('content-type'), "
        "r.headers.get('content-disposition')]; }",
        href,
    )
    assert content_type == "application/pdf"
    assert "Quy%E1%BA%BFt_%C4%91%E1%BB%8Bnh_16-2017" in disposition


def test_filters_are_links_that_keep_the_search(new_page, site_url, portal, seed_decision):
    page = new_page(**PHONE)
    page.goto(site_url(portal, "/van-ban/?q=quy+che"))

    page.locator(".facet").filter(has_text="Năm ban hành").get_by_role("link", name="2017").click()

    expect(page).to_have_url(site_url(portal, "/van-ban/?q=quy+che&nam=2017"))
    expect(page.locator(".document-item")).to_have_count(1)
