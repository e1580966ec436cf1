"""Submitting a dossier online (R7): the procedure's own form, files checked by content, one transaction, a code."""

import re
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.client import BOUNDARY, encode_multipart
from django.utils import timezone

from services.models import Channel, Dossier, DossierComponent, DossierFile, ProcedureFormField
from services.models.dossiers import next_code
from services.models.procedures import RECEIPT_SESSION_KEY
from tests.documents.conftest import encrypted_pdf, office_file, pdf_bytes
from tests.services.test_catalogue import make_procedure
from vietnam.workdays import add_working_days

pytestmark = pytest.mark.django_db

RECOVER = "/thu-tuc-hanh-chinh/lay-lai-ma-bao-mat/"


@pytest.fixture
def procedure(other_agency):
    page = make_procedure(other_agency, "Đăng ký thành lập hộ kinh doanh", online_service="toan-trinh")
    page.components = [
        DossierComponent(name="Giấy đề nghị đăng ký hộ kinh doanh", upload="bat-buoc"),
        DossierComponent(name="Văn bản ủy quyền", upload="tuy-chon"),
        DossierComponent(name="Căn cước của chủ hộ", requirement="xuat-trinh"),
    ]
    page.form_fields = [
        ProcedureFormField(label="Tên hộ kinh doanh", kind="text"),
        ProcedureFormField(label="Ngày bắt đầu kinh doanh", kind="date"),
        ProcedureFormField(label="Ngành nghề", kind="choice", choices="Bán lẻ\nĂn uống\nDịch vụ"),
    ]
    page.save_revision().publish()
    return page


def form_data(client, procedure, agency, **fields):
    """The fields of the form as served (with its token), and the visitor's answers."""
    form = client.get(procedure.url + "nop-truc-tuyen/", HTTP_HOST=agency.site.hostname)
    assert form.status_code == 200
    token = re.search(r'name="token" value="([^"]+)"', form.text).group(1)
    components = dict(DossierComponent.objects.filter(page=procedure).values_list("name", "pk"))
    questions = dict(ProcedureFormField.objects.filter(page=procedure).values_list("label", "pk"))
    return {
        "token": token,
        "applicant": "Lê Thị Hoa",
        "email": "hoa@example.vn",
        "phone": "",
        f"q_{questions['Tên hộ kinh doanh']}": "Tạp hóa Hoa Lý Sơn",
        f"q_{questions['Ngày bắt đầu kinh doanh']}": "15/12/2026",
        f"q_{questions['Ngành nghề']}": "Bán lẻ",
        f"f_{components['Giấy đề nghị đăng ký hộ kinh doanh']}": SimpleUploadedFile(
            "de-nghi.pdf", pdf_bytes("de nghi")
        ),
        "website": "",
        **fields,
    }


def post(client, procedure, agency, data):
    return client.post(procedure.url + "nop-truc-tuyen/", data, HTTP_HOST=agency.site.hostname)


