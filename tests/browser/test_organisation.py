"""The organisation chart and the directory of officials in a real browser, on a phone-sized screen: they fit,
pass WCAG 2.1 AA, and the directory's search and unit filter work from the keyboard, in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_public_site import PHONE, WCAG_21_AA
from tests.organisation.helpers import add_unit, chart, translate_unit

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def units(agency):
    office = add_unit(
        chart(agency),
        "Văn phòng Sở",
        [{"name": "Nguyễn Văn Hùng", "title": "Chánh Văn phòng", "phone": "0255 0000 220", "email": "vp@example.vn"}],
        kind="van-phong",
        head_name="Nguyễn Văn Hùng",
        head_title="Chánh Văn phòng",
        phone="0255 0000 220",
    )
    division = add_unit(
        chart(agency),
        "Trung tâm Công nghệ thông tin và Truyền thông",
        [("Trần Thị Ánh", "Giám đốc Trung tâm"), ("Lê Quốc Dũng", "Kỹ sư hệ thống")],
        kind="su-nghiep",
    )
    add_unit(division, "Phòng Kỹ thuật – Hạ tầng", [("Nguyễn Đình Khoa", "Trưởng phòng")])
    translate_unit(office, "Department Office", "department-office", ["Chief of Office"])
    return office, division


def assert_fits_and_passes_axe(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", ["/gioi-thieu/co-cau-to-chuc/", "/en/introduction/organisation/"])
def test_the_chart_fits_a_phone_and_passes_wcag_21_aa(new_page, site_url, agency, units, path):
    page = new_page(**PHONE)
    page.goto(site_url(agency, path))

    expect(page.locator(".org-chart h2").first).to_be_visible()
    assert_fits_and_passes_axe(page)


def test_the_directory_searches_and_filters_on_a_phone(new_page, site_url, agency, units):
    _office, division = units
    page = new_page(**PHONE)
    page.goto(site_url(agency, "/lien-he/"))
    directory = page.locator(".directory")
    expect(directory.locator("tbody tr")).to_have_count(4)
    assert_fits_and_passes_axe(page)

    page.get_by_label("Họ tên hoặc chức vụ").fill("nguyen van")
    page.get_by_label("Họ tên hoặc chức vụ").press("Enter")
    expect(directory.locator("tbody th")).to_have_text(["Nguyễn Văn Hùng"])
    assert "q=nguyen+van" in page.url

    page.get_by_label("Họ tên hoặc chức vụ").fill("")
    page.get_by_label("Đơn vị", exact=True).select_option(str(division.pk))
    directory.get_by_role("button", name="Tìm").click()
    expect(directory.locator("tbody th")).to_have_text(["Trần Thị Ánh", "Lê Quốc Dũng", "Nguyễn Đình Khoa"])
    assert_fits_and_passes_axe(page)
    expect(directory.get_by_role("link", name="vCard của Trần Thị Ánh")).to_be_visible()


def test_the_english_directory_passes_wcag_21_aa(new_page, site_url, agency, units):
    page = new_page(**PHONE)
    page.goto(site_url(agency, "/en/contacts/"))

    expect(page.locator(".directory tbody th")).to_have_text(["Nguyễn Văn Hùng"])
    expect(page.locator(".directory tbody")).to_contain_text("Department Office")
    assert_fits_and_passes_axe(page)
