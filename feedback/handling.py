"""How a question moves from receipt to publication, who may move it, and whom each step notifies.

Every step runs in one transaction: the question, its history (QuestionEvent) and the queued emails are
written together. The site's editorial board (BBT) classifies, forwards, rejects as out of scope and
publishes; the staff of the unit a question was forwarded to answer it; both may send the asker a progress
notice and add internal notes.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from groundwork.mail import send_mail
from home.models import Agency, SiteContactSettings

from .models import Question, QuestionEvent, QuestionIndexPage, Unit

Status, Action = Question.Status, QuestionEvent.Action


class StepRefused(Exception):
    """A step that the question's state does not allow (the message says why, in Vietnamese)."""


# Who sees what -------------------------------------------------------------------------------------------


def managed_agencies(user):
    """The agencies whose questions `user` manages: those whose BBT they belong to (every one for a superuser)."""
    if user.is_superuser:
        return Agency.objects.all()
    return Agency.objects.filter(moderators__in=user.groups.all())


def staffed_units(user):
    """The units `user` answers for."""
    return Unit.objects.filter(staff__in=user.groups.all())


def questions_for(user):
    """The questions `user` may see: all of their BBT's agencies, and those forwarded to their units."""
    if not user.is_active:
        return Question.objects.none()
    if user.is_superuser:
        return Question.objects.all()
    forwarded = Q(unit__in=staffed_units(user), status__in=[Status.FORWARDED, Status.ANSWERED, Status.PUBLISHED])
    return Question.objects.filter(Q(agency__in=managed_agencies(user)) | forwarded)


def has_inbox(user) -> bool:
    return user.is_active and (user.is_superuser or managed_agencies(user).exists() or staffed_units(user).exists())


def can_manage(user, question: Question) -> bool:
    return managed_agencies(user).filter(pk=question.agency_id).exists()


def can_answer(user, question: Question) -> bool:
    """The BBT may answer an open question itself; a unit, one forwarded to it (both may revise the answer)."""
    if can_manage(user, question):
        return question.is_open or question.status == Status.ANSWERED
    return (
        question.status in (Status.FORWARDED, Status.ANSWERED)
        and question.unit_id is not None
        and staffed_units(user).filter(pk=question.unit_id).exists()
    )


# Steps ---------------------------------------------------------------------------------------------------


def _record(question: Question, action: str, user=None, note: str = "", expected_on=None) -> QuestionEvent:
    return QuestionEvent.objects.create(
        question=question, action=action, actor=user, note=note, expected_on=expected_on
    )


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise StepRefused(message)


@transaction.atomic
def receive(question: Question) -> Question:
    """Save a new question from the public form, and tell the asker and the site's BBT."""
    question.save()
    _record(question, Action.RECEIVED)
    _tell_asker(question, "received", _("Đã nhận câu hỏi {code}"))
    board = _board_addresses(question.agency)
    context = {"question": question, "admin_url": admin_url(question)}
    send_mail(board, f"Câu hỏi mới {question.code}", "feedback/mail/new_question", context)
    return question


@transaction.atomic
def classify(question: Question, user, *, legal_field=None, kind: str | None = None) -> None:
    _check_manager(user, question)
    _require(question.status in (Status.RECEIVED, Status.CLASSIFIED), "Câu hỏi này đã qua bước phân loại.")
    question.legal_field = legal_field
    if kind:
        question.kind = kind
    question.status = Status.CLASSIFIED
    question.save(update_fields=["legal_field", "kind", "status"])
    _record(question, Action.CLASSIFIED, user, note=str(legal_field or ""))


@transaction.atomic
def forward(question: Question, user, unit: Unit, note: str = "") -> None:
    _check_manager(user, question)
    _require(unit.agency_id == question.agency_id, "Đơn vị này không thuộc cơ quan nhận câu hỏi.")
    _require(question.status in Question.OPEN, "Chỉ chuyển được câu hỏi chưa trả lời.")
    question.unit, question.status = unit, Status.FORWARDED
    question.save(update_fields=["unit", "status"])
    _record(question, Action.FORWARDED, user, note=f"{unit.name}. {note}".strip(" ."))
    staff = list(unit.staff.user_set.filter(is_active=True).exclude(email="").values_list("email", flat=True))
    context = {"question": question, "unit": unit, "note": note, "admin_url": admin_url(question)}
    send_mail(
        [unit.email, *staff], f"Câu hỏi {question.code} được chuyển đến đơn vị", "feedback/mail/forwarded", context
    )