def test_a_dossier_is_saved_with_its_files_and_code(client, other_agency, procedure, settings):
    response = post(client, procedure, other_agency, form_data(client, procedure, other_agency))

    assert response.status_code == 302
    dossier = Dossier.objects.get()
    today = timezone.localdate()
    assert dossier.code == f"TUNGHIA-{today:%y%m%d}-0001"
    assert dossier.answers == [
        ["Tên hộ kinh doanh", "Tạp hóa Hoa Lý Sơn"],
        ["Ngày bắt đầu kinh doanh", "15/12/2026"],
        ["Ngành nghề", "Bán lẻ"],
    ]
    assert dossier.due_on == add_working_days(today, 3)
    assert [event.status for event in dossier.events.all()] == [Dossier.Status.RECEIVED]
    stored = dossier.files.get()
    assert stored.label == "Giấy đề nghị đăng ký hộ kinh doanh"
    assert str(settings.PRIVATE_MEDIA_ROOT) in stored.file.path
    receipt = client.get(response["Location"], HTTP_HOST=other_agency.site.hostname)
    assert dossier.code in receipt.text and dossier.security_code in receipt.text
    assert mail.outbox[-1].to == ["hoa@example.vn"] and dossier.code in mail.outbox[-1].subject


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"applicant": ""}, "Trường này là bắt buộc."),
        ({"email": "", "phone": ""}, "Hãy cho biết thư điện tử hoặc số điện thoại"),
        ({"phone": "12ab", "email": ""}, "Số điện thoại không hợp lệ"),
        ({"q_date": "31/02/2026"}, "Nhập một ngày hợp lệ."),
        ({"q_date": "31/12/9999"}, "Ngày phải trong khoảng từ 01/01/1900 đến 31/12/2100."),
        ({"q_date": "01/01/0001"}, "Ngày phải trong khoảng từ 01/01/1900 đến 31/12/2100."),
        ({"q_choice": "Khai thác mỏ"}, "Hãy chọn một lựa chọn hợp lệ"),
        ({"file": ("de-nghi.pdf", b"MZ\x90\x00 not a pdf")}, "không đúng định dạng"),
        ({"file": ("de-nghi.exe", pdf_bytes("x"))}, "không đúng định dạng"),
        ({"file": ("de-nghi.pdf", b"%PDF-1.4 junk")}, "Tệp “de-nghi.pdf” bị hỏng hoặc không phải PDF"),
        ({"file": ("de-nghi.pdf", encrypted_pdf("bi-mat"))}, "Tệp “de-nghi.pdf” có mật khẩu"),
        ({"file": ("de-nghi.docx", b"PK\x03\x04 a broken archive")}, "bị hỏng hoặc không đúng định dạng"),
        ({"file": ("lon.pdf", b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024))}, "quá lớn"),
        ({"file": None}, "Trường này là bắt buộc."),
        ({"website": "http://spam.example"}, "Không gửi được biểu mẫu này."),
    ],
)
def test_bad_input_is_refused_and_nothing_is_kept(client, other_agency, procedure, settings, fields, message):
    data = form_data(client, procedure, other_agency)
    questions = dict(ProcedureFormField.objects.filter(page=procedure).values_list("kind", "pk"))
    required_file = f"f_{DossierComponent.objects.get(page=procedure, upload='bat-buoc').pk}"
    for name, value in fields.items():
        if name == "file":
            data.pop(required_file)
            if value:
                data[required_file] = SimpleUploadedFile(*value)
        elif name.startswith("q_"):
            data[f"q_{questions[name[2:]]}"] = value
        else:
            data[name] = value
    kept = set(settings.PRIVATE_MEDIA_ROOT.rglob("*"))
    response = post(client, procedure, other_agency, data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Dossier.objects.exists() and not DossierFile.objects.exists()
    assert set(settings.PRIVATE_MEDIA_ROOT.rglob("*")) == kept


def test_the_same_form_sent_twice_makes_one_dossier(client, other_agency, procedure):
    data = form_data(client, procedure, other_agency)
    first = post(client, procedure, other_agency, data)
    data[next(name for name in data if name.startswith("f_"))] = SimpleUploadedFile("de-nghi.pdf", pdf_bytes("x"))
    second = post(client, procedure, other_agency, data)

    assert first.status_code == second.status_code == 302
    assert Dossier.objects.count() == 1


def test_a_procedure_without_an_online_service_takes_no_dossier(client, other_agency):
    offline = make_procedure(other_agency, "Chứng thực chữ ký", online_service="khong")
    offline.channels = [Channel(kind="truc-tiep", working_days=1)]
    offline.save_revision().publish()

    assert client.get(offline.url + "nop-truc-tuyen/", HTTP_HOST=other_agency.site.hostname).status_code == 404
    assert "nop-truc-tuyen" not in client.get(offline.url, HTTP_HOST=other_agency.site.hostname).text


@pytest.mark.django_db(transaction=True)
def test_codes_are_unique_when_many_arrive_at_once(wagtail_roots, other_agency):
    day = timezone.localdate()
    codes, errors = [], []

    def take():
        try:
            codes.append(next_code(other_agency, day))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert sorted(codes) == [f"TUNGHIA-{day:%y%m%d}-{number:04d}" for number in range(1, 21)]


def test_a_failure_after_the_files_are_stored_leaves_nothing(client, other_agency, procedure, settings, monkeypatch):
    def broken_mail(*args, **kwargs):
        raise RuntimeError("the mail queue is down")

    monkeypatch.setattr("services.submission.send_mail", broken_mail)
    data = form_data(client, procedure, other_agency)
    kept = set(settings.PRIVATE_MEDIA_ROOT.rglob("*"))
    with pytest.raises(RuntimeError):
        post(client, procedure, other_agency, data)

    assert not Dossier.objects.exists() and not DossierFile.objects.exists()
    assert {path for path in settings.PRIVATE_MEDIA_ROOT.rglob("*") if path.is_file()} == {
        path for path in kept if path.is_file()
    }


def test_one_address_cannot_flood_the_form(client, other_agency, procedure, monkeypatch):
    monkeypatch.setattr("services.models.procedures.SUBMIT_LIMIT", (1, 3600))
    first = post(client, procedure, other_agency, form_data(client, procedure, other_agency))
    second = post(client, procedure, other_agency, form_data(client, procedure, other_agency))

    assert first.status_code == 302 and second.status_code == 400
    assert "Bạn đã nộp nhiều hồ sơ trong thời gian ngắn" in second.content.decode()
    assert Dossier.objects.count() == 1


# Issue 11.8: the receipt with the security code is shown once, on its own procedure, and never cached.


def test_the_receipt_is_shown_once_on_its_own_procedure_and_never_cached(client, other_agency, procedure):
    elsewhere = make_procedure(other_agency, "Đăng ký khai sinh", online_service="toan-trinh")
    location = post(client, procedure, other_agency, form_data(client, procedure, other_agency))["Location"]
    dossier = Dossier.objects.get()

    other = client.get(elsewhere.url + "da-nop/", HTTP_HOST=other_agency.site.hostname)
    shown = client.get(location, HTTP_HOST=other_agency.site.hostname)
    again = client.get(location, HTTP_HOST=other_agency.site.hostname)

    assert other.status_code == 200
    assert dossier.security_code not in other.text and dossier.code not in other.text
    assert shown.status_code == 200 and dossier.code in shown.text and dossier.security_code in shown.text
    assert again.status_code == 200 and dossier.security_code not in again.text and dossier.code not in again.text
    assert "chỉ hiển thị một lần" in again.text and f'href="{RECOVER}"' in again.text
    for response in (other, shown, again):
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert '<meta name="robots" content="noindex">' in response.text
    assert RECEIPT_SESSION_KEY not in client.session


def test_a_receipt_not_shown_at_once_is_not_shown_later(client, other_agency, procedure):
    location = post(client, procedure, other_agency, form_data(client, procedure, other_agency))["Location"]
    session = client.session
    session[RECEIPT_SESSION_KEY]["at"] -= 16 * 60  # the redirect was not followed; a quarter of an hour passed
    session.save()

    late = client.get(location, HTTP_HOST=other_agency.site.hostname)

    assert late.status_code == 200 and Dossier.objects.get().security_code not in late.text


# Issue 11.14: zip bombs, absurd dates; and names with path parts.


def with_upload(client, procedure, agency, name, content):
    data = form_data(client, procedure, agency)
    required = f"f_{DossierComponent.objects.get(page=procedure, upload='bat-buoc').pk}"
    data[required] = SimpleUploadedFile(name, content)
    return post(client, procedure, agency, data)


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"word/document.xml": 200 * 1024 * 1024}, "khi giải nén lên tới 200,0\xa0MB"),  # the probe's 200 MB bomb
        ({"word/document.xml": 20 * 1024 * 1024}, "gấp"),  # small, but a thousand times its size
    ],
    ids=["200-MB", "ratio"],
)
def test_a_zip_bomb_is_refused(client, other_agency, procedure, settings, members, message):
    bomb = office_file({"[Content_Types].xml": b"<Types/>", **members})
    assert len(bomb) < 1024 * 1024  # what is sent is small
    kept = set(settings.PRIVATE_MEDIA_ROOT.rglob("*"))

    refused = with_upload(client, procedure, other_agency, "de-nghi.docx", bomb)

    assert refused.status_code == 400
    assert "Tệp “de-nghi.docx” không được nhận" in refused.text and message in refused.text
    assert not Dossier.objects.exists() and set(settings.PRIVATE_MEDIA_ROOT.rglob("*")) == kept


