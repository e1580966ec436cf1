"""Questions and answers (R9): asking, following by code, the BBT and units handling them, publication."""

import re
from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from documents.models import LegalField
from feedback import handling
from feedback.models import Question, QuestionEvent, Unit
from feedback.models.questions import due_date
from home.models import SiteContactSettings
from tests.documents.conftest import pdf_bytes
from vietnam.workdays import is_working_day, working_days_between

pytestmark = pytest.mark.django_db

ASK = "/hoi-dap/gui-cau-hoi/"
LOOKUP = "/hoi-dap/tra-cuu/"


def host(agency) -> dict:
    return {"HTTP_HOST": agency.site.hostname}


def ask(client, agency, path=ASK, **fields):
    data = {
        "kind": "hoi-dap",
        "name": "Nguyễn Văn Nông",
        "email": "nong@example.vn",
        "phone": "",
        "title": "Lệ phí cấp giấy chứng nhận quyền sử dụng đất",
        "body": "Lệ phí cấp giấy chứng nhận quyền sử dụng đất năm 2026 có thay đổi không?",
        "website": "",
        **fields,
    }
    return client.post(path, data, **host(agency))


@pytest.fixture
def land(agency, make_user):
    """A unit of the agency that answers questions, with one member of staff."""
    unit = Unit.objects.create(agency=agency, name="Phòng Quản lý đất đai", email="datdai@quangngai.gov.vn")
    return unit


@pytest.fixture
def clerk(land, make_user):
    return make_user("canbo_datdai", land.staff)


@pytest.fixture
def question(client, agency):
    ask(client, agency)
    mail.outbox.clear()
    return Question.objects.get()


def test_asking_saves_the_question_and_shows_its_code(client, agency, moderator):
    SiteContactSettings.objects.update_or_create(site=agency.site, defaults={"email": "stttt@quangngai.gov.vn"})
    response = ask(client, agency)

    assert response.status_code == 302
    question = Question.objects.get()
    assert re.fullmatch(r"HD-[2-9A-Z]{4}-[2-9A-Z]{4}", question.code)
    assert question.agency == agency and question.status == Question.Status.RECEIVED
    assert question.due_on == due_date(timezone.localdate())
    receipt = client.get(response["Location"], **host(agency))
    assert question.code in receipt.text
    assert [event.action for event in question.events.all()] == [QuestionEvent.Action.RECEIVED]
    # The asker gets the code; the BBT and the site's own address hear of the new question.
    to_asker = next(message for message in mail.outbox if message.to == ["nong@example.vn"])
    assert question.code in to_asker.body and question.code in to_asker.subject
    board = next(message for message in mail.outbox if "bbt_stttt@quangngai.gov.vn" in message.to)
    assert "stttt@quangngai.gov.vn" in board.to and "/admin/hoi-dap/" in board.body


def test_bad_input_is_refused_in_the_visitors_language_and_nothing_is_saved(client, agency):
    missing = ask(client, agency, name="", title="", email="", phone="")
    assert missing.status_code == 400
    assert "Trường này là bắt buộc." in missing.text
    assert "Hãy cho biết thư điện tử hoặc số điện thoại" in missing.text

    english = ask(client, agency, path="/en/questions-and-answers/ask/", name="", email="not-an-email")
    assert english.status_code == 400
    assert "This field is required." in english.text and "Enter a valid email address." in english.text

    assert "Số điện thoại không hợp lệ" in ask(client, agency, email="", phone="12ab").text
    assert "Không gửi được biểu mẫu này." in ask(client, agency, website="http://spam.example").text
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("so-do.pdf", pdf_bytes("so do"), True),
        ("anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100, True),
        ("gia.pdf", b"MZ\x90\x00 not a pdf", False),
        ("rac.pdf", b"%PDF-1.4 junk", False),
        ("virus.exe", b"MZ\x90\x00", False),
        ("lon.pdf", b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024), False),
    ],
)
def test_attachments_are_checked_by_content_and_size_and_kept_private(
    client, agency, settings, name, content, accepted
):
    response = ask(client, agency, attachment=SimpleUploadedFile(name, content))

    assert (response.status_code == 302) is accepted
    if accepted:
        stored = Question.objects.get().attachment
        assert str(settings.PRIVATE_MEDIA_ROOT) in stored.path and str(settings.MEDIA_ROOT) not in stored.path
    else:
        refusals = ("không đúng định dạng", "quá lớn", f"Tệp “{name}” bị hỏng hoặc không phải PDF")
        assert any(refusal in response.text for refusal in refusals)


