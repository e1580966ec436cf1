"""In a real browser: under the Content-Security-Policy the public site and Wagtail's admin work, and neither
breaks the policy. Every violation Chromium reports (a `securitypolicyviolation` event in any frame, or its
console's own "Refused to…" line) fails the test, as does any script error."""

import base64
import re

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from playwright.sync_api import expect
from wagtail.documents import get_document_model

from tests.browser.test_dossiers import PHONE, pdf
from tests.conftest import StaffClient
from tests.documents.conftest import lists, make_document, pdf_bytes  # noqa: F401 - fixtures
from tests.home.helpers import add_page, section
from tests.services import test_submission

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)

pytestmark = pytest.mark.django_db(transaction=True)

procedure = test_submission.procedure  # the fixture: an online procedure of xã Tư Nghĩa, with its dossier form

# Runs in every frame before the page's own scripts; the console is where the test hears it.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
}, true);
"""


# An attacker's way in, were text ever rendered unescaped: does a script element added to the page run?
INJECT_SCRIPT = """() => {
  const script = document.createElement("script");
  script.textContent = "window.injectedScriptRan = true";
  document.head.append(script);
  return window.injectedScriptRan === true;
}"""


def watched(page):
    """`page`, with `page.problems`: the CSP violations, Permissions-Policy complaints and script errors seen."""
    page.problems = []
    page.context.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            page.problems.append(message.text)
            if re.search(r"CSP violation|Content Security Policy|Permissions-Policy", message.text)
            else None
        ),
    )
    page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
    return page


def signed_in(page, url, user):
    """Open `url` in `page` with `user`'s session (made by Django's test client: no login form); the response."""
    client = StaffClient()  # signed in with both factors
    client.force_login(user)
    host = re.match(r"https?://([^:/]+)", url).group(1)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "domain": host,
                "path": "/",
            }
        ]
    )
    return page.goto(url)


def test_the_public_site_works_under_its_policy(new_page, site_url, agency, other_agency, procedure, make_document):  # noqa: F811
    make_document(agency, "12/2025/QĐ-UBND", "Quy định về chuyển đổi số", fields=["Công nghệ thông tin"])
    citizen = watched(new_page(**PHONE))

    # Search from the header, then a legal document found through the library's filters.
    response = citizen.goto(site_url(agency))
    assert "script-src 'self';" in response.header_value("Content-Security-Policy")
    citizen.get_by_label("Tìm kiếm trên trang").fill("gioi thieu")
    citizen.get_by_label("Tìm kiếm trên trang").press("Enter")
    expect(citizen.locator("main")).to_contain_text("Giới thiệu")
    citizen.goto(site_url(agency, "/van-ban/"))
    citizen.locator(".facets").get_by_role("link", name=re.compile("Công nghệ thông tin")).click()
    expect(citizen).to_have_url(re.compile(r"\?.+"))
    citizen.get_by_role("link", name="Quyết định 12/2025/QĐ-UBND").click()
    expect(citizen.locator("h1")).to_contain_text("12/2025/QĐ-UBND")

    # A question, then a dossier with its file.
    citizen.goto(site_url(agency, "/hoi-dap/gui-cau-hoi/"))
    citizen.get_by_label("Họ và tên").fill("Nguyễn Văn Nông")
    citizen.get_by_label("Thư điện tử").fill("nong@example.vn")
    citizen.get_by_label("Tiêu đề").fill("Chữ ký số khi nộp hồ sơ trực tuyến")
    citizen.get_by_label("Nội dung").fill("Tôi có cần chữ ký số để nộp hồ sơ dịch vụ công trực tuyến không?")
    citizen.get_by_role("button", name="Gửi câu hỏi").click()
    expect(citizen.locator("main")).to_contain_text("HD-")
    citizen.goto(site_url(other_agency, procedure.relative_url(other_agency.site) + "nop-truc-tuyen/"))
    citizen.get_by_label("Họ và tên người nộp").fill("Lê Thị Hoa")
    citizen.get_by_label("Thư điện tử").fill("hoa@example.vn")
    citizen.get_by_label("Tên hộ kinh doanh").fill("Tạp hóa Hoa Lý Sơn")
    citizen.get_by_label("Ngày bắt đầu kinh doanh").fill("15/12/2026")
    citizen.get_by_label("Ngành nghề").select_option("Bán lẻ")
    citizen.get_by_label("Giấy đề nghị đăng ký hộ kinh doanh").set_input_files(pdf("de-nghi.pdf", "de nghi"))
    citizen.get_by_role("button", name="Nộp hồ sơ").click()
    expect(citizen.locator("main")).to_contain_text("Mã hồ sơ")

    assert citizen.problems == []
    # The policy is in force, and its refusals are heard: a script injected into the page does not run.
    with citizen.expect_console_message(lambda message: "CSP violation: script-src-elem" in message.text):
        assert not citizen.evaluate(INJECT_SCRIPT)


def test_the_userbar_and_the_page_editor_work_under_the_admins_policy(
    new_page,
    site_url,
    agency,
    editor,
    make_document,  # noqa: F811
):
    document = make_document(agency, "15/2025/QĐ-UBND", "Quy định tiếp công dân")
    page = add_page(section(agency, "gioi-thieu"), "Lịch tiếp công dân", slug="lich-tiep-cong-dan")
    get_document_model().objects.create(
        title="Lịch tiếp công dân năm 2026",
        collection=agency.collection,
        file=ContentFile(pdf_bytes("lich"), "lich.pdf"),
    )
    browser = watched(new_page())

    # On the public page the editor has Wagtail's userbar, whose scripts come from the portal itself.
    response = signed_in(browser, site_url(agency, page.relative_url(agency.site)), editor)
    assert "frame-ancestors 'none'" in response.header_value("Content-Security-Policy")
    browser.locator("#wagtail-userbar-trigger").click()
    expect(browser.locator("#wagtail-userbar-items")).to_be_visible()
    browser.locator("#wagtail-userbar-items").get_by_role("menuitem", name=re.compile("Sửa|Edit")).click()

    # The page editor: its preview panel, a block added, the document chooser opened and closed, a draft saved.
    expect(browser).to_have_url(re.compile(rf"/admin/pages/{page.pk}/edit/"))
    browser.get_by_role("button", name=re.compile("Xem trước|Preview", re.I)).click()
    expect(browser.frame_locator("#w-preview-iframe").locator("h1")).to_have_text("Lịch tiếp công dân", timeout=15_000)
    browser.locator("#id_lead").fill("Lãnh đạo Sở tiếp công dân vào thứ Năm hằng tuần.")
    browser.get_by_role("button", name="Chèn khối").first.click()
    browser.get_by_role("option", name="Tệp tải về").click()
    browser.get_by_role("button", name="Chọn một tài liệu").click()
    browser.get_by_role("dialog").get_by_role("link", name="Lịch tiếp công dân năm 2026").click()
    expect(browser.locator("main")).to_contain_text("Lịch tiếp công dân năm 2026")
    browser.get_by_role("button", name="Lưu bản nháp").click()
    expect(browser.locator(".messages")).to_contain_text("Lịch tiếp công dân")

    # A legal document's editor: its date pickers and inline panels are scripts Wagtail writes inline.
    response = browser.goto(site_url(agency, f"/admin/pages/{document.pk}/edit/"))
    assert "frame-ancestors 'self'" in response.header_value("Content-Security-Policy")
    browser.locator("#id_effective_from").click()
    expect(browser.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
    browser.keyboard.press("Escape")
    browser.locator("#id_relations-ADD").click()
    expect(browser.locator("#id_relations-0-kind")).to_be_visible()
    browser.goto(site_url(agency, "/admin/images/multiple/add/"))
    browser.locator("#fileupload").set_input_files({"name": "anh.png", "mimeType": "image/png", "buffer": PNG})
    expect(browser.locator(".upload-list")).to_contain_text("anh")
    # The editor's autosave, preview and upload requests done before the test's data is flushed.
    browser.wait_for_load_state("networkidle")
    browser.goto("about:blank")

    assert browser.problems == []
