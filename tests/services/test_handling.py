"""Handling a dossier (R7, Điều 13): the steps from receipt to result or refusal, who may take them, what the
applicant is told, and the clock that stops while a supplement is awaited."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from services import handling
from services.handling import StepRefused
from services.models import Dossier, DossierEvent
from tests.documents.conftest import pdf_bytes
from tests.services import test_submission
from tests.services.helpers import make_dossier
from vietnam.workdays import add_working_days, is_working_day

pytestmark = pytest.mark.django_db

Status, Action = Dossier.Status, DossierEvent.Action
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

procedure = test_submission.procedure  # the fixture: a procedure of xã Tư Nghĩa taking dossiers online

# Where each step may start from, written out here (not read from handling) so that a change shows.
OPEN = {Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT}
STEPS = {
    "start": ({Status.RECEIVED}, Status.PROCESSING),
    "request_supplement": ({Status.RECEIVED, Status.PROCESSING}, Status.SUPPLEMENT),
    "supplement": ({Status.SUPPLEMENT}, Status.PROCESSING),
    "finish": ({Status.PROCESSING}, Status.RESULT_READY),
    "hand_over": ({Status.RESULT_READY}, Status.RETURNED),
    "refuse": (OPEN, Status.REFUSED),
    "assign": (OPEN, None),  # None: the status does not change
    "add_note": (set(Status), None),
}


def put_in(dossier: Dossier, status: str) -> Dossier:
    """`dossier` moved to `status` behind handling's back (with the request a supplement answers)."""
    Dossier.objects.filter(pk=dossier.pk).update(status=status)
    if status == Status.SUPPLEMENT:
        DossierEvent.objects.create(dossier=dossier, action=Action.SUPPLEMENT_REQUESTED, status=status, note="Thiếu")
    return Dossier.objects.get(pk=dossier.pk)


def take(step: str, dossier: Dossier, user, colleague=None):
    """Take one step as `user` (the applicant's own step, `supplement`, takes no user)."""
    if step == "supplement":
        return handling.supplement(dossier, "Đã bổ sung bản sao.", [])
    if step == "assign":
        return handling.assign(dossier, user, colleague or user)
    if step in ("start", "hand_over"):
        return getattr(handling, step)(dossier, user)
    return getattr(handling, step)(dossier, user, "Nội dung của bước.")


@pytest.fixture
def dossier(procedure):
    return make_dossier(procedure)


def test_a_dossier_goes_from_receipt_to_its_result(officer, dossier):
    handling.start(dossier, officer, "Hồ sơ hợp lệ.")
    handling.request_supplement(dossier, officer, "Bản sao căn cước có chứng thực.")
    handling.supplement(
        Dossier.objects.get(pk=dossier.pk),
        "Gửi bản sao.",
        [("Hồ sơ bổ sung", SimpleUploadedFile("cc.pdf", pdf_bytes("cc")))],
    )
    dossier.refresh_from_db()
    handling.finish(dossier, officer, "Giấy chứng nhận đăng ký hộ kinh doanh, nhận tại bộ phận một cửa.")
    handling.hand_over(dossier, officer)

    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED and dossier.officer == officer
    assert [(event.action, event.status) for event in dossier.events.all()] == [
        (Action.RECEIVED, Status.RECEIVED),
        (Action.PROCESSING, Status.PROCESSING),
        (Action.SUPPLEMENT_REQUESTED, Status.SUPPLEMENT),
        (Action.SUPPLEMENTED, Status.PROCESSING),
        (Action.RESULT_READY, Status.RESULT_READY),
        (Action.RETURNED, Status.RETURNED),
    ]
    supplemented = dossier.events.get(action=Action.SUPPLEMENTED)
    assert supplemented.actor is None and [attached.name for attached in supplemented.files.all()] == ["cc.pdf"]
    assert [event.actor for event in dossier.events.exclude(action__in=[Action.RECEIVED, Action.SUPPLEMENTED])] == [
        officer
    ] * 4


@pytest.mark.parametrize("step", STEPS)
def test_each_step_is_taken_only_from_its_states(officer, procedure, step):
    sources, target = STEPS[step]
    for status in Status:
        dossier = put_in(make_dossier(procedure), status)
        events = dossier.events.count()
        if status in sources:
            take(step, dossier, officer)
            dossier.refresh_from_db()
            assert dossier.status == (target or status), (step, status)
            assert dossier.events.count() == events + 1
        else:
            with pytest.raises(StepRefused):
                take(step, dossier, officer)
            dossier.refresh_from_db()
            assert dossier.status == status and dossier.events.count() == events, (step, status)
        if step not in ("supplement", "add_note"):
            assert (step_action(step) in handling.allowed_actions(put_in(dossier, status))) is (status in sources)


