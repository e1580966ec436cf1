"""The applicant's tracking page (R7, Điều 11–13): found with the code and the security code only, the steps with the
officer's name but nothing private, and the supplement sent from it; a forgotten security code sent again to the
applicant's e-mail, never shown."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from services import handling, tracking
from services.models import Dossier, DossierAccess, DossierEvent, DossierFile
from tests.documents.conftest import pdf_bytes
from tests.services import test_submission
from tests.services.helpers import make_dossier
from vietnam.workdays import add_working_days, working_days_between

pytestmark = pytest.mark.django_db

TRACK = "/thu-tuc-hanh-chinh/tra-cuu-ho-so/"
RECOVER = "/thu-tuc-hanh-chinh/lay-lai-ma-bao-mat/"
NOT_FOUND = "Không tìm thấy hồ sơ với mã hồ sơ và mã bảo mật đã nhập."
RECOVER_ANSWER = "Nếu mã hồ sơ và thông tin liên hệ khớp với hồ sơ đã nộp"
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 100

procedure = test_submission.procedure  # the fixture: a procedure of xã Tư Nghĩa taking dossiers online


def host(agency) -> dict:
    return {"HTTP_HOST": agency.site.hostname}


@pytest.fixture
def dossier(client, other_agency, procedure):
    """A dossier submitted through the online form, with an email and a phone (another client tracks it)."""
    data = test_submission.form_data(client, procedure, other_agency, phone="0905 123 456")
    assert test_submission.post(client, procedure, other_agency, data).status_code == 302
    mail.outbox.clear()
    return Dossier.objects.get()


@pytest.fixture
def visitor():
    """The applicant's browser, without the session the dossier was submitted in."""
    return Client()


def lookup(client, agency, code, secret, path=TRACK):
    return client.post(path, {"code": code, "secret": secret}, **host(agency))


def status_page(client, agency, dossier, path=TRACK):
    """The dossier's status page, opened through the lookup form with its secret."""
    found = lookup(client, agency, dossier.code, dossier.secret, path)
    assert found.status_code == 302 and found["Location"] == f"{path}{dossier.code}/"
    return client.get(found["Location"], **host(agency))


def test_a_dossier_is_found_by_its_code_and_security_code(visitor, other_agency, dossier):
    found = lookup(visitor, other_agency, f" {dossier.code.lower()} ", f" {dossier.security_code} ")

    assert found.status_code == 302 and found["Location"] == f"{TRACK}{dossier.code}/"
    page = visitor.get(found["Location"], **host(other_agency))
    assert page.status_code == 200
    assert dossier.code in page.text and "Đăng ký thành lập hộ kinh doanh" in page.text
    assert "Đã tiếp nhận" in page.text and "Xã Tư Nghĩa" in page.text and "Lê Thị Hoa" in page.text
    assert dossier.secret not in found["Location"] and dossier.security_code not in page.text


# Issue 12.6: a short security code of an unambiguous alphabet, read and typed without regard to case or grouping.


def test_a_new_security_code_is_short_unambiguous_and_shown_grouped(dossier):
    assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTVWXYZ]{10}", dossier.secret)
    assert dossier.security_code == f"{dossier.secret[:4]}-{dossier.secret[4:8]}-{dossier.secret[8:]}"
    assert len({make_dossier(dossier.procedure, email="").secret for _ in range(20)}) == 20


@pytest.mark.parametrize(
    "typed",
    [
        lambda code: code.lower(),  # as shown, in lowercase
        lambda code: " ".join(code.replace("-", "")),  # spaced out
        lambda code: code.replace("-", " ").lower(),  # groups by spaces
        lambda code: code.replace("-", ""),  # no grouping at all
    ],
)
def test_a_new_security_code_opens_the_dossier_whatever_its_case_and_grouping(visitor, other_agency, dossier, typed):
    assert lookup(visitor, other_agency, dossier.code, typed(dossier.security_code)).status_code == 302


def test_a_wrong_new_security_code_still_fails(visitor, other_agency, dossier):
    wrong = dossier.secret[:-1] + ("A" if dossier.secret[-1] != "A" else "B")
    for attempt in (wrong, wrong.lower(), dossier.secret[:-1], dossier.secret + "A", f"{dossier.secret}-{wrong}"):
        assert lookup(visitor, other_agency, dossier.code, attempt).status_code == 400


