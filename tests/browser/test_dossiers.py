"""In a real browser: a citizen finds a procedure on the portal from a phone, submits a dossier online with its
file, sees the receipt once, has the security code sent again, follows the dossier by its code and security code,
sends the supplement the commune's one-stop desk asks for, and sees the result; the desk handles it in the admin;
nobody else sees it; the public statistics count it."""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Site

from services.models import Dossier, DossierAccess
from tests.browser.test_moderation_flow import log_in
from tests.browser.test_public_site import WCAG_21_AA
from tests.documents.conftest import pdf_bytes
from tests.services import test_submission
from tests.services.test_dossier_admin import make_dossier

pytestmark = pytest.mark.django_db(transaction=True)

procedure = test_submission.procedure  # the fixture: "Đăng ký thành lập hộ kinh doanh" of xã Tư Nghĩa, online

# A phone, with a browser's own user agent: a headless one is a robot to the statistics, its views not counted.
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/124.0.0.0 Mobile Safari/537.36"
    ),
}
TITLE = "Đăng ký thành lập hộ kinh doanh"
NOT_FOUND = "Không tìm thấy hồ sơ với mã hồ sơ và mã bảo mật đã nhập."


def pdf(name: str, text: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": pdf_bytes(text)}


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def assert_fits(page, width=360):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.fixture
def sites_on_live_port(live_server, portal, other_agency):
    """Every site at the live server's port (PORTAL_PORT in production), so links from one site to another work."""
    port = int(live_server.url.rsplit(":", 1)[1])
    for site in Site.objects.all():
        site.port = port
        site.save()  # not update(): saving clears Wagtail's cache of the sites' root paths


def test_a_dossier_from_the_portal_on_a_phone_to_its_result(
    new_page, site_url, sites_on_live_port, portal, other_agency, procedure, officer
):
    citizen = new_page(**PHONE)
    citizen.goto(site_url(portal, "/thu-tuc-hanh-chinh/"))
    citizen.get_by_label("Tìm thủ tục").fill("dang ky ho kinh doanh")
    citizen.get_by_label("Tìm thủ tục").press("Enter")
    found = citizen.locator(".document-item")
    expect(found).to_have_count(1)
    expect(found).to_contain_text("Xã Tư Nghĩa")  # the portal lists every agency's procedures
    assert_accessible(citizen)  # the catalogue with its filters
    assert_fits(citizen)
    found.get_by_role("link", name=TITLE).click()
    expect(citizen.locator("h1")).to_have_text(TITLE)
    assert_accessible(citizen)
    assert_fits(citizen)
    citizen.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()

    citizen.get_by_role("button", name="Nộp hồ sơ").click()  # empty: every error shown, and accessible
    expect(citizen.locator(".error-summary")).to_contain_text("Chưa nộp được")
    expect(citizen.get_by_label("Họ và tên người nộp")).to_have_attribute("aria-invalid", "true")
    expect(citizen.get_by_label("Giấy đề nghị đăng ký hộ kinh doanh")).to_have_attribute("aria-invalid", "true")
    assert_accessible(citizen)
    assert_fits(citizen)
    citizen.get_by_label("Họ và tên người nộp").fill("Lê Thị Hoa")
    citizen.get_by_label("Thư điện tử").fill("hoa@example.vn")
    citizen.get_by_label("Số điện thoại").fill("0905 123 456")
    citizen.get_by_label("Tên hộ kinh doanh").fill("Tạp hóa Hoa Lý Sơn")
    citizen.get_by_label("Ngày bắt đầu kinh doanh").fill("15/12/2026")
    citizen.get_by_label("Ngành nghề").select_option("Bán lẻ")
    citizen.get_by_label("Giấy đề nghị đăng ký hộ kinh doanh").set_input_files(pdf("de-nghi.pdf", "de nghi"))
    citizen.get_by_role("button", name="Nộp hồ sơ").click()

    expect(citizen.locator("h1")).to_have_text("Đã nộp hồ sơ")
    code = citizen.locator(".receipt-code").inner_text().strip()
    assert re.fullmatch(rf"{other_agency.code.upper()}-\d{{6}}-\d{{4}}", code)
    dossier = Dossier.objects.get(code=code)
    assert code == f"{other_agency.code.upper()}-{timezone.localtime(dossier.submitted_at):%y%m%d}-0001"
    secret = citizen.locator(".notice code").inner_text().strip()
    assert secret == dossier.security_code
    assert_fits(citizen)
    citizen.reload()  # shown once: a reload no longer shows the codes
    expect(citizen.locator("main")).to_contain_text("chỉ hiển thị một lần")
    expect(citizen.locator("main")).not_to_contain_text(secret)

    citizen.locator("main").get_by_role("link", name="Tra cứu hồ sơ").click()
    expect(citizen.locator("h1")).to_have_text("Tra cứu hồ sơ")
    assert_accessible(citizen)
    citizen.get_by_label("Mã hồ sơ").fill(code)  # her phone is no security code
    citizen.get_by_label("Mã bảo mật").fill("0905 123 456")
    citizen.get_by_role("button", name="Tra cứu").click()
    expect(citizen.locator("#error-summary")).to_contain_text(NOT_FOUND)
    citizen.get_by_role("link", name="Gửi lại mã bảo mật tới thư điện tử đã khai").click()
    expect(citizen.locator("h1")).to_have_text("Lấy lại mã bảo mật")
    citizen.get_by_label("Mã hồ sơ").fill(code)
    citizen.get_by_label("Thư điện tử hoặc số điện thoại đã khai khi nộp").fill("0905 123 456")
    citizen.get_by_role("button", name="Gửi mã bảo mật").click()
    expect(citizen.get_by_role("status")).to_contain_text("mã bảo mật đã được gửi tới thư điện tử bạn khai khi nộp")
    expect(citizen.locator("main")).not_to_contain_text(secret)
    assert_accessible(citizen)
    assert_fits(citizen)
    (resent,) = [message for message in mail.outbox if message.subject == f"Mã bảo mật của hồ sơ {code}"]
    assert resent.to == ["hoa@example.vn"] and secret in resent.body
    citizen.get_by_role("link", name="Tra cứu hồ sơ").last.click()
    citizen.get_by_label("Mã hồ sơ").fill(code)
    citizen.get_by_label("Mã bảo mật").fill(secret)
    citizen.get_by_role("button", name="Tra cứu").click()
    expect(citizen.locator("h1")).to_have_text(f"Tình trạng hồ sơ {code}")
    expect(citizen.locator(".facts .badge")).to_have_text("Đã tiếp nhận")
    assert secret not in citizen.url

    desk = new_page()
    log_in(desk, site_url(other_agency, "/admin/ho-so/"), officer.username)
    desk.get_by_role("link", name=code).click()
    expect(desk.locator("#files-heading")).to_be_visible()
    with desk.expect_download() as download:
        desk.get_by_role("link", name="de-nghi.pdf").click()
    assert download.value.suggested_filename == "de-nghi.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    desk.get_by_role("button", name="Tiếp nhận, chuyển xử lý").click()
    expect(desk.locator(".messages")).to_contain_text("Đã thực hiện “Tiếp nhận, chuyển xử lý”")
    desk.get_by_label("Nội dung cần bổ sung").fill("Bản sao căn cước của chủ hộ có chứng thực.")
    desk.get_by_role("button", name="Yêu cầu bổ sung", exact=True).click()
    expect(desk.locator(".messages")).to_contain_text("Đã thực hiện “Yêu cầu bổ sung”")

    citizen.reload()
    expect(citizen.locator(".facts .badge")).to_have_text("Yêu cầu bổ sung")
    expect(citizen.locator(".dossier-supplement")).to_contain_text("Bản sao căn cước của chủ hộ có chứng thực.")
    assert_accessible(citizen)
    assert_fits(citizen)
    citizen.get_by_label("Nội dung bổ sung").fill("Gửi bản sao căn cước có chứng thực.")
    citizen.get_by_label("Tệp bổ sung").set_input_files(pdf("can-cuoc.pdf", "can cuoc"))
    citizen.get_by_role("button", name="Gửi bổ sung").click()
    expect(citizen.get_by_role("status")).to_contain_text("Cơ quan đã nhận phần bổ sung của bạn.")
    expect(citizen.locator(".facts .badge")).to_have_text("Đang xử lý")
    expect(citizen.locator(".timeline")).to_contain_text("can-cuoc.pdf")

    desk.reload()
    supplement_row = desk.locator("tr").filter(has=desk.get_by_role("link", name="can-cuoc.pdf"))
    expect(supplement_row).to_contain_text("Hồ sơ bổ sung")
    expect(supplement_row).to_contain_text("Bổ sung lúc")
    desk.get_by_label("Kết quả và cách nhận kết quả").fill("Giấy chứng nhận đăng ký hộ kinh doanh, nhận tại xã.")
    desk.get_by_role("button", name="Có kết quả", exact=True).click()
    expect(desk.locator(".messages")).to_contain_text("Đã thực hiện “Có kết quả”")
    desk.get_by_role("button", name="Trả kết quả", exact=True).click()
    expect(desk.locator(".messages")).to_contain_text("Đã thực hiện “Trả kết quả”")

    citizen.reload()
    expect(citizen.locator(".facts .badge")).to_have_text("Đã trả kết quả")
    dossier.refresh_from_db()  # the days as stored (a story that runs across midnight has two)
    submitted_on, finished_on = (
        f"{timezone.localtime(at):%d/%m/%Y}" for at in (dossier.submitted_at, dossier.finished_at)
    )
    facts = citizen.locator(".facts")
    expect(facts.locator("dt:text-is('Cán bộ xử lý') + dd")).to_have_text("Trần Văn Bình")
    expect(facts.locator("dt:text-is('Ngày nộp') + dd")).to_contain_text(submitted_on)
    expect(facts.locator("dt:text-is('Ngày có kết quả') + dd")).to_have_text(finished_on)
    result = citizen.locator(".timeline li").filter(has_text="Đã có kết quả")
    expect(result).to_contain_text("Cán bộ: Trần Văn Bình")
    expect(result).to_contain_text("Giấy chứng nhận đăng ký hộ kinh doanh, nhận tại xã.")
    expect(result.locator("time")).to_contain_text(finished_on)
    body = citizen.locator("body")
    for private in ["hoa@example.vn", "0905 123 456", "0905123456", "Tạp hóa Hoa Lý Sơn", officer.username]:
        expect(body).not_to_contain_text(private)

    to_applicant = [message.subject for message in mail.outbox if message.to == ["hoa@example.vn"]]
    assert to_applicant == [
        f"Đã tiếp nhận hồ sơ {code}",
        f"Mã bảo mật của hồ sơ {code}",
        f"Hồ sơ {code} đang được xử lý",
        f"Hồ sơ {code} cần bổ sung",
        f"Hồ sơ {code} đã có kết quả",
        f"Hồ sơ {code} đã trả kết quả",
    ]
    assert [message.subject for message in mail.outbox if message.to == [officer.email]] == [
        f"Hồ sơ {code} đã được bổ sung"
    ]

    # The portal's public statistics count the procedure's reading, the dossier, and its result on time.
    citizen.goto(site_url(portal, "/thu-tuc-hanh-chinh/thong-ke/"))
    row = citizen.locator(".statistics-table tbody tr").filter(has=citizen.get_by_role("link", name=TITLE))
    expect(row).to_have_count(1)
    expected = {
        "Cơ quan, địa phương": "Xã Tư Nghĩa",
        "Lượt xem": "1",
        "Hồ sơ tiếp nhận": "1",
        "Đã giải quyết": "1",
        "Đúng hạn": "1",
        "Trễ hạn": "0",
        "Quá hạn chưa giải quyết": "0",
        "Tỷ lệ đúng hạn": "100%",
    }
    for label, value in expected.items():
        expect(row.locator(f"td[data-label='{label}']")).to_have_text(value)
    assert_accessible(citizen)
    assert_fits(citizen)


def test_nobody_outside_the_communes_desk_sees_the_dossier(
    new_page, site_url, agency, other_agency, procedure, make_user
):
    dossier = make_dossier(procedure, files=[("Giấy đề nghị đăng ký hộ kinh doanh", "de-nghi.pdf", pdf_bytes("x"))])
    attached = dossier.files.get()
    handle, file = f"/admin/ho-so/{dossier.pk}/", f"/admin/ho-so/{dossier.pk}/tep/{attached.pk}/"

    elsewhere = new_page()  # the one-stop desk of Sở Thông tin và Truyền thông
    log_in(elsewhere, site_url(agency, "/admin/ho-so/"), make_user("motcua_stttt", agency.officers).username)
    expect(elsewhere.locator("h1")).to_contain_text("Hồ sơ trực tuyến")
    expect(elsewhere.locator("body")).not_to_contain_text(dossier.code)
    assert elsewhere.goto(site_url(agency, handle)).status == 404
    assert elsewhere.goto(site_url(agency, file)).status == 404

    board = new_page()  # xã Tư Nghĩa's own editorial board: not its one-stop desk
    log_in(board, site_url(other_agency, "/admin/ho-so/"), make_user("bbt_tunghia", other_agency.moderators).username)
    assert board.url == site_url(other_agency, "/admin/")  # sent back to the dashboard
    expect(board.locator("body")).not_to_contain_text(dossier.code)
    expect(board.get_by_role("link", name="Hồ sơ trực tuyến")).to_have_count(0)  # no menu item
    assert board.goto(site_url(other_agency, handle)).status == 404
    assert board.goto(site_url(other_agency, file)).status == 404
    assert not DossierAccess.objects.filter(dossier=dossier).exists()  # nothing was opened


def test_a_wrong_security_code_reads_like_an_unknown_code(new_page, site_url, other_agency, procedure):
    dossier = make_dossier(procedure)
    wrong = dossier.secret[:-1] + ("A" if dossier.secret[-1] != "A" else "B")
    unknown = dossier.code[:-1] + ("9" if dossier.code[-1] != "9" else "8")

    page = new_page(**PHONE)
    readings = []
    for code, secret in [(dossier.code, wrong), (unknown, dossier.secret)]:
        page.goto(site_url(other_agency, "/thu-tuc-hanh-chinh/tra-cuu-ho-so/"))
        page.get_by_label("Mã hồ sơ").fill(code)
        page.get_by_label("Mã bảo mật").fill(secret)
        with page.expect_response(lambda response: response.request.method == "POST") as sent:
            page.get_by_role("button", name="Tra cứu").click()
        assert sent.value.status == 400
        expect(page.locator("#error-summary")).to_contain_text(NOT_FOUND)
        expect(page.get_by_label("Mã hồ sơ")).to_have_value(code)
        readings.append(page.locator("main").inner_text())

    assert readings[0] == readings[1]
    assert dossier.applicant not in readings[0]
