"""The one-stop desk's dossier inbox in the admin (R7, Điều 13): who sees what, the steps, the files, the log."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from services import handling
from services.models import Dossier, DossierAccess, DossierEvent, ProcedureFormField
from tests.documents.conftest import pdf_bytes
from tests.services.helpers import make_dossier
from tests.services.test_catalogue import make_procedure
from vietnam.workdays import add_working_days

pytestmark = pytest.mark.django_db

INDEX = "/admin/ho-so/"
LISTED = re.compile(r'<a href="/admin/ho-so/\d+/">\s*([A-Z]+-\d{6}-\d{4})\s')
Status, Action = Dossier.Status, DossierEvent.Action


@pytest.fixture
def procedure(agency):
    page = make_procedure(agency, "Cấp giấy phép xuất bản bản tin", online_service="toan-trinh")
    page.form_fields = [
        ProcedureFormField(label="Tên hộ kinh doanh", kind="text"),
        ProcedureFormField(label="Ngành nghề", kind="choice", choices="Bán lẻ\nĂn uống"),
    ]
    page.save_revision().publish()
    return page


@pytest.fixture
def desk(agency, make_user):
    """An officer of the agency's one-stop desk."""
    return make_user("motcua_stttt", agency.officers, first_name="Văn An", last_name="Trần")


@pytest.fixture
def colleague(agency, make_user):
    return make_user("motcua_stttt_2", agency.officers, first_name="Thị Bình", last_name="Phạm")


@pytest.fixture
def dossier(procedure):
    dossier = make_dossier(procedure, files=[("Đơn đề nghị cấp giấy phép", "don-de-nghi.pdf", pdf_bytes("don"))])
    mail.outbox.clear()
    return dossier


def handle_url(dossier) -> str:
    return reverse("services_dossiers:handle", args=[dossier.pk])


def file_url(dossier, attached) -> str:
    return reverse("services_dossiers:file", args=[dossier.pk, attached.pk])


def listed(client, **params) -> list[str]:
    """The codes the listing shows, in its order."""
    response = client.get(INDEX, params)
    assert response.status_code == 200
    return LISTED.findall(response.text)


def section(page: str, heading: str) -> str:
    """The HTML of the handling page's section headed by the element with id `heading`."""
    return re.search(rf'aria-labelledby="{heading}">(.*?)</section>', page, re.S).group(1)


def step(client, dossier, name, **fields):
    return client.post(handle_url(dossier), {"step": name, **{f"{name}-{key}": value for key, value in fields.items()}})


# Who sees what -------------------------------------------------------------------------------------------


def test_the_desk_sees_its_agencys_dossiers_and_no_one_elses(client, agency, other_agency, desk, dossier):
    theirs = make_dossier(make_procedure(other_agency, "Đăng ký khai sinh", online_service="toan-trinh"))
    client.force_login(desk)

    assert listed(client) == [dossier.code]
    assert client.get(handle_url(dossier)).status_code == 200
    assert client.get(handle_url(theirs)).status_code == 404
    assert INDEX in client.get("/admin/").text  # the menu item


def test_another_agencys_desk_sees_nothing_of_this_one(client, other_agency, make_user, dossier):
    client.force_login(make_user("motcua_tunghia", other_agency.officers))

    assert listed(client) == []
    assert client.get(handle_url(dossier)).status_code == 404
    assert client.get(file_url(dossier, dossier.files.get())).status_code == 404
    assert not DossierAccess.objects.exists()


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_the_sites_editors_and_bbt_have_no_inbox(client, request, role, dossier):
    client.force_login(request.getfixturevalue(role))

    listing = client.get(INDEX)
    assert listing.status_code == 302 and listing["Location"] == reverse("wagtailadmin_home")
    assert INDEX not in client.get("/admin/").text
    assert client.get(handle_url(dossier)).status_code == 404
    assert client.get(file_url(dossier, dossier.files.get())).status_code == 404
    assert step(client, dossier, Action.NOTE, note="Xem thử.").status_code == 404
    assert not DossierAccess.objects.exists() and dossier.events.count() == 1