def test_an_old_security_code_still_opens_its_dossier_exactly_as_given(visitor, other_agency, dossier):
    old = "aB0-O1lI_xyzXYZ12345678k"  # secrets.token_urlsafe(18), as dossiers were given before
    Dossier.objects.filter(pk=dossier.pk).update(secret=old)
    dossier.refresh_from_db()

    assert dossier.security_code == old
    for attempt in (old.swapcase(), old.upper(), old.replace("-", ""), old[:-1]):
        assert lookup(Client(), other_agency, dossier.code, attempt).status_code == 400
    assert lookup(visitor, other_agency, dossier.code, f" {old} ").status_code == 302


def test_not_found_reads_the_same_whatever_was_wrong(visitor, portal, agency, other_agency, dossier):
    wrong = dossier.secret[:-1] + ("A" if dossier.secret[-1] != "A" else "B")
    attempts = [
        lookup(visitor, other_agency, dossier.code, wrong),
        lookup(visitor, other_agency, dossier.code, dossier.secret[:-1]),  # a character short
        lookup(visitor, other_agency, dossier.code, "khac@example.vn"),
        lookup(visitor, other_agency, dossier.code, "0905 123 457"),
        lookup(visitor, other_agency, dossier.code[:-1] + "9", dossier.secret),  # an unknown code
        lookup(visitor, agency, dossier.code, dossier.secret),  # another agency's site
    ]

    assert {response.status_code for response in attempts} == {400}
    assert all(NOT_FOUND in response.text for response in attempts)
    assert all("Lê Thị Hoa" not in response.text for response in attempts)
    assert wrong not in attempts[0].text and "khac@example.vn" not in attempts[2].text  # not shown back
    assert dossier.code in attempts[0].text  # the code is, to be corrected
    assert visitor.get(f"{TRACK}{dossier.code}/", **host(agency))["Location"] == TRACK
    assert visitor.get(f"{TRACK}{dossier.code}/", **host(other_agency))["Location"] == TRACK
    # The portal follows every agency's dossiers.
    assert "Lê Thị Hoa" in status_page(visitor, portal, dossier).text


def test_lookups_are_limited_per_address(visitor, other_agency, dossier):
    statuses = [lookup(visitor, other_agency, dossier.code, f"sai-{number}").status_code for number in range(20)]
    limited = lookup(visitor, other_agency, dossier.code, dossier.secret)

    assert statuses == [400] * 20
    assert limited.status_code == 429 and "Bạn đã tra cứu nhiều lần trong thời gian ngắn" in limited.text
    assert visitor.get(f"{TRACK}{dossier.code}/", **host(other_agency)).status_code == 302  # not opened


def test_the_status_page_opens_only_to_the_session_that_looked_it_up(visitor, other_agency, dossier):
    status_page(visitor, other_agency, dossier)
    stranger = Client()

    assert visitor.get(f"{TRACK}{dossier.code}/", **host(other_agency)).status_code == 200
    assert stranger.get(f"{TRACK}{dossier.code}/", **host(other_agency))["Location"] == TRACK
    # A lookup is not a GET away, and the session forgets the dossier after a while.
    assert visitor.get(TRACK, {"code": dossier.code, "secret": dossier.secret}, **host(other_agency)).status_code == 200
    session = visitor.session
    session[tracking.SESSION_KEY] = [[dossier.pk, 0]]
    session.save()
    assert visitor.get(f"{TRACK}{dossier.code}/", **host(other_agency))["Location"] == TRACK


