"""In a real browser, on a phone: an agency's BBT opens the operations report from the Reports menu's address,
asks for a period, reads its tables and charts (accessible: axe on the report's content), and downloads the PDF."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from reporting.models import PageViewCount
from tests.browser.test_moderation_flow import log_in
from tests.browser.test_public_site import WCAG_21_AA
from tests.home.helpers import section

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


def test_the_bbt_reads_its_report_on_a_phone_and_downloads_the_pdf(new_page, site_url, agency, moderator):
    news = section(agency, "tin-tuc")
    PageViewCount.objects.create(site=agency.site, section_key=news.translation_key, day=date(2026, 3, 15), views=40)

    page = new_page(**PHONE)
    log_in(page, site_url(agency, "/admin/bao-cao-hoat-dong/"), moderator.username)
    page.select_option("#id_kind", "khoang")
    page.fill("#id_start", "01/03/2026")
    page.fill("#id_end", "31/01/2026")
    page.get_by_role("button", name="Xem báo cáo").click()
    expect(page.locator("main")).to_contain_text("Ngày kết thúc phải cùng ngày hoặc sau ngày bắt đầu.")

    page.fill("#id_end", "31/03/2026")
    page.get_by_role("button", name="Xem báo cáo").click()

    views = page.locator("section", has=page.get_by_role("heading", name="Lượt xem trang theo trang và chuyên mục"))
    expect(views.get_by_role("img", name="Lượt xem theo trang. Sở Thông tin và Truyền thông: 40")).to_be_visible()
    expect(views.locator("table")).to_contain_text("Tin tức")
    results = Axe().run(page, context={"include": [["main"]]}, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải PDF").click()
    assert download.value.suggested_filename == "bao-cao-hoat-dong-20260301-20260331.pdf"