def test_outsiders_are_sent_to_the_login_page(client, dossier):
    assert client.get(INDEX).status_code == 302
    assert "/admin/login/" in client.get(handle_url(dossier))["Location"]
    assert "/admin/login/" in client.get(file_url(dossier, dossier.files.get()))["Location"]


def test_a_superuser_sees_every_agencys_dossiers(client, other_agency, make_user, dossier):
    theirs = make_dossier(make_procedure(other_agency, "Đăng ký khai sinh", online_service="toan-trinh"))
    client.force_login(make_user("quantri", is_superuser=True))

    assert sorted(listed(client)) == sorted([dossier.code, theirs.code])
    assert client.get(handle_url(theirs)).status_code == 200


# The handling page -------------------------------------------------------------------------------------------


def test_the_page_shows_the_whole_dossier_and_logs_each_view(client, agency, desk, colleague, dossier):
    handling.add_note(dossier, colleague, "Đã gọi điện cho người nộp.")
    handling.request_supplement(dossier, colleague, "Bản sao giấy phép đăng ký kinh doanh.")
    handling.supplement(
        dossier, "Gửi bổ sung.", [("Giấy phép đăng ký kinh doanh", SimpleUploadedFile("gpkd.pdf", pdf_bytes("gpkd")))]
    )
    client.force_login(desk)
    page = client.get(handle_url(dossier)).text
    client.get(handle_url(dossier))

    assert page.index("Tên hộ kinh doanh") < page.index("Ngành nghề")  # the form's order
    assert page.index("don-de-nghi.pdf") < page.index("gpkd.pdf")  # sent with the dossier, then the supplement
    for shown in (
        dossier.code,
        "Cấp giấy phép xuất bản bản tin",
        agency.name,
        "Lê Thị Hoa",
        "hoa@example.vn",
        "0912345678",
        "Tiếng Việt",
        timezone.localtime(dossier.submitted_at).strftime("%d/%m/%Y"),
        "Tên hộ kinh doanh",
        "Tạp hóa Hoa Lý Sơn",
        "Đơn đề nghị cấp giấy phép",
        "don-de-nghi.pdf",
        "Giấy phép đăng ký kinh doanh",
        "Bổ sung lúc",
        "Bản sao giấy phép đăng ký kinh doanh.",
        "Đang xử lý",
    ):
        assert shown in page, shown
    history = section(page, "history-heading")
    assert re.search(r"Ghi chú nội bộ.*Nội bộ.*Phạm Thị Bình.*Đã gọi điện cho người nộp\.", history, re.S)
    assert page.count("Bổ sung lúc") == 1  # the first file came with the dossier
    views = DossierAccess.objects.filter(dossier=dossier, action=DossierAccess.Action.VIEW)
    assert [(view.user, view.code, view.agency) for view in views] == [(desk, dossier.code, agency)] * 2
    log = section(page, "access-heading")
    assert "Trần Văn An" in log and "Xem hồ sơ" in log  # this view, in the access log


def test_the_desk_can_tell_an_applicant_who_has_no_email_their_security_code(client, desk, dossier):
    """The security code is sent by e-mail only; an applicant with a phone alone asks the desk, which sees it."""
    client.force_login(desk)
    applicant = section(client.get(handle_url(dossier)).text, "applicant-heading")

    assert "Mã bảo mật" in applicant and dossier.security_code in applicant