@transaction.atomic
def reject_out_of_scope(question: Question, user, reason: str) -> None:
    _check_manager(user, question)
    _require(question.status in (Status.RECEIVED, Status.CLASSIFIED), "Câu hỏi này đã được chuyển hoặc trả lời.")
    question.status, question.out_of_scope_reason = Status.OUT_OF_SCOPE, reason
    question.save(update_fields=["status", "out_of_scope_reason"])
    _record(question, Action.OUT_OF_SCOPE, user, note=reason)
    _tell_asker(question, "out_of_scope", _("Câu hỏi {code} không thuộc thẩm quyền của cơ quan"))


@transaction.atomic
def answer(question: Question, user, text: str) -> None:
    if not can_answer(user, question):
        raise PermissionDenied
    question.answer, question.status, question.answered_at = text, Status.ANSWERED, timezone.now()
    question.save(update_fields=["answer", "status", "answered_at"])
    _record(question, Action.ANSWERED, user)
    board = _board_addresses(question.agency)
    context = {"question": question, "admin_url": admin_url(question)}
    send_mail(board, f"Câu hỏi {question.code} đã có trả lời", "feedback/mail/answered", context)


@transaction.atomic
def publish(question: Question, user) -> None:
    _check_manager(user, question)
    _require(question.status == Status.ANSWERED, "Chỉ công khai được câu hỏi đã có trả lời.")
    question.status, question.published_at = Status.PUBLISHED, timezone.now()
    question.save(update_fields=["status", "published_at"])
    _record(question, Action.PUBLISHED, user)
    _tell_asker(question, "answer", _("Trả lời câu hỏi {code}"))


@transaction.atomic
def notify_progress(question: Question, user, message: str, expected_on) -> None:
    """Tell the asker how the question is being handled and when the answer will come (Điều 9.1.đ)."""
    _require(can_manage(user, question) or can_answer(user, question), "Bạn không xử lý câu hỏi này.")
    _require(question.is_open, "Câu hỏi này đã được trả lời hoặc đóng.")
    _record(question, Action.PROGRESS, user, note=message, expected_on=expected_on)
    _tell_asker(question, "progress", _("Tiến độ xử lý câu hỏi {code}"), message=message, expected_on=expected_on)


@transaction.atomic
def add_note(question: Question, user, note: str) -> None:
    _require(can_manage(user, question) or can_answer(user, question), "Bạn không xử lý câu hỏi này.")
    _record(question, Action.NOTE, user, note=note)


def _check_manager(user, question: Question) -> None:
    if not can_manage(user, question):
        raise PermissionDenied


# Notifications -------------------------------------------------------------------------------------------


def _tell_asker(question: Question, template: str, subject, **context) -> None:
    """Email the asker, in the language they asked in (if they gave an address)."""
    if question.email:
        send_mail(
            question.email,
            format_lazy(subject, code=question.code),
            f"feedback/mail/{template}",
            {"question": question, **public_urls(question), **context},
            language=question.language,
        )


def _board_addresses(agency: Agency) -> list[str]:
    """The site's BBT members' addresses and the site's own contact address."""
    members = Group.objects.get(pk=agency.moderators_id).user_set.filter(is_active=True).exclude(email="")
    contact = SiteContactSettings.for_site(agency.site).email
    return [*members.values_list("email", flat=True), contact]


def admin_url(question: Question) -> str:
    """Where the BBT or the unit handles the question."""
    return settings.WAGTAILADMIN_BASE_URL + reverse("feedback_questions:handle", args=[question.pk])


def public_urls(question: Question) -> dict:
    """The status page of the question, and its published answer, on its site in the asker's language."""
    section = QuestionIndexPage.objects.child_of(question.agency.site.root_page).first()
    if section is None:
        return {}
    if question.language != section.locale.language_code:
        locale = Locale.objects.filter(language_code=question.language).first()
        section = (section.get_translation_or_none(locale) if locale else None) or section
    base = section.get_full_url()
    return {
        "lookup_url": base + section.reverse_subpage("lookup"),
        "answer_url": base + section.reverse_subpage("answer", args=[question.pk]),
    }
