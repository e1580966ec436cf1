"""How a dossier moves from receipt to its result, who may move it, and what each step tells the applicant.

Only the agency's one-stop desk (its `officers` group) sees and handles the agency's dossiers (Điều 13).
Every step runs in one transaction: the dossier, its history (DossierEvent) and the queued email are
written together. The states:

    đã tiếp nhận → đang xử lý ⇄ yêu cầu bổ sung → đã có kết quả → đã trả kết quả
          └──────────┴──────────────┴→ từ chối (with the reason)

While a supplement is awaited the clock stops: when the applicant sends it, the due date moves by the working
days spent waiting.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from groundwork.mail import send_mail
from groundwork.storage import removed_on_failure
from home.models import Agency
from vietnam.text import person_name
from vietnam.workdays import add_working_days, working_days_between

from .models import Dossier, DossierAccess, DossierEvent, DossierFile, ProcedureIndexPage

Status, Action = Dossier.Status, DossierEvent.Action


class StepRefused(Exception):
    """A step that the dossier's state does not allow (the message says why)."""


# Who sees what -------------------------------------------------------------------------------------------


def handled_agencies(user):
    """The agencies whose dossiers `user` handles: those of the one-stop desks they belong to."""
    if not user.is_active:
        return Agency.objects.none()
    if user.is_superuser:
        return Agency.objects.all()
    return Agency.objects.filter(officers__in=user.groups.all())


def dossiers_for(user):
    """The dossiers `user` may see: their agencies' (none for anyone outside a one-stop desk)."""
    if not user.is_active:
        return Dossier.objects.none()
    if user.is_superuser:
        return Dossier.objects.all()
    return Dossier.objects.filter(agency__in=handled_agencies(user))


def has_inbox(user) -> bool:
    return user.is_active and (user.is_superuser or handled_agencies(user).exists())


def can_handle(user, dossier: Dossier) -> bool:
    return handled_agencies(user).filter(pk=dossier.agency_id).exists()


def officers_of(agency: Agency):
    """The people a dossier of `agency` may be assigned to: the active members of its one-stop desk."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(is_active=True)
    if agency.officers_id is None:
        return users.none()
    return users.filter(groups=agency.officers_id).order_by("first_name", "last_name", "username")


def log_access(dossier: Dossier, user, action: str, detail: str = "") -> None:
    """Record that `user` (None: the applicant, on the status page) opened the dossier or one of its files."""
    DossierAccess.objects.create(
        code=dossier.code,
        dossier=dossier,
        agency_id=dossier.agency_id,
        user=user if user is not None and user.is_authenticated else None,
        action=action,
        detail=detail[:255],
    )


# Steps ---------------------------------------------------------------------------------------------------

# What each step may start from.
ALLOWED_FROM = {
    Action.PROCESSING: (Status.RECEIVED,),
    Action.SUPPLEMENT_REQUESTED: (Status.RECEIVED, Status.PROCESSING),
    Action.SUPPLEMENTED: (Status.SUPPLEMENT,),
    Action.RESULT_READY: (Status.PROCESSING,),
    Action.RETURNED: (Status.RESULT_READY,),
    Action.REFUSED: Dossier.OPEN,
    Action.ASSIGNED: Dossier.OPEN,
}


def allowed_actions(dossier: Dossier) -> list[str]:
    """The officers' steps the dossier's state allows now (the internal note is always allowed)."""
    steps = [action for action, sources in ALLOWED_FROM.items() if dossier.status in sources]
    return [action for action in steps if action != Action.SUPPLEMENTED] + [Action.NOTE]


def _check(user, dossier: Dossier, action: str) -> None:
    """Refuse a step the user may not take, or one the dossier's state does not allow. The dossier is read again
    and locked until the step's transaction ends: two officers cannot both move it from the same state."""
    if not can_handle(user, dossier):
        raise PermissionDenied
    dossier.refresh_from_db(from_queryset=Dossier.objects.select_for_update())
    if action in ALLOWED_FROM and dossier.status not in ALLOWED_FROM[action]:
        raise StepRefused(
            _("Hồ sơ đang ở trạng thái “%(status)s”: không thể “%(step)s”.")
            % {"status": dossier.get_status_display(), "step": Action(action).label}
        )


def _move(dossier: Dossier, action: str, status: str, user=None, note: str = "", **changes) -> DossierEvent:
    dossier.status = status
    for name, value in changes.items():
        setattr(dossier, name, value)
    dossier.save(update_fields=["status", *changes])
    return DossierEvent.objects.create(dossier=dossier, action=action, status=status, actor=user, note=note)


@transaction.atomic
def assign(dossier: Dossier, user, officer) -> None:
    """Give the dossier to one officer of its agency's desk (they are shown to the applicant as its handler)."""
    _check(user, dossier, Action.ASSIGNED)
    if not officers_of(dossier.agency).filter(pk=officer.pk).exists():
        raise StepRefused(_("Người này không thuộc bộ phận một cửa của cơ quan."))
    _move(
        dossier,
        Action.ASSIGNED,
        dossier.status,
        user,
        note=person_name(officer),  # never the login name: the note may be shown
        officer=officer,
    )


@transaction.atomic
def start(dossier: Dossier, user, note: str = "") -> None:
    """Accept the dossier as complete and start processing it (the officer taking it, if none was assigned)."""
    _check(user, dossier, Action.PROCESSING)
    _move(dossier, Action.PROCESSING, Status.PROCESSING, user, note, officer=dossier.officer or user)
    _tell_applicant(dossier, "processing", _("Hồ sơ {code} đang được xử lý"), note=note)