def test_the_deadline_is_flagged_on_the_page_and_in_the_listing(client, desk, procedure):
    today = timezone.localdate()
    overdue = make_dossier(procedure, due_on=today - timedelta(days=1))
    due_soon = make_dossier(procedure, due_on=today)
    later = make_dossier(procedure, due_on=add_working_days(today, 10))
    client.force_login(desk)

    assert "Quá hạn" in client.get(handle_url(overdue)).text
    assert "Sắp đến hạn" in client.get(handle_url(due_soon)).text
    later_page = client.get(handle_url(later)).text
    assert "Quá hạn" not in later_page and "Sắp đến hạn" not in later_page
    listing = client.get(INDEX).text
    assert listing.count("w-status--critical") == 1 and listing.count("w-status--warning") == 1
    assert listed(client) == [overdue.code, due_soon.code, later.code]  # by due date
    assert overdue.due_on.strftime("%d/%m/%Y") in listing


def test_the_inbox_lists_open_dossiers_by_due_date_then_closed_ones_latest_first(client, desk, procedure):
    today, now = timezone.localdate(), timezone.now()
    # Closed long ago with the earliest due date of all: it still comes after every open dossier.
    handed_back = make_dossier(
        procedure, due_on=today - timedelta(days=30), status=Status.RETURNED, closed_at=now - timedelta(days=9)
    )
    refused = make_dossier(
        procedure, due_on=today - timedelta(days=20), status=Status.REFUSED, closed_at=now - timedelta(days=1)
    )
    later = make_dossier(procedure, due_on=add_working_days(today, 10))
    ready = make_dossier(procedure, due_on=today + timedelta(days=1), status=Status.RESULT_READY, finished_at=now)
    overdue = make_dossier(procedure, due_on=today - timedelta(days=2), status=Status.PROCESSING)
    awaiting = make_dossier(procedure, due_on=today - timedelta(days=1), status=Status.SUPPLEMENT)
    client.force_login(desk)

    assert listed(client) == [overdue.code, awaiting.code, ready.code, later.code, refused.code, handed_back.code]
    # A column the user sorts by still sorts the whole listing.
    assert listed(client, ordering="due_on") == [
        handed_back.code,
        refused.code,
        overdue.code,
        awaiting.code,
        ready.code,
        later.code,
    ]
    assert listed(client, ordering="-due_on")[0] == later.code


# Steps ---------------------------------------------------------------------------------------------------


def test_the_desk_takes_a_dossier_from_receipt_to_handing_over(client, desk, colleague, dossier):
    client.force_login(desk)

    response = step(client, dossier, Action.ASSIGNED, officer=colleague.pk)
    assert response.status_code == 302 and response["Location"] == handle_url(dossier)
    dossier.refresh_from_db()
    assert dossier.officer == colleague and dossier.status == Status.RECEIVED
    assert "Đã thực hiện “Phân công cán bộ xử lý”" in client.get(response["Location"]).text

    expected = [
        (Action.PROCESSING, {"note": "Hồ sơ đủ thành phần."}, Status.PROCESSING, "Hồ sơ đủ thành phần."),
        (Action.SUPPLEMENT_REQUESTED, {"missing": "Thiếu mẫu bản tin."}, Status.SUPPLEMENT, "Thiếu mẫu bản tin."),
    ]
    for name, fields, status, told in expected:
        assert step(client, dossier, name, **fields).status_code == 302
        dossier.refresh_from_db()
        assert dossier.status == status
        assert mail.outbox[-1].to == ["hoa@example.vn"] and told in mail.outbox[-1].body

    handling.supplement(dossier, "Đã gửi mẫu.", [("Mẫu bản tin", SimpleUploadedFile("mau.pdf", pdf_bytes("mau")))])
    assert step(client, dossier, Action.RESULT_READY, note="Giấy phép nhận tại Bộ phận một cửa.").status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == Status.RESULT_READY and dossier.finished_at is not None
    assert "Giấy phép nhận tại Bộ phận một cửa." in mail.outbox[-1].body

    assert step(client, dossier, Action.RETURNED, note="").status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED and dossier.closed_at is not None
    assert mail.outbox[-1].to == ["hoa@example.vn"] and dossier.code in mail.outbox[-1].subject
    assert [(event.action, event.actor) for event in dossier.events.all()] == [
        (Action.RECEIVED, None),
        (Action.ASSIGNED, desk),
        (Action.PROCESSING, desk),
        (Action.SUPPLEMENT_REQUESTED, desk),
        (Action.SUPPLEMENTED, None),
        (Action.RESULT_READY, desk),
        (Action.RETURNED, desk),
    ]
    # A closed dossier offers no step but the internal note.
    assert re.findall(r'name="step" value="([^"]+)"', client.get(handle_url(dossier)).text) == [Action.NOTE]