def test_an_ordinary_docx_is_accepted(client, other_agency, procedure):
    text = " ".join(f"<w:t>Đề nghị đăng ký hộ kinh doanh số {n}</w:t>" for n in range(300)).encode()
    accepted = with_upload(client, procedure, other_agency, "de-nghi.docx", office_file({"word/document.xml": text}))

    assert accepted.status_code == 302 and Dossier.objects.get().files.get().name == "de-nghi.docx"


def test_a_birth_date_cannot_be_in_the_future(client, other_agency, procedure):
    ProcedureFormField.objects.create(page=procedure, label="Ngày, tháng, năm sinh của chủ hộ", kind="date")
    question = f"q_{ProcedureFormField.objects.get(label__endswith='chủ hộ').pk}"
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y")

    refused = post(client, procedure, other_agency, form_data(client, procedure, other_agency, **{question: tomorrow}))
    accepted = post(
        client, procedure, other_agency, form_data(client, procedure, other_agency, **{question: "02/09/1985"})
    )

    assert refused.status_code == 400 and "Ngày phải trong khoảng từ 01/01/1900 đến hôm nay" in refused.text
    assert accepted.status_code == 302
    assert ["Ngày, tháng, năm sinh của chủ hộ", "02/09/1985"] in Dossier.objects.get().answers