def test_the_status_page_shows_the_steps_and_officers_but_nothing_private(visitor, other_agency, dossier, officer):
    handling.start(dossier, officer, "Hồ sơ hợp lệ, chuyển phòng chuyên môn.")
    handling.add_note(dossier, officer, "Đã gọi điện nhắc người nộp.")
    handling.request_supplement(dossier, officer, "Bản sao căn cước có chứng thực.")
    page = status_page(visitor, other_agency, dossier)

    text = page.text
    assert "Trần Văn Bình" in text and "Hồ sơ hợp lệ, chuyển phòng chuyên môn." in text
    assert "Bản sao căn cước có chứng thực." in text and "Yêu cầu bổ sung" in text
    requested = dossier.events.get(action=DossierEvent.Action.SUPPLEMENT_REQUESTED)
    assert timezone.localtime(requested.at).strftime("%d/%m/%Y %H:%M") in text
    assert dossier.due_on.strftime("%d/%m/%Y") in text
    assert "de-nghi.pdf" in text  # the names of the files sent
    # No internal note, no contact details, no answers, nothing of the officer but their name.
    for private in (
        "Đã gọi điện nhắc người nộp.",
        "Ghi chú nội bộ",
        "hoa@example.vn",
        "0905 123 456",
        "0905123456",
        "Tạp hóa Hoa Lý Sơn",
        "motcua@quangngai.gov.vn",
        dossier.secret,
    ):
        assert private not in text, private
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in text
    access = DossierAccess.objects.get()
    assert (access.dossier, access.agency, access.user, access.action) == (
        dossier,
        other_agency,
        None,
        DossierAccess.Action.STATUS,
    )
    visitor.get(f"{TRACK}{dossier.code}/", **host(other_agency))
    assert DossierAccess.objects.filter(action=DossierAccess.Action.STATUS).count() == 2


def test_the_status_page_takes_the_same_queries_however_long_the_history(visitor, other_agency, dossier, officer):
    status_page(visitor, other_agency, dossier)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert visitor.get(f"{TRACK}{dossier.code}/", **host(other_agency)).status_code == 200
        return len(captured)

    short = queries()
    handling.start(dossier, officer, "Hồ sơ hợp lệ.")
    for round_ in range(3):
        handling.request_supplement(dossier, officer, f"Lần {round_}: thiếu giấy tờ.")
        handling.supplement(dossier, "Đã bổ sung.", [("Hồ sơ bổ sung", SimpleUploadedFile("bs.pdf", pdf_bytes("b")))])
        dossier.refresh_from_db()
        handling.add_note(dossier, officer, "Ghi chú.")
    assert dossier.events.count() == 11
    assert queries() == short


def supplement(client, agency, dossier, files=(), **fields):
    data = {"note": "Gửi bản sao căn cước có chứng thực.", "website": "", "files": list(files), **fields}
    return client.post(f"{TRACK}{dossier.code}/", data, **host(agency))


@pytest.fixture
def awaited(visitor, other_agency, dossier, officer):
    """The dossier, asked for a supplement 10 days ago, opened in the visitor's session."""
    handling.start(dossier, officer)
    handling.request_supplement(dossier, officer, "Bản sao căn cước có chứng thực.")
    DossierEvent.objects.filter(action=DossierEvent.Action.SUPPLEMENT_REQUESTED).update(
        at=timezone.now() - timedelta(days=10)
    )
    assert "Gửi bổ sung" in status_page(visitor, other_agency, dossier).text
    mail.outbox.clear()
    return Dossier.objects.get(pk=dossier.pk)


def test_a_supplement_is_received_and_the_clock_restarts(visitor, other_agency, awaited, settings):
    asked_at = awaited.events.get(action=DossierEvent.Action.SUPPLEMENT_REQUESTED).at
    waited = working_days_between(asked_at, timezone.localdate())
    files = [SimpleUploadedFile("can-cuoc.pdf", pdf_bytes("cc")), SimpleUploadedFile("anh.png", PNG)]
    sent = supplement(visitor, other_agency, awaited, files)

    assert sent.status_code == 302 and sent["Location"] == f"{TRACK}{awaited.code}/"
    dossier = Dossier.objects.get(pk=awaited.pk)
    assert dossier.status == Dossier.Status.PROCESSING
    assert waited > 0 and dossier.due_on == add_working_days(awaited.due_on, waited)
    event = dossier.events.get(action=DossierEvent.Action.SUPPLEMENTED)
    assert event.note == "Gửi bản sao căn cước có chứng thực." and event.actor is None
    stored = list(event.files.order_by("pk"))
    assert [(item.name, item.label) for item in stored] == [
        ("can-cuoc.pdf", "Hồ sơ bổ sung"),
        ("anh.png", "Hồ sơ bổ sung"),
    ]
    assert all(str(settings.PRIVATE_MEDIA_ROOT) in item.file.path for item in stored)
    assert all(str(settings.MEDIA_ROOT) not in item.file.path for item in stored)
    (to_officer,) = mail.outbox
    assert to_officer.to == ["motcua@quangngai.gov.vn"] and awaited.code in to_officer.subject

    page = visitor.get(sent["Location"], **host(other_agency))
    assert "Cơ quan đã nhận phần bổ sung của bạn." in page.text and "Đang xử lý" in page.text
    assert "can-cuoc.pdf" in page.text and "Gửi bổ sung" not in page.text
    assert "Cơ quan đã nhận phần bổ sung" not in visitor.get(sent["Location"], **host(other_agency)).text  # once


