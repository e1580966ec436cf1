"""In a real browser on a phone: a visitor comments on an open consultation; a closed one shows its report, no form."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from feedback.models import ConsultationComment
from tests.browser.test_public_site import PHONE, WCAG_21_AA
from tests.feedback.test_consultations import add_comment, make_consultation, url

pytestmark = pytest.mark.django_db(transaction=True)


def fits_and_passes_wcag(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_a_visitor_comments_on_an_open_consultation(new_page, site_url, agency):
    now = timezone.now()
    consultation = make_consultation(agency, opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=29))
    add_comment(consultation, name="Trần Thị Bình", body="Đề nghị bổ sung đối tượng áp dụng.")
    page = new_page(**PHONE)
    page.goto(site_url(agency, url(consultation)))
    expect(page.locator("h1")).to_have_text(consultation.title)
    expect(page.locator(".comment-list")).to_contain_text("Đề nghị bổ sung đối tượng áp dụng.")

    send = page.get_by_role("button", name="Gửi ý kiến")
    send.click()  # nothing filled in: the server says what is missing, next to each field

    errors = page.locator(".error-summary")
    expect(errors).to_contain_text("Họ và tên: Trường này là bắt buộc.")
    expect(page.get_by_label("Họ và tên")).to_have_attribute("aria-invalid", "true")
    errors.get_by_role("link", name="Nội dung góp ý: Trường này là bắt buộc.").click()
    expect(page.get_by_label("Nội dung góp ý")).to_be_focused()
    fits_and_passes_wcag(page)

    page.get_by_label("Họ và tên").fill("Nguyễn Văn An")
    page.get_by_label("Thư điện tử").fill("an.nguyen@example.vn")
    page.get_by_label("Điều, khoản góp ý").fill("Điều 6")
    page.get_by_label("Nội dung góp ý").fill("Đề nghị quy định rõ thời hạn đăng câu trả lời.")
    send.click()

    thanks = page.get_by_role("status").filter(has_text="Cảm ơn quý vị đã góp ý")
    expect(thanks).to_contain_text("sau khi Ban biên tập duyệt")
    assert page.url.endswith("#gop-y")
    expect(page.locator(".comment-list")).not_to_contain_text("Đề nghị quy định rõ thời hạn")
    comment = ConsultationComment.objects.get(name="Nguyễn Văn An")
    assert comment.status == ConsultationComment.Status.PENDING and comment.article == "Điều 6"
    fits_and_passes_wcag(page)


def test_a_closed_consultation_shows_its_report_and_no_form(new_page, site_url, agency):
    now = timezone.now()
    consultation = make_consultation(
        agency,
        opens_at=now - timedelta(days=40),
        closes_at=now - timedelta(days=10),
        report="<p>Tiếp thu 12 ý kiến, giải trình 3 ý kiến không tiếp thu.</p>",
    )
    page = new_page(**PHONE)

    page.goto(site_url(agency, url(consultation)))

    expect(page.locator(".consultation-state")).to_have_text("Đã kết thúc")
    report = page.get_by_role("region", name="Kết quả tiếp thu, giải trình ý kiến")
    expect(report).to_contain_text("Tiếp thu 12 ý kiến, giải trình 3 ý kiến không tiếp thu.")
    # Prominent: right under the title, above the period, the addresses and the draft's text.
    assert report.bounding_box()["y"] < page.locator(".consultation-facts").bounding_box()["y"]
    expect(page.locator("form.comment-form")).to_have_count(0)
    expect(page.get_by_role("button", name="Gửi ý kiến")).to_have_count(0)
    fits_and_passes_wcag(page)
