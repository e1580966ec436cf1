"""In a real browser: a form sent with errors puts the focus on GOV.UK's error summary, whose links move the focus
to their fields; a chosen file is asked for again; without JavaScript the summary is still first."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_dossiers import pdf
from tests.browser.test_public_site import WCAG_21_AA
from tests.services import test_submission

pytestmark = pytest.mark.django_db(transaction=True)

procedure = test_submission.procedure  # the fixture: "Đăng ký thành lập hộ kinh doanh" of xã Tư Nghĩa, online


def form_url(site_url, agency, procedure) -> str:
    return site_url(agency, procedure.relative_url(agency.site) + "nop-truc-tuyen/")


def send_with_errors(page, url):
    page.goto(url)
    page.get_by_label("Thư điện tử").fill("hoa@")
    page.get_by_label("Giấy đề nghị đăng ký hộ kinh doanh").set_input_files(pdf("de-nghi.pdf", "de nghi"))
    page.get_by_role("button", name="Nộp hồ sơ").click()


def test_the_focus_lands_on_the_summary_and_its_links_lead_to_the_fields(new_page, site_url, other_agency, procedure):
    page = new_page()
    send_with_errors(page, form_url(site_url, other_agency, procedure))

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    assert page.title().startswith("Lỗi: ")
    expect(summary.get_by_role("heading")).to_have_text("Có lỗi cần sửa")
    expect(summary).to_contain_text("Vui lòng chọn lại tệp “de-nghi.pdf”")
    assert Axe().run(page, options=WCAG_21_AA).violations_count == 0

    summary.get_by_role("link", name="Thư điện tử: Nhập địa chỉ email.").click()
    expect(page.get_by_label("Thư điện tử")).to_be_focused()
    summary.get_by_role("link", name="Họ và tên người nộp: Trường này là bắt buộc.").click()
    expect(page.get_by_label("Họ và tên người nộp")).to_be_focused()
    summary.get_by_role("link", name="Giấy đề nghị đăng ký hộ kinh doanh: Vui lòng chọn lại tệp").click()
    expect(page.get_by_label("Giấy đề nghị đăng ký hộ kinh doanh")).to_be_focused()


def test_without_javascript_the_summary_is_first_and_links_to_the_fields(new_page, site_url, other_agency, procedure):
    page = new_page(java_script_enabled=False)
    send_with_errors(page, form_url(site_url, other_agency, procedure))

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    first_field = page.locator("form .form-field").first
    assert summary.bounding_box()["y"] < first_field.bounding_box()["y"]
    expect(summary.get_by_role("link", name="Thư điện tử: Nhập địa chỉ email.")).to_have_attribute("href", "#id_email")