@pytest.mark.parametrize(
    ("files", "fields", "message"),
    [
        ([("gia.pdf", b"MZ\x90\x00 not a pdf")], {}, "không đúng định dạng"),
        ([("rac.pdf", b"%PDF-1.4 junk")], {}, "Tệp “rac.pdf” bị hỏng hoặc không phải PDF"),
        ([("virus.exe", b"MZ\x90\x00")], {}, "không đúng định dạng"),
        ([("lon.pdf", b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024))], {}, "quá lớn"),
        ([(f"bs-{n}.png", PNG) for n in range(6)], {}, "Chỉ gửi được tối đa 5 tệp mỗi lần"),
        ([], {"note": ""}, "Hãy ghi nội dung bổ sung hoặc chọn ít nhất một tệp."),
        ([], {"note": "x" * 5001}, "tối đa 5000 kí tự"),
        ([("anh.png", PNG)], {"website": "http://spam.example"}, "Không gửi được biểu mẫu này."),
    ],
    ids=["content", "unreadable-pdf", "extension", "size", "count", "empty", "long-note", "honeypot"],
)
def test_a_bad_supplement_is_refused_and_nothing_is_kept(
    visitor, other_agency, awaited, settings, files, fields, message
):
    kept = {path for path in settings.PRIVATE_MEDIA_ROOT.rglob("*") if path.is_file()}
    events = awaited.events.count()
    refused = supplement(visitor, other_agency, awaited, [SimpleUploadedFile(*file) for file in files], **fields)

    assert refused.status_code == 400 and message in refused.content.decode()
    if fields.get("note"):
        assert fields["note"] in refused.content.decode()  # what was typed is kept
    assert Dossier.objects.get(pk=awaited.pk).status == Dossier.Status.SUPPLEMENT
    assert awaited.events.count() == events and not DossierFile.objects.filter(event__isnull=False).exists()
    assert {path for path in settings.PRIVATE_MEDIA_ROOT.rglob("*") if path.is_file()} == kept
    assert not mail.outbox


def test_the_supplements_files_together_are_limited(visitor, other_agency, awaited, monkeypatch):
    monkeypatch.setattr(tracking, "MAX_FILES_SIZE", 150)
    refused = supplement(
        visitor, other_agency, awaited, [SimpleUploadedFile("a.png", PNG), SimpleUploadedFile("b.png", PNG)]
    )

    assert refused.status_code == 400 and "Các tệp bổ sung quá lớn" in refused.text
    assert not DossierFile.objects.filter(event__isnull=False).exists()


def test_supplements_are_limited_per_address(visitor, other_agency, awaited, monkeypatch):
    monkeypatch.setattr(tracking, "SUPPLEMENT_LIMIT", (0, 3600))
    limited = supplement(visitor, other_agency, awaited)

    assert limited.status_code == 429 and "Bạn đã gửi bổ sung nhiều lần" in limited.text
    assert Dossier.objects.get(pk=awaited.pk).status == Dossier.Status.SUPPLEMENT


def test_a_supplement_nobody_awaits_is_not_kept(visitor, other_agency, awaited, officer):
    handling.refuse(awaited, officer, "Quá thời hạn bổ sung.")
    mail.outbox.clear()
    events = awaited.events.count()
    late = supplement(visitor, other_agency, awaited, [SimpleUploadedFile("anh.png", PNG)])

    assert late.status_code == 409 and "Hồ sơ này hiện không chờ bổ sung" in late.text
    assert "Từ chối" in late.text and "Quá thời hạn bổ sung." in late.text and "Gửi bổ sung" not in late.text
    assert awaited.events.count() == events and not DossierFile.objects.filter(event__isnull=False).exists()
    assert not mail.outbox


