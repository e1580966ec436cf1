"""In a real browser, the app's side of the front cache (groundwork.frontcache, reporting.usage): a comment form on a
public page fetches its token when the visitor starts on it; without JavaScript a refused comment keeps what was
typed and goes on one click; the page's beacon counts the reading, and serving the page counted nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from feedback.models import ConsultationComment
from reporting.models import PageViewCount
from services.models import ProcedureViewCount
from tests.browser.test_public_site import PHONE
from tests.feedback.test_consultations import make_consultation, url
from tests.services.test_catalogue import make_procedure

pytestmark = pytest.mark.django_db(transaction=True)

# A person's browser: Playwright's own agent says "HeadlessChrome", which the counts leave out as a robot's.
PERSON = {**PHONE, "user_agent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"}


@pytest.fixture
def consultation(agency):
    now = timezone.now()
    return make_consultation(agency, opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=29))


def fill_comment(page, body: str):
    page.get_by_label("Họ và tên").fill("Nguyễn Văn An")
    page.get_by_label("Thư điện tử").fill("an.nguyen@example.vn")
    page.get_by_label("Nội dung góp ý").fill(body)


def test_the_comment_form_of_a_public_page_fetches_its_token_and_sends(new_page, site_url, agency, consultation):
    page = new_page(**PERSON)
    served = page.goto(site_url(agency, url(consultation)))
    assert served.headers["cache-control"].startswith("public")
    assert "set-cookie" not in served.headers
    assert not page.context.cookies()

    fill_comment(page, "Đề nghị bổ sung khoản 3 Điều 7.")
    assert page.locator("input[name=csrfmiddlewaretoken]").input_value()  # fetched when the visitor began
    page.get_by_role("button", name="Gửi ý kiến").click()

    expect(page.get_by_role("status").filter(has_text="Cảm ơn quý vị đã góp ý")).to_be_visible()
    assert ConsultationComment.objects.get().body == "Đề nghị bổ sung khoản 3 Điều 7."


def test_without_javascript_a_comment_keeps_what_was_typed_and_goes_on_one_click(
    new_page, site_url, agency, consultation
):
    page = new_page(java_script_enabled=False, **PERSON)
    page.goto(site_url(agency, url(consultation)))
    fill_comment(page, "Góp ý gửi từ trình duyệt không chạy JavaScript.")

    page.get_by_role("button", name="Gửi ý kiến").click()

    expect(page.locator("h1")).to_have_text("Chưa gửi được")
    assert not ConsultationComment.objects.exists()
    page.get_by_role("button", name="Gửi lại").click()
    expect(page.get_by_role("status").filter(has_text="Cảm ơn quý vị đã góp ý")).to_be_visible()
    assert ConsultationComment.objects.get().body == "Góp ý gửi từ trình duyệt không chạy JavaScript."


def test_a_procedures_reading_is_counted_by_its_beacon(new_page, site_url, other_agency, settings):
    settings.USAGE_FLUSH_HITS = 1
    procedure = make_procedure(other_agency, "Đăng ký khai sinh")
    page = new_page(**PERSON)

    with page.expect_request(lambda request: request.url.endswith("/usage/view")) as sent:
        page.goto(site_url(other_agency, url(procedure)))
    sent.value.response()

    assert ProcedureViewCount.objects.get(procedure=procedure).views == 1
    assert PageViewCount.objects.get(site=other_agency.site).views == 1
