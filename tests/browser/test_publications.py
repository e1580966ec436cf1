# ruff: noqa: F811 - the fixtures imported below are named as test arguments
"""In a real browser on a phone: a visitor filters the plans by status, opens one and finds its file; the
directives and the commendations listings in both languages; every page at 360 px passes WCAG 2.1 AA."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from publications.models import CommendationPage, PlanPage
from tests.browser.test_public_site import PHONE, WCAG_21_AA
from tests.documents.conftest import lists, make_document  # noqa: F401 - fixtures
from tests.publications.conftest import publish  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db(transaction=True)


def fits_and_passes(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture
def plans(agency, publish):
    publish(agency, PlanPage, "Kế hoạch chuyển đổi số tỉnh Quảng Ngãi năm 2026", files=["ke-hoach-121-kh-ubnd.pdf"])
    publish(
        agency,
        PlanPage,
        "Kế hoạch cải cách hành chính giai đoạn 2021 - 2025",
        period_start=2021,
        period_end=2025,
        status="het-hieu-luc",
        decision_number="768/QĐ-UBND",
        trigger_date=date(2021, 8, 26),
    )


def test_a_visitor_filters_the_plans_opens_one_and_finds_its_file(new_page, site_url, agency, plans):
    page = new_page(**PHONE)
    page.goto(site_url(agency, "/quy-hoach-ke-hoach-du-an/chien-luoc-quy-hoach-ke-hoach/"))
    expect(page.locator(".document-item")).to_have_count(2)
    fits_and_passes(page)

    page.get_by_role("link", name="Hết hiệu lực (1)").click()

    expect(page).to_have_url(
        site_url(agency, "/quy-hoach-ke-hoach-du-an/chien-luoc-quy-hoach-ke-hoach/?trang-thai=het-hieu-luc")
    )
    expect(page.locator(".document-item")).to_have_count(1)
    page.get_by_role("link", name="✓ Hết hiệu lực").click()
    expect(page.locator(".document-item")).to_have_count(2)
    page.get_by_role("link", name="Kế hoạch chuyển đổi số tỉnh Quảng Ngãi năm 2026").click()

    expect(page.locator("h1")).to_have_text("Kế hoạch chuyển đổi số tỉnh Quảng Ngãi năm 2026")
    expect(page.locator(".document-facts")).to_contain_text("121/KH-UBND ngày 31/12/2025")
    expect(page.get_by_role("link", name="ke-hoach-121-kh-ubnd.pdf")).to_be_visible()
    fits_and_passes(page)


@pytest.mark.parametrize(
    "path",
    [
        "/chi-dao-dieu-hanh/khen-thuong-xu-ly-vi-pham/",
        "/en/direction-and-administration/commendations-and-sanctions/",
        "/chi-dao-dieu-hanh/van-ban-chi-dao-dieu-hanh/",
        "/en/direction-and-administration/directives/",
        "/en/plans-and-projects/statistics/",
    ],
)
def test_the_listings_fit_a_phone_and_pass_wcag_21_aa_in_both_languages(
    new_page,
    site_url,
    agency,
    publish,
    make_document,
    path,
):
    publish(agency, CommendationPage, "Khen thưởng tập thể (minh họa)", files=["qd-khen-thuong.pdf"])
    make_document(agency, "06/CT-UBND", "Xây dựng Kế hoạch phát triển KT-XH 5 năm 2021-2025", type="Chỉ thị")
    page = new_page(**PHONE)

    page.goto(site_url(agency, path))

    expect(page.locator("h1")).to_be_visible()
    fits_and_passes(page)