def test_the_tracking_pages_work_in_english(visitor, other_agency, dossier):
    path = "/en/administrative-procedures/track-dossier/"
    missing = visitor.post(path, {"code": "", "secret": ""}, **host(other_agency))
    assert missing.status_code == 400 and "This field is required." in missing.text

    page = status_page(visitor, other_agency, dossier, path=path)
    assert page.status_code == 200 and '<html lang="en">' in page.text
    assert "Dossier code" in page.text and dossier.code in page.text
    assert f'href="{path}"' in page.text  # back to the English lookup


def test_the_catalogue_and_the_receipt_lead_to_the_lookup(client, other_agency, procedure):
    catalogue = client.get("/thu-tuc-hanh-chinh/", **host(other_agency))
    assert f'href="{TRACK}"' in catalogue.text and "Tra cứu hồ sơ" in catalogue.text

    data = test_submission.form_data(client, procedure, other_agency)
    receipt = client.get(test_submission.post(client, procedure, other_agency, data)["Location"], **host(other_agency))
    assert f'href="{TRACK}"' in receipt.text


# Issue 11.7: the phone or e-mail given with a dossier no longer opens it; it only has its security code sent again.


def address(number: int) -> dict:
    """Another client address (REMOTE_ADDR), as a guesser spread over many machines would have."""
    return {"REMOTE_ADDR": f"10.11.{number // 250}.{number % 250 + 1}"}


def test_walking_sixty_codes_with_a_guessed_phone_opens_nothing(other_agency, procedure):
    dossiers = [make_dossier(procedure, phone=f"0912 000 {number:03d}", email="") for number in range(60)]
    target = dossiers[41]
    Dossier.objects.filter(pk=target.pk).update(phone="0905 123 456", status=Dossier.Status.SUPPLEMENT)
    walker = Client()

    answers = [
        walker.post(TRACK, {"code": item.code, "secret": "0905123456"}, **host(other_agency), **address(number))
        for number, item in enumerate(dossiers)
    ]

    assert {answer.status_code for answer in answers} == {400}
    assert all(NOT_FOUND in answer.text for answer in answers)
    opened = walker.get(f"{TRACK}{target.code}/", **host(other_agency))
    assert opened.status_code == 302 and opened["Location"] == TRACK
    sent = supplement(walker, other_agency, target, [SimpleUploadedFile("anh.png", PNG)])
    assert sent.status_code == 302 and sent["Location"] == TRACK
    assert not DossierEvent.objects.filter(action=DossierEvent.Action.SUPPLEMENTED).exists()
    assert not DossierAccess.objects.filter(action=DossierAccess.Action.STATUS).exists()


@pytest.mark.parametrize("contact", ["hoa@example.vn", "0905 123 456"], ids=["email", "phone"])
def test_the_supplement_form_needs_the_security_code(visitor, other_agency, dossier, officer, contact):
    handling.start(dossier, officer)
    handling.request_supplement(dossier, officer, "Bản sao căn cước có chứng thực.")

    refused = lookup(visitor, other_agency, dossier.code, contact)
    sent = supplement(visitor, other_agency, dossier, [SimpleUploadedFile("anh.png", PNG)])

    assert refused.status_code == 400 and NOT_FOUND in refused.text
    assert sent.status_code == 302 and sent["Location"] == TRACK
    assert Dossier.objects.get(pk=dossier.pk).status == Dossier.Status.SUPPLEMENT
    assert not DossierFile.objects.filter(event__isnull=False).exists()
    assert "Gửi bổ sung" in status_page(visitor, other_agency, dossier).text  # with the security code, it opens


def test_wrong_security_codes_on_one_code_from_many_addresses_are_limited(other_agency, dossier):
    wrong = [
        Client().post(TRACK, {"code": dossier.code, "secret": f"sai-{n}"}, **host(other_agency), **address(n))
        for n in range(tracking.CODE_FAILURES_LIMIT[0])
    ]
    # The sixth attempt, even with the right security code and from a new address, finds nothing for an hour.
    locked = Client().post(TRACK, {"code": dossier.code, "secret": dossier.secret}, **host(other_agency), **address(9))

    assert [answer.status_code for answer in wrong] == [400] * 5
    assert locked.status_code == 400 and NOT_FOUND in locked.text and "Lê Thị Hoa" not in locked.text
    assert "tạm dừng tra cứu trong một giờ" in locked.text  # the one message says so, whatever the code
    # The desk sees the failed attempts in the dossier's access log.
    assert DossierAccess.objects.filter(dossier=dossier, action=DossierAccess.Action.FAILED).count() == 5
    # An hour later the code opens again with its security code.
    DossierAccess.objects.filter(action=DossierAccess.Action.FAILED).update(at=timezone.now() - timedelta(minutes=61))
    later = Client()
    assert lookup(later, other_agency, dossier.code, dossier.secret).status_code == 302