def test_a_refusal_tells_the_applicant_why(client, desk, dossier):
    client.force_login(desk)

    assert step(client, dossier, Action.REFUSED, reason="Không thuộc thẩm quyền của Sở.").status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == Status.REFUSED and dossier.closed_at is not None
    assert mail.outbox[-1].to == ["hoa@example.vn"] and "Không thuộc thẩm quyền của Sở." in mail.outbox[-1].body


def test_an_internal_note_is_kept_and_not_sent(client, desk, dossier):
    client.force_login(desk)

    assert step(client, dossier, Action.NOTE, note="Chờ ý kiến lãnh đạo.").status_code == 302
    note = dossier.events.get(action=Action.NOTE)
    assert (note.note, note.actor, note.status) == ("Chờ ý kiến lãnh đạo.", desk, Status.RECEIVED)
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("name", "fields", "message"),
    [
        (Action.SUPPLEMENT_REQUESTED, {"missing": "   "}, "Hãy ghi rõ người nộp cần bổ sung những gì."),
        (Action.REFUSED, {"reason": ""}, "Hãy ghi rõ lý do từ chối"),
        (Action.NOTE, {"note": ""}, "Hãy nhập nội dung ghi chú."),
        (Action.NOTE, {"note": "x" * 5001}, "5001"),
        (Action.ASSIGNED, {"officer": ""}, "Hãy chọn cán bộ xử lý."),
        (Action.ASSIGNED, {"officer": "outsider"}, "Hãy chọn một cán bộ trong danh sách."),
    ],
)
def test_an_invalid_form_is_refused_with_its_errors(
    client, other_agency, make_user, desk, dossier, name, fields, message
):
    outsider = make_user("motcua_tunghia", other_agency.officers)  # not of this agency's desk
    if fields.get("officer") == "outsider":
        fields = {"officer": outsider.pk}
    client.force_login(desk)
    response = step(client, dossier, name, **fields)

    assert response.status_code == 400
    assert message in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED and dossier.officer is None and dossier.events.count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize("name", [Action.RETURNED, Action.RESULT_READY, Action.SUPPLEMENTED, "xoa", ""])
def test_a_step_the_state_does_not_allow_is_forbidden(client, desk, dossier, name):
    client.force_login(desk)
    response = step(client, dossier, name, note="Kết quả.")

    assert response.status_code == 403
    assert "Không thể thực hiện bước này" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED and dossier.events.count() == 1


def test_a_refused_step_is_explained(client, desk, dossier, monkeypatch):
    def refused(*args, **kwargs):
        raise handling.StepRefused("Hồ sơ vừa được cán bộ khác xử lý.")

    monkeypatch.setattr(handling, "start", refused)
    client.force_login(desk)
    response = step(client, dossier, Action.PROCESSING, note="")

    assert response.status_code == 400
    assert "Hồ sơ vừa được cán bộ khác xử lý." in response.content.decode()


# Files ---------------------------------------------------------------------------------------------------


