"""In a real browser, on a phone-sized screen: a citizen asks, follows the question by its code, the BBT
forwards it, the unit answers, the BBT publishes, everyone can read the answer; the asker gets the emails."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import expect

from feedback.models import Question, Unit
from tests.browser.test_moderation_flow import log_in
from tests.browser.test_public_site import WCAG_21_AA

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


def test_a_question_from_phone_to_published_answer(new_page, site_url, agency, moderator, make_user):
    unit = Unit.objects.create(agency=agency, name="Phòng Công nghệ thông tin", email="cntt@quangngai.gov.vn")
    clerk = make_user("canbo_cntt", unit.staff)

    citizen = new_page(**PHONE)
    citizen.goto(site_url(agency, "/hoi-dap/"))
    citizen.get_by_role("link", name="Gửi câu hỏi").click()
    citizen.get_by_role("button", name="Gửi câu hỏi").click()  # empty: every error is shown, and accessible
    expect(citizen.locator(".error-summary")).to_contain_text("Chưa gửi được")
    expect(citizen.get_by_label("Họ và tên")).to_have_attribute("aria-invalid", "true")
    results = Axe().run(citizen, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    citizen.get_by_label("Họ và tên").fill("Nguyễn Văn Nông")
    citizen.get_by_label("Thư điện tử").fill("nong@example.vn")
    citizen.get_by_label("Tiêu đề").fill("Chữ ký số khi nộp hồ sơ trực tuyến")
    citizen.get_by_label("Nội dung").fill("Tôi có cần chữ ký số để nộp hồ sơ dịch vụ công trực tuyến không?")
    citizen.get_by_role("button", name="Gửi câu hỏi").click()
    expect(citizen.locator("h1")).to_have_text("Đã gửi câu hỏi")
    code = citizen.locator(".receipt-code").inner_text().strip()
    assert re.fullmatch(r"HD-[2-9A-Z]{4}-[2-9A-Z]{4}", code)
    assert citizen.evaluate("document.documentElement.scrollWidth") <= 360

    citizen.get_by_role("link", name="Tra cứu câu hỏi đã gửi").click()
    citizen.get_by_label("Mã tra cứu").fill(code)
    citizen.get_by_label("Thư điện tử hoặc số điện thoại đã khai").fill("nong@example.vn")
    citizen.get_by_role("button", name="Tra cứu").click()
    expect(citizen.locator(".question-status")).to_contain_text("Mới tiếp nhận")

    question = Question.objects.get(code=code)
    board = new_page()
    log_in(board, site_url(agency, f"/admin/hoi-dap/{question.pk}/"), moderator.username)
    board.locator("#id_chuyen-unit").select_option(label=unit.name)
    board.get_by_role("button", name="Chuyển đơn vị trả lời").click()
    expect(board.locator(".messages")).to_contain_text("Đã lưu")

    answerer = new_page()
    log_in(answerer, site_url(agency, "/admin/hoi-dap/"), clerk.username)
    answerer.get_by_role("link", name=code).click()
    answerer.locator("#id_tra-loi-answer").fill("Không bắt buộc: công dân đăng nhập bằng tài khoản định danh VNeID.")
    answerer.get_by_role("button", name="Trả lời", exact=True).click()
    expect(answerer.locator(".messages")).to_contain_text("Đã lưu")

    board.reload()
    board.get_by_role("button", name="Công khai câu trả lời").click()
    expect(board.locator(".messages")).to_contain_text("Đã lưu")

    citizen.goto(site_url(agency, "/hoi-dap/?q=chu+ky+so"))
    citizen.get_by_role("link", name="Chữ ký số khi nộp hồ sơ trực tuyến").click()
    expect(citizen.locator(".answer")).to_contain_text("tài khoản định danh VNeID")
    expect(citizen.locator("body")).not_to_contain_text("nong@example.vn")
    to_asker = [message.subject for message in mail.outbox if message.to == ["nong@example.vn"]]
    assert to_asker == [f"Đã nhận câu hỏi {code}", f"Trả lời câu hỏi {code}"]