def test_a_visitor_cannot_flood_the_form(client, agency):
    statuses = [ask(client, agency, title=f"Câu hỏi số {number}").status_code for number in range(6)]

    assert statuses == [302] * 5 + [400]
    assert Question.objects.count() == 5


def test_the_answer_is_due_15_working_days_after_receipt_across_tet():
    received = date(2026, 2, 10)  # a Tuesday, a week before Tết Bính Ngọ
    due = due_date(received)

    assert working_days_between(received, due) == 15 and is_working_day(due)
    assert due == date(2026, 3, 10)  # Tết (16–20 February 2026) does not count
    assert (due - received).days == 28


def test_following_a_question_needs_its_code_and_the_askers_contact(client, agency):
    ask(client, agency, phone="+84 905 123 456")
    code = Question.objects.get().code

    def lookup(code, contact):
        return client.post(LOOKUP, {"code": code, "contact": contact}, **host(agency))

    assert "Mới tiếp nhận" in lookup(code, "NONG@example.vn").text
    assert "Mới tiếp nhận" in lookup(code.lower(), "0905123456").text
    wrong_contact, wrong_code = lookup(code, "other@example.vn"), lookup("HD-AAAA-AAAA", "nong@example.vn")
    not_found = "Không tìm thấy câu hỏi với mã và thông tin liên hệ này."
    assert not_found in wrong_contact.text and not_found in wrong_code.text
    assert "Lệ phí cấp giấy" not in wrong_contact.text


def test_the_bbt_forwards_the_unit_answers_the_bbt_publishes(client, agency, moderator, land, clerk, question):
    field = LegalField.objects.get(name="Đất đai")  # a standard field, made by a migration
    handling.classify(question, moderator, legal_field=field, kind=Question.Kind.QUESTION)
    handling.forward(question, moderator, land, "Đề nghị trả lời trước 20/3.")
    assert (
        mail.outbox[-1].to[:1] == ["datdai@quangngai.gov.vn"] and "canbo_datdai@quangngai.gov.vn" in mail.outbox[-1].to
    )

    handling.add_note(question, clerk, "Đã xin ý kiến Sở Tài chính.")
    handling.notify_progress(question, clerk, "Đang xin ý kiến Sở Tài chính.", date(2026, 12, 20))
    progress = mail.outbox[-1]
    assert progress.to == ["nong@example.vn"] and "Đang xin ý kiến Sở Tài chính." in progress.body
    assert "20/12/2026" in progress.body

    handling.answer(question, clerk, "Lệ phí năm 2026 giữ nguyên theo Nghị quyết của HĐND tỉnh.")
    handling.publish(question, moderator)
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED
    assert "Lệ phí năm 2026 giữ nguyên" in mail.outbox[-1].body and mail.outbox[-1].to == ["nong@example.vn"]
    assert [event.action for event in question.events.all()] == [
        "tiep-nhan", "phan-loai", "chuyen", "ghi-chu", "thong-bao-tien-do", "tra-loi", "cong-khai"
    ]  # fmt: skip

    # The answer is public on the site, searchable without diacritics; the note and contacts are not.
    listing = client.get("/hoi-dap/", {"q": "le phi giay chung nhan"}, **host(agency))
    assert question.title in listing.text
    page = client.get(f"/hoi-dap/{question.pk}/", **host(agency))
    assert "giữ nguyên" in page.text
    for private in ("nong@example.vn", "Nguyễn Văn Nông", "Sở Tài chính."):
        assert private not in page.text and private not in listing.text


def test_the_portal_lists_every_sites_answers(client, portal, agency, moderator, question):
    handling.answer(question, moderator, "Trả lời.")
    handling.publish(question, moderator)

    assert question.title in client.get("/hoi-dap/", **host(portal)).text
    assert client.get(f"/hoi-dap/{question.pk}/", **host(portal)).status_code == 200


