"""In a real browser, on a phone: a citizen rates a finished dossier from its status page and a published answer
from its lookup (Decree 224/2026); the rating form, its errors and its thanks are accessible (axe, WCAG 2.1 AA)."""

import pytest
from playwright.sync_api import expect

from feedback import handling as question_handling
from feedback.models import Question, QuestionRating
from services import handling
from services.models import DossierRating
from tests.browser.test_dossiers import PHONE, assert_accessible, assert_fits
from tests.services import test_submission
from tests.services.helpers import make_dossier

pytestmark = pytest.mark.django_db(transaction=True)

procedure = test_submission.procedure


def rate_on(page, legend: str):
    """Send the form empty (its error tied to the scale), then choose "Hài lòng" with a comment."""
    expect(page.locator("fieldset legend")).to_contain_text(legend)
    assert_accessible(page)
    page.get_by_role("button", name="Gửi đánh giá").click()
    expect(page.locator("#error-summary")).to_contain_text("Hãy chọn một mức độ hài lòng.")
    expect(page.locator("fieldset")).to_have_attribute("aria-describedby", "id_score_errors")
    assert_accessible(page)
    assert_fits(page)
    page.get_by_label("Hài lòng", exact=True).check()
    page.get_by_label("Góp ý (không bắt buộc)").fill("Nhanh, rõ ràng.")
    page.get_by_role("button", name="Gửi đánh giá").click()
    expect(page.get_by_role("status")).to_contain_text("Cảm ơn bạn đã đánh giá")
    assert_accessible(page)


def test_a_citizen_rates_a_finished_dossier_on_a_phone(new_page, site_url, other_agency, procedure, officer):
    dossier = make_dossier(procedure)
    handling.start(dossier, officer)
    handling.finish(dossier, officer, "Giấy chứng nhận đã có.")
    citizen = new_page(**PHONE)
    citizen.goto(site_url(other_agency, "/thu-tuc-hanh-chinh/tra-cuu-ho-so/"))
    citizen.get_by_label("Mã hồ sơ").fill(dossier.code)
    citizen.get_by_label("Mã bảo mật").fill(dossier.security_code)
    citizen.get_by_role("button", name="Tra cứu").click()
    expect(citizen.locator("h1")).to_have_text(f"Tình trạng hồ sơ {dossier.code}")

    rate_on(citizen, "Bạn hài lòng với kết quả giải quyết ở mức nào?")
    rating = DossierRating.objects.get()
    assert (rating.code, rating.score, rating.comment) == (dossier.code, 4, "Nhanh, rõ ràng.")


def test_an_asker_rates_a_published_answer_on_a_phone(new_page, site_url, agency, moderator):
    question = Question.objects.create(
        agency=agency, name="Nguyễn Văn Nông", email="nong@example.vn", title="Lệ phí", body="Lệ phí là bao nhiêu?"
    )
    question_handling.answer(question, moderator, "Không thay đổi.")
    question_handling.publish(question, moderator)
    asker = new_page(**PHONE)
    asker.goto(site_url(agency, "/hoi-dap/tra-cuu/"))
    asker.get_by_label("Mã tra cứu").fill(question.code)
    asker.get_by_label("Thư điện tử hoặc số điện thoại đã khai").fill("nong@example.vn")
    asker.get_by_role("button", name="Tra cứu").click()

    rate_on(asker, "Bạn hài lòng với câu trả lời ở mức nào?")
    assert QuestionRating.objects.get().score == 4