@transaction.atomic
def request_supplement(dossier: Dossier, user, missing: str) -> None:
    """Ask the applicant for what is missing; the clock stops until they send it."""
    _check(user, dossier, Action.SUPPLEMENT_REQUESTED)
    _move(dossier, Action.SUPPLEMENT_REQUESTED, Status.SUPPLEMENT, user, missing, officer=dossier.officer or user)
    _tell_applicant(dossier, "supplement", _("Hồ sơ {code} cần bổ sung"), missing=missing)


def supplement(dossier: Dossier, note: str, uploads: list[tuple[str, object]]) -> DossierEvent:
    """The applicant's supplement (a note and files as (label, upload)): back to processing, the due date moved.

    The caller has checked the files (groundwork.uploads) and the applicant's secret. Everything is saved in one
    transaction; a stored file is removed again if it fails.
    """
    with removed_on_failure(DossierFile._meta.get_field("file").storage) as stored, transaction.atomic():
        dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
        if dossier.status not in ALLOWED_FROM[Action.SUPPLEMENTED]:
            raise StepRefused(_("Hồ sơ này không chờ bổ sung."))
        requested = dossier.events.filter(action=Action.SUPPLEMENT_REQUESTED).latest("at", "pk")
        waited = working_days_between(requested.at, timezone.now())
        due_on = add_working_days(dossier.due_on, waited) if waited else dossier.due_on
        event = _move(dossier, Action.SUPPLEMENTED, Status.PROCESSING, note=note, due_on=due_on)
        for label, upload in uploads:
            attached = DossierFile(dossier=dossier, event=event, label=label, name=upload.name, size=upload.size)
            attached.file.save(upload.name, upload, save=False)
            stored.append(attached.file.name)
            attached.save()
        _tell_officer(dossier, event)
    return event


@transaction.atomic
def finish(dossier: Dossier, user, note: str) -> None:
    """The result is ready (the note says what it is and how it will be handed over)."""
    _check(user, dossier, Action.RESULT_READY)
    _move(dossier, Action.RESULT_READY, Status.RESULT_READY, user, note, finished_at=timezone.now())
    _tell_applicant(dossier, "result", _("Hồ sơ {code} đã có kết quả"), note=note)


@transaction.atomic
def hand_over(dossier: Dossier, user, note: str = "") -> None:
    """The result has been handed to the applicant (or sent): the dossier is closed."""
    _check(user, dossier, Action.RETURNED)
    _move(dossier, Action.RETURNED, Status.RETURNED, user, note, closed_at=timezone.now())
    _tell_applicant(dossier, "returned", _("Hồ sơ {code} đã trả kết quả"), note=note)


@transaction.atomic
def refuse(dossier: Dossier, user, reason: str) -> None:
    """Refuse the dossier, with the reason the applicant is told (Điều 13: in writing, with the reason)."""
    _check(user, dossier, Action.REFUSED)
    now = timezone.now()
    _move(dossier, Action.REFUSED, Status.REFUSED, user, reason, finished_at=now, closed_at=now)
    _tell_applicant(dossier, "refused", _("Hồ sơ {code} không được giải quyết"), reason=reason)


@transaction.atomic
def add_note(dossier: Dossier, user, note: str) -> None:
    """An internal note, seen only by the desk."""
    _check(user, dossier, Action.NOTE)
    DossierEvent.objects.create(dossier=dossier, action=Action.NOTE, status=dossier.status, actor=user, note=note)


# Notifications -------------------------------------------------------------------------------------------


def _tell_applicant(dossier: Dossier, template: str, subject, **context) -> None:
    """Email the applicant, in the language they submitted in (if they gave an address)."""
    if dossier.email:
        send_mail(
            dossier.email,
            format_lazy(subject, code=dossier.code),
            f"services/mail/{template}",
            {"dossier": dossier, "procedure": dossier.procedure, "status_url": status_url(dossier), **context},
            language=dossier.language,
        )


def _tell_officer(dossier: Dossier, event: DossierEvent) -> None:
    """Tell the dossier's officer (or, with none, the desk) that the supplement has arrived."""
    if dossier.officer_id and dossier.officer.email:
        recipients = [dossier.officer.email]
    else:
        recipients = list(officers_of(dossier.agency).exclude(email="").values_list("email", flat=True))
    send_mail(
        recipients,
        f"Hồ sơ {dossier.code} đã được bổ sung",
        "services/mail/supplemented",
        {"dossier": dossier, "event": event, "admin_url": admin_url(dossier)},
    )


def admin_url(dossier: Dossier) -> str:
    from django.conf import settings
    from django.urls import reverse

    return settings.WAGTAILADMIN_BASE_URL + reverse("services_dossiers:handle", args=[dossier.pk])


def status_url(dossier: Dossier) -> str:
    """The status page of the dossier's site, in the applicant's language ("" if the site has none)."""
    section = ProcedureIndexPage.objects.live().child_of(dossier.agency.site.root_page).first()
    if section is None:
        return ""
    if dossier.language != section.locale.language_code:
        locale = Locale.objects.filter(language_code=dossier.language).first()
        section = (section.get_translation_or_none(locale) if locale else None) or section
    return section.get_full_url() + section.reverse_subpage("track")