def test_files_are_served_to_the_desk_and_logged(client, agency, desk, procedure, dossier):
    other = make_dossier(procedure, files=[("Mẫu bản tin", "mau.pdf", pdf_bytes("mau"))])
    attached, others = dossier.files.get(), other.files.get()
    client.force_login(desk)
    response = client.get(file_url(dossier, attached))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes("don")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "don-de-nghi.pdf" in response["Content-Disposition"]
    assert client.get(file_url(dossier, others)).status_code == 404  # another dossier's file, through this one
    assert client.post(file_url(dossier, attached)).status_code == 405
    access = DossierAccess.objects.get(action=DossierAccess.Action.FILE)
    assert (access.dossier, access.user, access.agency) == (dossier, desk, agency)
    assert access.detail == f"{attached.label} (#{attached.pk})"  # never the file's name: it may hold a person's


# The listing ---------------------------------------------------------------------------------------------


def test_the_listing_filters_by_procedure_in_every_language(client, agency, desk, procedure):
    licence = make_dossier(procedure)
    other_procedure = make_procedure(agency, "Cấp giấy phép hoạt động in", online_service="toan-trinh")
    printing = make_dossier(other_procedure)
    english = procedure.copy_for_translation(Locale.objects.get(language_code="en"))
    in_english = make_dossier(english, language="en")
    client.force_login(desk)

    assert sorted(listed(client, procedure=procedure.pk)) == sorted([licence.code, in_english.code])
    assert listed(client, procedure=other_procedure.pk) == [printing.code]
    select = re.search(r'<select name="procedure".*?</select>', client.get(INDEX).text, re.S).group()
    options = re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select)
    assert sorted(options) == ["Cấp giấy phép hoạt động in", "Cấp giấy phép xuất bản bản tin"]  # no duplicate


def test_the_listing_filters_by_status_deadline_and_officer(client, desk, colleague, procedure):
    today = timezone.localdate()
    overdue = make_dossier(procedure, due_on=today - timedelta(days=2), officer=desk, status=Status.PROCESSING)
    due_soon = make_dossier(procedure, due_on=today, officer=colleague, status=Status.PROCESSING)
    # Awaiting a supplement, its clock stopped: neither due soon nor overdue, whatever its date.
    make_dossier(procedure, due_on=today - timedelta(days=1), officer=colleague, status=Status.SUPPLEMENT)
    later = make_dossier(procedure, due_on=add_working_days(today, 10))
    make_dossier(procedure, due_on=today - timedelta(days=5), status=Status.RETURNED, officer=desk)  # closed
    client.force_login(desk)

    assert listed(client, status=Status.PROCESSING) == [overdue.code, due_soon.code]
    assert listed(client, due="qua-han") == [overdue.code]
    assert listed(client, due="sap-den-han") == [due_soon.code]
    assert len(listed(client, officer="cua-toi")) == 2
    assert overdue.code in listed(client, officer="cua-toi")
    assert due_soon.code in listed(client, officer=str(colleague.pk))
    assert overdue.code not in listed(client, officer=str(colleague.pk))
    assert listed(client, officer="chua-phan-cong") == [later.code]
    assert "Phạm Thị Bình" in client.get(INDEX).text  # a choice, and a column


def test_the_listing_is_searched_by_code_and_by_name_without_diacritics(client, desk, procedure):
    hoa = make_dossier(procedure)
    duong = make_dossier(procedure, applicant="Đặng Văn Đường")
    client.force_login(desk)

    assert listed(client, q=duong.code) == [duong.code]
    assert listed(client, q="dang van duong") == [duong.code]
    assert listed(client, q="Lê Thị") == [hoa.code]


def test_the_listing_takes_the_same_queries_however_many_dossiers(client, desk, colleague, procedure, agency):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(INDEX).status_code == 200
        return len(captured)

    other_procedure = make_procedure(agency, "Cấp giấy phép hoạt động in", online_service="toan-trinh")
    for number in range(3):
        make_dossier(procedure, officer=desk if number % 2 else colleague)
    client.force_login(desk)
    client.get(INDEX)
    few = queries()
    for number in range(27):
        make_dossier(other_procedure if number % 2 else procedure, officer=(desk, colleague, None)[number % 3])

    assert len(listed(client)) == 30
    assert queries() == few
