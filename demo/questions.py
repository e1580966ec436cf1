"""Demo questions and answers (R9): the units that answer, their staff, and questions in every state.

Written straight to the database with their history, without the e-mails the real steps send: the demo's
askers are made up. The content (demo/data/questions.yaml) is ours; the agencies are Quảng Ngãi's own
(QUANG-NGAI-FACTS.md).
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from documents.models import LegalField
from feedback.models import Question, QuestionEvent, Unit
from home.models import Agency
from home.onboarding import Onboarding
from vietnam.text import slugify
from vietnam.workdays import is_working_day

from .content import DEMO_PASSWORD
from .loader import build_all, read

Status, Action = Question.Status, QuestionEvent.Action

_DATA = read("questions")
# Units by site code ("" is the portal) as (name, e-mail), and one member of staff for the first unit of two sites
# as (username, last name, first name).
UNITS = {code: [(unit["name"], unit["email"]) for unit in units] for code, units in _DATA["units"].items()}
STAFF = {code: (staff["username"], staff["last_name"], staff["first_name"]) for code, staff in _DATA["staff"].items()}


@dataclass
class DemoQuestion:
    """A question asked on site `site` ("" the portal), received `days_ago` working days ago and left in `status`,
    with its answer, the unit it went to and the notes on the way."""

    site: str
    status: str
    days_ago: int  # working days since receipt
    name: str
    title: str
    body: str
    legal_field: str = ""
    unit: int | None = None  # index into UNITS[site]
    answer: str = ""
    publish_name: bool = False
    reason: str = ""
    kind: str = Question.Kind.QUESTION
    notes: list[str] = field(default_factory=list)


QUESTIONS: list[DemoQuestion] = build_all(DemoQuestion, _DATA["questions"])


def seed_questions(agencies: dict[str, Agency], result: Onboarding) -> None:
    """The units, their demo staff and the demo questions of the sites in `agencies` (keyed by code)."""
    units = {
        code: [_unit(agencies[code], name, email, result) for name, email in UNITS[code]]
        for code in UNITS
        if code in agencies
    }
    for code, (username, last_name, first_name) in STAFF.items():
        if code in units:
            _staff(username, last_name, first_name, units[code][0], result)
    moderators = {code: agency.moderators.user_set.first() for code, agency in agencies.items()}
    for spec in QUESTIONS:
        if spec.site in agencies:
            _question(spec, agencies[spec.site], units.get(spec.site, []), moderators.get(spec.site), result)


def _unit(agency: Agency, name: str, email: str, result: Onboarding) -> Unit:
    unit = Unit.objects.filter(agency=agency, name=name).first()
    result.note(unit is None, f"đơn vị trả lời “{name}”")
    return unit or Unit.objects.create(agency=agency, name=name, email=email)


def _staff(username: str, last_name: str, first_name: str, unit: Unit, result: Onboarding) -> None:
    User = get_user_model()
    exists = User.objects.filter(username=username).exists()
    result.note(not exists, f"tài khoản {username} ({unit.name})")
    if not exists:
        user = User.objects.create_user(
            username, f"{username}@quangngai.gov.vn", DEMO_PASSWORD, first_name=first_name, last_name=last_name
        )
        user.groups.set([unit.staff])


def _question(spec: DemoQuestion, agency: Agency, units: list[Unit], moderator, result: Onboarding) -> None:
    what = f"câu hỏi “{spec.title}”"
    if Question.objects.filter(agency=agency, title=spec.title).exists():
        result.note(False, what)
        return
    received = _working_days_ago(spec.days_ago)
    unit = units[spec.unit] if spec.unit is not None else None
    question = Question.objects.create(
        agency=agency,
        kind=spec.kind,
        status=spec.status,
        name=spec.name,
        email=f"{slugify(spec.name)}@example.vn",
        publish_name=spec.publish_name,
        legal_field=LegalField.objects.filter(name=spec.legal_field).first() if spec.legal_field else None,
        title=spec.title,
        body=spec.body,
        unit=unit if spec.status not in (Status.RECEIVED, Status.CLASSIFIED) else None,
        received_at=received,
        answer=spec.answer if spec.status in (Status.ANSWERED, Status.PUBLISHED) else "",
        out_of_scope_reason=spec.reason,
    )
    steps = [(Action.RECEIVED, None, "")]
    if spec.status == Status.OUT_OF_SCOPE:
        steps.append((Action.OUT_OF_SCOPE, moderator, spec.reason))
    if spec.status != Status.RECEIVED and spec.status != Status.OUT_OF_SCOPE:
        steps.append((Action.CLASSIFIED, moderator, spec.legal_field))
    if question.unit:
        steps.append((Action.FORWARDED, moderator, unit.name))
        steps += [(Action.NOTE, moderator, note) for note in spec.notes]
    if question.answer:
        steps.append((Action.ANSWERED, None, ""))
    if spec.status == Status.PUBLISHED:
        steps.append((Action.PUBLISHED, moderator, ""))
    for offset, (action, actor, note) in enumerate(steps):
        at = received + timedelta(days=offset, hours=2 * offset)
        QuestionEvent.objects.create(
            question=question, action=action, actor=actor, note=note, at=min(at, timezone.now())
        )
    last = question.events.last().at
    question.answered_at = last if question.answer else None
    question.published_at = last if spec.status == Status.PUBLISHED else None
    question.save(update_fields=["answered_at", "published_at"])
    result.note(True, what)


def _working_days_ago(days: int) -> datetime:
    """A morning `days` working days before today (9:00, Asia/Ho_Chi_Minh)."""
    day = timezone.localdate()
    while days:
        day -= timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=9))