def step_action(step: str) -> str:
    return {
        "start": Action.PROCESSING,
        "request_supplement": Action.SUPPLEMENT_REQUESTED,
        "finish": Action.RESULT_READY,
        "hand_over": Action.RETURNED,
        "refuse": Action.REFUSED,
        "assign": Action.ASSIGNED,
    }[step]


def test_the_applicant_is_never_offered_the_officers_steps(dossier):
    dossier = put_in(dossier, Status.SUPPLEMENT)
    assert Action.SUPPLEMENTED not in handling.allowed_actions(dossier)
    assert Action.NOTE in handling.allowed_actions(put_in(dossier, Status.RETURNED))


def test_only_the_agencys_one_stop_desk_handles_its_dossiers(agency, other_agency, officer, dossier, make_user):
    other_desk = make_user("motcua_stttt", agency.officers)
    board = make_user("bbt_tunghia", other_agency.moderators)
    editor = make_user("bientap_tunghia", other_agency.editors)
    left = make_user("motcua_cu", other_agency.officers)
    left.is_active = False
    left.save()

    for user in (other_desk, board, editor, left):
        for step in ("start", "request_supplement", "refuse", "assign", "add_note"):
            with pytest.raises(PermissionDenied):
                take(step, dossier, user, colleague=officer)
        assert not handling.has_inbox(user) or user == other_desk
        assert dossier not in handling.dossiers_for(user)
    for status, step in ((Status.PROCESSING, "finish"), (Status.RESULT_READY, "hand_over")):
        with pytest.raises(PermissionDenied):
            take(step, put_in(dossier, status), board)
    dossier = put_in(dossier, Status.RECEIVED)
    assert dossier.events.count() == 1 and dossier.officer is None

    assert list(handling.dossiers_for(officer)) == [dossier] and handling.has_inbox(officer)
    handling.start(dossier, make_user("quantri", is_superuser=True))
    assert Dossier.objects.get(pk=dossier.pk).status == Status.PROCESSING


def test_a_dossier_is_assigned_only_to_a_member_of_the_desk(agency, other_agency, officer, dossier, make_user):
    colleague = make_user("motcua_2", other_agency.officers, first_name="Thị Lan", last_name="Phạm")
    left = make_user("motcua_cu", other_agency.officers)
    left.is_active = False
    left.save()
    for outsider in (
        make_user("bbt_tunghia", other_agency.moderators),
        make_user("motcua_stttt", agency.officers),
        left,
    ):
        with pytest.raises(StepRefused):
            handling.assign(dossier, officer, outsider)
    assert Dossier.objects.get(pk=dossier.pk).officer is None

    handling.assign(dossier, officer, colleague)
    assigned = dossier.events.get(action=Action.ASSIGNED)
    assert assigned.status == Status.RECEIVED and assigned.actor == officer and assigned.note == "Phạm Thị Lan"
    assert not mail.outbox  # the applicant hears of the steps, not of the desk's own arrangements
    handling.start(dossier, officer)
    assert Dossier.objects.get(pk=dossier.pk).officer == colleague  # the assigned officer keeps the dossier
    assert [user.username for user in handling.officers_of(other_agency)] == ["motcua_2", "motcua"]


@pytest.mark.parametrize(
    ("language", "greeting", "track_path", "agency_name"),
    [
        ("vi", "Kính gửi Lê Thị Hoa,", "/thu-tuc-hanh-chinh/tra-cuu-ho-so/", "Xã Tư Nghĩa"),
        ("en", "Dear Lê Thị Hoa,", "/en/administrative-procedures/track-dossier/", "Tu Nghia Commune"),
    ],
)
def test_each_step_tells_the_applicant_in_their_language(
    officer, procedure, language, greeting, track_path, agency_name
):
    dossier = make_dossier(procedure, language=language)
    refused = make_dossier(procedure, language=language)
    handling.start(dossier, officer, "Hồ sơ hợp lệ.")
    handling.request_supplement(dossier, officer, "Bản sao căn cước có chứng thực.")
    mail.outbox.clear()
    handling.supplement(Dossier.objects.get(pk=dossier.pk), "", [])
    to_officer = mail.outbox.pop()
    assert not mail.outbox and to_officer.to == ["motcua@quangngai.gov.vn"] and dossier.code in to_officer.subject
    dossier.refresh_from_db()
    handling.finish(dossier, officer, "Giấy chứng nhận, nhận tại bộ phận một cửa.")
    handling.hand_over(dossier, officer, "Đã trao tận tay.")
    handling.refuse(refused, officer, "Ngành nghề kinh doanh có điều kiện, chưa đủ điều kiện.")

    to_applicant = [message for message in mail.outbox if message.to == ["hoa@example.vn"]]
    assert len(to_applicant) == 3 and len(mail.outbox) == 3  # result, returned, refused
    for message, code, text in zip(
        to_applicant,
        (dossier.code, dossier.code, refused.code),
        ("Giấy chứng nhận, nhận tại bộ phận một cửa.", "Đã trao tận tay.", "chưa đủ điều kiện"),
        strict=True,
    ):
        assert code in message.subject and code in message.body and text in message.body
        assert message.body.startswith(greeting) and f"{track_path}\n" in message.body
    assert agency_name in to_applicant[2].body  # the refusal names the agency