@pytest.mark.parametrize("name", ["../../../portal/settings/de-nghi.pdf", "..\\..\\C:\\Windows\\de-nghi.pdf"])
def test_a_file_name_with_path_parts_is_reduced_to_its_name(client, other_agency, procedure, settings, name):
    data = form_data(client, procedure, other_agency)
    body = encode_multipart(BOUNDARY, data).replace(b'filename="de-nghi.pdf"', f'filename="{name}"'.encode())

    sent = client.post(
        procedure.url + "nop-truc-tuyen/",
        body,
        content_type=f"multipart/form-data;boundary={BOUNDARY}",
        HTTP_HOST=other_agency.site.hostname,
    )

    assert sent.status_code == 302
    stored = Dossier.objects.get().files.get()
    assert stored.name == "de-nghi.pdf"
    assert stored.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT / "ho-so"))


def test_a_file_error_is_shown_when_other_fields_fail_too(client, other_agency, procedure):
    data = form_data(client, procedure, other_agency, email="", phone="")
    required_file = next(name for name in data if name.startswith("f_"))
    data[required_file] = SimpleUploadedFile("de-nghi.pdf", b"%PDF-1.4 junk")

    refused = post(client, procedure, other_agency, data)

    assert refused.status_code == 400
    assert "Hãy cho biết thư điện tử hoặc số điện thoại" in refused.text
    assert "Tệp “de-nghi.pdf” bị hỏng hoặc không phải PDF" in refused.text


def test_a_good_file_sent_with_a_form_that_fails_is_asked_again(client, other_agency, procedure):
    """A browser never shows a chosen file again: the visitor is told, at the field and in the summary."""
    data = form_data(client, procedure, other_agency, applicant="")
    required_file = next(name for name in data if name.startswith("f_"))

    refused = post(client, procedure, other_agency, data)

    assert refused.status_code == 400
    reminder = "Vui lòng chọn lại tệp “de-nghi.pdf”"
    assert refused.text.count(reminder) == 2  # in the summary and at the field
    assert f'aria-describedby="id_{required_file}_helptext id_{required_file}_errors"' in refused.text
    assert "Vui lòng chọn lại" not in post(client, procedure, other_agency, {**data, required_file: ""}).text