def recover(client, agency, code, contact, **extra):
    return client.post(RECOVER, {"code": code, "contact": contact}, **host(agency), **extra)


def answer_of(response) -> str:
    """The page's main content without the form's per-response CSRF token."""
    main = response.text[response.text.index("<main") : response.text.index("</main>")]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", main)


def test_a_forgotten_security_code_is_sent_to_the_email_on_file_only(visitor, other_agency, dossier):
    form = visitor.get(RECOVER, **host(other_agency))
    assert form.status_code == 200 and "no-store" in form["Cache-Control"]
    assert f'href="{RECOVER}"' in visitor.get(TRACK, **host(other_agency)).text  # the lookup leads to it

    matching = recover(visitor, other_agency, dossier.code, "+84 905.123.456")

    assert matching.status_code == 200 and RECOVER_ANSWER in matching.text
    assert "một cửa" in matching.text  # where to go when there is no e-mail
    assert dossier.security_code not in matching.text and "hoa@example.vn" not in matching.text
    (sent,) = mail.outbox
    assert sent.to == ["hoa@example.vn"] and dossier.code in sent.subject and "Mã bảo mật" in sent.subject
    assert dossier.security_code in sent.body and TRACK in sent.body
    assert "private" in matching["Cache-Control"] and "no-store" in matching["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in matching.text
    recovered = DossierAccess.objects.get(action=DossierAccess.Action.RECOVER)
    assert (recovered.dossier, recovered.user) == (dossier, None)

    # A contact that does not match, and an unknown code, read exactly the same and send nothing.
    mail.outbox.clear()
    unmatched = recover(Client(), other_agency, dossier.code, "khac@example.vn")
    unknown = recover(Client(), other_agency, dossier.code[:-1] + "9", "hoa@example.vn")
    assert unmatched.status_code == unknown.status_code == 200
    assert answer_of(unmatched) == answer_of(unknown) == answer_of(matching)
    assert not mail.outbox


def test_a_phone_only_applicant_is_sent_nothing_and_told_the_same(visitor, other_agency, procedure):
    dossier = make_dossier(procedure, email="", phone="0905 123 456")

    answer = recover(visitor, other_agency, dossier.code, "0905 123 456")

    assert answer.status_code == 200 and RECOVER_ANSWER in answer.text and "một cửa" in answer.text
    assert dossier.security_code not in answer.text
    assert not mail.outbox


def test_the_security_code_is_sent_in_the_applicants_language(visitor, other_agency, procedure):
    dossier = make_dossier(procedure, language="en")

    recover(visitor, other_agency, dossier.code, "hoa@example.vn")

    (sent,) = mail.outbox
    assert "Dossier code" in sent.body and dossier.security_code in sent.body
    assert "/en/administrative-procedures/track-dossier/" in sent.body


def test_recoveries_are_limited_per_code_and_per_address(other_agency, dossier, monkeypatch):
    per_code, _day = tracking.CODE_RECOVERIES_LIMIT
    answers = [
        recover(Client(), other_agency, dossier.code, "hoa@example.vn", **address(n)) for n in range(per_code + 2)
    ]

    assert {answer.status_code for answer in answers} == {200}  # the same answer: no sign of the limit
    assert len(mail.outbox) == per_code

    monkeypatch.setattr(tracking, "RECOVER_LIMIT", (1, 3600))
    walker = Client()
    assert recover(walker, other_agency, "TUNGHIA-260101-0001", "0905123456").status_code == 200
    limited = recover(walker, other_agency, "TUNGHIA-260101-0002", "0905123456")
    assert limited.status_code == 429 and "nhiều lần trong thời gian ngắn" in limited.text