def test_the_steps_before_tell_the_applicant_too(officer, dossier):
    handling.start(dossier, officer, "Hồ sơ hợp lệ.")
    handling.request_supplement(dossier, officer, "Bản sao căn cước có chứng thực.")

    started, asked = mail.outbox
    assert started.to == asked.to == ["hoa@example.vn"]
    assert dossier.code in started.subject and "Hồ sơ hợp lệ." in started.body
    assert dossier.code in asked.subject and "Bản sao căn cước có chứng thực." in asked.body


def test_an_applicant_without_an_email_is_sent_nothing(officer, procedure):
    dossier = make_dossier(procedure, email="")
    handling.start(dossier, officer)
    handling.refuse(dossier, officer, "Không đủ điều kiện.")

    assert not mail.outbox


def test_without_an_officer_the_supplement_is_announced_to_the_whole_desk(other_agency, officer, dossier, make_user):
    make_user("motcua_2", other_agency.officers)
    put_in(dossier, Status.SUPPLEMENT)  # asked before anyone took the dossier
    handling.supplement(dossier, "Đã bổ sung.", [])

    assert sorted(mail.outbox[-1].to) == ["motcua@quangngai.gov.vn", "motcua_2@quangngai.gov.vn"]


def test_the_clock_stops_while_a_supplement_is_awaited_across_tet(officer, procedure, monkeypatch):
    submitted = datetime(2026, 2, 10, 9, 0, tzinfo=VIETNAM)  # a week before Tết Bính Ngọ (16–20 February)
    dossier = make_dossier(procedure, submitted_at=submitted, due_on=add_working_days(submitted, 15))
    assert dossier.due_on == date(2026, 3, 10)
    handling.request_supplement(dossier, officer, "Bản sao căn cước có chứng thực.")
    DossierEvent.objects.filter(action=Action.SUPPLEMENT_REQUESTED).update(
        at=datetime(2026, 2, 12, 9, 0, tzinfo=VIETNAM)
    )

    # Sent on Tuesday after Tết: 12 calendar days later, 3 working days (13, 23 and 24 February).
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 2, 24, 15, 0, tzinfo=VIETNAM))
    handling.supplement(Dossier.objects.get(pk=dossier.pk), "Đã bổ sung.", [])

    dossier.refresh_from_db()
    assert not any(is_working_day(date(2026, 2, day)) for day in range(16, 21))
    assert dossier.due_on == date(2026, 3, 13)  # 10 March + 3 working days, not + 12 days (22 March)
    assert dossier.status == Status.PROCESSING
    assert f"Hạn trả kết quả mới: {dossier.due_on:%d/%m/%Y}" in mail.outbox[-1].body


def test_a_supplement_sent_the_day_it_was_asked_for_keeps_the_due_date(officer, dossier):
    due_on = dossier.due_on
    handling.request_supplement(dossier, officer, "Thiếu đơn.")
    handling.supplement(Dossier.objects.get(pk=dossier.pk), "Đã bổ sung.", [])

    assert Dossier.objects.get(pk=dossier.pk).due_on == due_on


def test_finishing_closing_and_being_on_time(officer, procedure):
    on_time, late, refused = (make_dossier(procedure) for _ in range(3))
    assert on_time.on_time is None and on_time.deadline_state() == ""

    handling.start(on_time, officer)
    handling.finish(on_time, officer, "Giấy chứng nhận.")
    on_time.refresh_from_db()
    assert on_time.finished_at is not None and on_time.closed_at is None and on_time.on_time is True
    assert on_time.is_open is False
    handling.hand_over(on_time, officer)
    on_time.refresh_from_db()
    assert on_time.closed_at >= on_time.finished_at and on_time.on_time is True

    Dossier.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    late.refresh_from_db()
    assert late.deadline_state() == "qua-han"
    handling.start(late, officer)
    handling.finish(late, officer, "Giấy chứng nhận.")
    late.refresh_from_db()
    assert late.on_time is False and late.deadline_state() == ""

    handling.refuse(refused, officer, "Không thuộc thẩm quyền.")
    refused.refresh_from_db()
    assert refused.finished_at == refused.closed_at is not None and refused.on_time is True
    assert refused.events.last().note == "Không thuộc thẩm quyền."