def test_out_of_scope_tells_the_asker_why_at_once(agency, moderator, question):
    handling.reject_out_of_scope(question, moderator, "Thuộc thẩm quyền của UBND xã.")

    assert question.status == Question.Status.OUT_OF_SCOPE
    assert mail.outbox[-1].to == ["nong@example.vn"] and "Thuộc thẩm quyền của UBND xã." in mail.outbox[-1].body
    with pytest.raises(handling.StepRefused):
        handling.forward(question, moderator, Unit.objects.create(agency=agency, name="Văn phòng"))


def test_the_name_is_published_only_with_consent(client, agency, moderator):
    ask(client, agency, publish_name="on", title="Câu hỏi có tên")
    ask(client, agency, title="Câu hỏi không tên")
    for question in Question.objects.all():
        handling.answer(question, moderator, "Trả lời.")
        handling.publish(question, moderator)
    named, anonymous = Question.objects.order_by("title")

    assert "Nguyễn Văn Nông" in client.get(f"/hoi-dap/{named.pk}/", **host(agency)).text
    assert "Nguyễn Văn Nông" not in client.get(f"/hoi-dap/{anonymous.pk}/", **host(agency)).text


def test_who_sees_what_in_the_inbox(client, agency, other_agency, moderator, land, clerk, make_user, question):
    other_unit = Unit.objects.create(agency=agency, name="Phòng Tài chính")
    other_clerk = make_user("canbo_taichinh", other_unit.staff)
    other_bbt = make_user("bbt_tunghia", other_agency.moderators)
    handle = reverse("feedback_questions:handle", args=[question.pk])

    def sees(user):
        client.force_login(user)
        listed = question.code in client.get(reverse("feedback_questions:index")).text
        opened = client.get(handle).status_code
        return listed, opened

    assert sees(moderator) == (True, 200)
    assert sees(clerk) == (False, 404)  # not forwarded yet
    handling.forward(question, moderator, land)
    assert sees(clerk) == (True, 200)
    assert sees(other_clerk) == (False, 404)
    assert sees(other_bbt)[1] == 404
    # A unit answers but cannot forward, publish or reject.
    client.force_login(clerk)
    assert client.post(handle, {"step": "cong-khai"}).status_code in (302, 403)  # the admin's "no permission"
    question.refresh_from_db()
    assert question.status == Question.Status.FORWARDED
    assert client.post(handle, {"step": "tra-loi", "tra-loi-answer": "Trả lời của phòng."}).status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED


def test_the_attachment_is_served_only_to_those_handling_the_question(
    client, agency, other_agency, moderator, make_user
):
    ask(client, agency, attachment=SimpleUploadedFile("so-do.pdf", pdf_bytes("so do")))
    question = Question.objects.get()
    url = reverse("feedback_questions:attachment", args=[question.pk])

    assert client.get(url).status_code == 302  # to the login page
    client.force_login(make_user("bbt_tunghia", other_agency.moderators))
    assert client.get(url).status_code == 404
    client.force_login(moderator)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_the_public_list_takes_the_same_queries_however_many_answers(client, agency, moderator):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get("/hoi-dap/", **host(agency))
        return len(captured)

    for number in range(2):
        ask(client, agency, title=f"Câu hỏi {number}")
    for question in Question.objects.all():
        handling.answer(question, moderator, "Trả lời.")
        handling.publish(question, moderator)
    client.get("/hoi-dap/", **host(agency))
    few = queries()
    for number in range(2, 4):
        ask(client, agency, title=f"Câu hỏi {number}")
    for question in Question.objects.filter(status=Question.Status.RECEIVED):
        handling.answer(question, moderator, "Trả lời.")
        handling.publish(question, moderator)
    assert queries() == few


def test_a_petition_starts_from_the_document_it_is_about(client, agency, moderator):
    from tests.documents.conftest import create_lists, document_maker

    document = document_maker(create_lists())(
        agency, "12/2026/QĐ-UBND", "Quy định về thu phí", issued_on=date(2026, 1, 5)
    )
    page = client.get(document.url, **host(agency)).text
    link = re.search(r'href="([^"]+van-ban=\d+)"', page).group(1).replace("&amp;", "&")

    form = client.get(link, **host(agency))
    assert "12/2026/QĐ-UBND" in form.text
    response = ask(client, agency, path=link, kind="kien-nghi", **{"van-ban": str(document.pk)})
    assert response.status_code == 302
    petition = Question.objects.get()
    assert petition.kind == Question.Kind.PETITION and petition.document_id == document.pk
    assert petition.code.startswith("KN-")


def test_the_question_receipt_is_shown_once_on_its_own_section_and_never_cached(client, agency, other_agency):
    location = ask(client, agency)["Location"]
    code = Question.objects.get().code

    other = client.get(location, **host(other_agency))  # another site's section, in the same browser
    shown = client.get(location, **host(agency))
    again = client.get(location, **host(agency))

    assert code not in other.text
    assert shown.status_code == 200 and code in shown.text
    assert again.status_code == 200 and code not in again.text and "chỉ hiển thị một lần" in again.text
    for response in (other, shown, again):
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert '<meta name="robots" content="noindex">' in response.text


def published(agency, moderator, title, body="Câu hỏi.", answer="Trả lời.", legal_field=None) -> Question:
    """A question sent to `agency`, answered and published through the handling steps."""
    question = Question.objects.create(
        agency=agency, name="Lê Thị Hoa", email="hoa@example.vn", title=title, body=body, legal_field=legal_field
    )
    handling.answer(question, moderator, answer)
    handling.publish(question, moderator)
    return question


def listed(client, agency, **params) -> list[str]:
    response = client.get("/hoi-dap/", params, **host(agency))
    assert response.status_code == 200
    return [question.title for question in response.context["questions"]]


def test_published_answers_are_searched_without_diacritics_under_the_field_filter_and_paged(
    client, monkeypatch, agency, moderator
):
    """The words go to Wagtail's search backend (whole words of the title, question and answer, đ folded to d);
    the field filter and the newest-first paging apply to what it found."""
    monkeypatch.setattr("feedback.questions.PAGE_SIZE", 2)
    land = LegalField.objects.get_or_create(name="Đất đai")[0]
    tax = LegalField.objects.get_or_create(name="Thuế")[0]
    first = published(agency, moderator, "Thủ tục đất đai khi tách thửa", legal_field=land)
    published(agency, moderator, "Lệ phí trước bạ", answer="Theo thủ tục đất đai hiện hành.", legal_field=tax)
    published(agency, moderator, "Thủ tục đất đai khi thừa kế", legal_field=land)
    published(agency, moderator, "Đăng ký khai sinh", legal_field=land)
    waiting = Question.objects.create(agency=agency, name="An", email="an@example.vn", title="Thủ tục đất đai mới")

    assert listed(client, agency, q="thu tuc dat dai") == ["Thủ tục đất đai khi thừa kế", "Lệ phí trước bạ"]
    assert listed(client, agency, q="thu tuc dat dai", page="2") == [first.title]
    assert listed(client, agency, q="THU TUC DAT DAI", **{"linh-vuc": "dat-dai"}) == [
        "Thủ tục đất đai khi thừa kế",
        first.title,
    ]
    assert listed(client, agency, q="dat da") == []  # whole words
    assert waiting.title not in listed(client, agency, q="moi")  # not published: not indexed, not listed

    handling.answer(waiting, moderator, "Trả lời.")
    handling.publish(waiting, moderator)
    assert listed(client, agency, q="thu tuc dat dai moi") == [waiting.title]  # found once published


def test_a_searched_list_takes_the_same_queries_however_many_answers_match(client, agency, moderator):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get("/hoi-dap/", {"q": "le phi"}, **host(agency))
        return len(captured)

    published(agency, moderator, "Lệ phí 1", legal_field=LegalField.objects.create(name="Phí"))
    client.get("/hoi-dap/", {"q": "le phi"}, **host(agency))
    few = queries()
    for number in range(2, 6):
        published(agency, moderator, f"Lệ phí {number}", legal_field=LegalField.objects.create(name=f"Phí {number}"))
    assert queries() == few


def test_only_published_questions_reach_the_search_index_and_a_deleted_one_leaves_it(agency, moderator):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    Question.objects.create(agency=agency, name="An", email="an@example.vn", title="Bồi thường giải phóng")
    answered = published(agency, moderator, "Bồi thường giải phóng mặt bằng")
    entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(Question))

    assert list(entries.values_list("object_id", flat=True)) == [str(answered.pk)]
    answered.delete()
    assert not entries.exists()
