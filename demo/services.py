"""The demo's administrative procedures (R7): 30 procedures on the three sites, the sectors they are filed under,
and the English versions of those foreigners use (R2).

The procedures are real kinds of procedure, carried out by the bodies that carry them out since the two-tier local
government of 1 July 2025 (facts §1, §2): the commune's People's Committee for civil status, certification,
household businesses, social assistance, land and houses; the provincial departments for the rest. The press,
publishing, broadcasting and electronic information procedures once handled by Sở Thông tin và Truyền thông are
shown with Sở Văn hóa, Thể thao và Du lịch, the postal ones with Sở Khoa học và Công nghệ, which took them over in
2025. The laws and decrees cited are real national documents, listed by number and name only.

Everything else is written for the demo, and every page says so: the codes follow the national format (H48 is
Quảng Ngãi's suffix) but are not checked against the national database, and the steps, time limits, fees and dossiers
are summaries that may differ from the published procedure. No document of the demo library is the legal basis of
these procedures, so `legal_basis` is left empty and the laws are in `legal_basis_text`.

Seeding is idempotent: a sector whose name exists, a procedure whose slug is in its section and an English version
that exists are left as they are. The three procedures of ONLINE_FORMS take dossiers online; DOSSIERS are the demo's,
one or more in every state of their handling, and a dossier already stored (found by its form token) is left as it is.
The content is in demo/data/procedures.yaml and demo/data/dossiers.yaml.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Locale

from home.models import Agency
from home.onboarding import Onboarding
from services import handling
from services.models import (
    Channel,
    Dossier,
    DossierComponent,
    DossierEvent,
    DossierFile,
    OnlineService,
    ProcedureFormField,
    ProcedureIndexPage,
    ProcedurePage,
    Sector,
)
from services.submission import DossierForm, save_dossier
from vietnam.text import slugify
from vietnam.workdays import add_working_days, is_working_day, working_days_between

from .content import PROVINCE_TIME, SITES, English, Entry
from .loader import build, build_all, read
from .pdf import pdf_bytes

_PROCEDURES = read("procedures")
DEMO_NOTE = _PROCEDURES["demo_note"]  # ends every procedure's steps
DEMO_NOTE_EN = _PROCEDURES["demo_note_en"]
SUBMIT = DossierComponent.Requirement.SUBMIT
# The service level that goes with each kind of online service, unless a procedure says otherwise.
DEFAULT_LEVEL = {OnlineService.FULL: 4, OnlineService.PARTIAL: 3, OnlineService.NONE: 2}

# --- The shapes of the data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Way:
    """One channel: how the dossier is sent, its time limit in working days, its fee and a note."""

    kind: str
    working_days: int
    fee: str = "Không"
    notes: str = ""


@dataclass(frozen=True)
class Paper:
    """One dossier component: submitted (`SUBMIT`) or shown (`SHOW`), and how many copies."""

    name: str
    requirement: str = SUBMIT
    copies: int = 1


@dataclass(frozen=True)
class EnglishProcedure:
    """The English version: the page's texts, then the channels' (fee, notes) and the papers' names, in order, and
    its online form's questions (label, choices) in order, if it has one."""

    slug: str
    fields: dict
    channels: list[tuple[str, str]]
    components: list[str]
    questions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Procedure:
    """One procedure to publish on the site of agency `site` ("" the portal, "stttt", "tunghia")."""

    site: str
    slug: str
    title: str
    code: str
    sector: str
    level: str
    implementing_agency: str
    applicants: str
    steps: str
    result: str
    channels: list[Way]
    components: list[Paper]
    online_service: str
    competent_agency: str = ""
    conditions: str = ""
    legal_basis: tuple[str, ...] = ()
    responsible_units: str = ""
    partial_reason: str = ""
    service_level: int | None = -1  # -1: the level that goes with `online_service`
    english: EnglishProcedure | None = None

    def page_fields(self) -> dict:
        """The ProcedurePage fields, its channels and components (new objects on every call)."""
        return {
            "code": self.code,
            "government_level": self.level,
            "implementing_agency": self.implementing_agency,
            "competent_agency": self.competent_agency,
            "applicants": self.applicants,
            "steps": self.steps + DEMO_NOTE,
            "conditions": self.conditions,
            "result": self.result,
            "legal_basis_text": "\n".join(self.legal_basis),
            "responsible_units": self.responsible_units,
            "service_level": DEFAULT_LEVEL[self.online_service] if self.service_level == -1 else self.service_level,
            "online_service": self.online_service,
            "partial_reason": self.partial_reason,
            "used_by_foreigners": self.english is not None,
            "channels": [
                Channel(kind=way.kind, working_days=way.working_days, fee=way.fee, notes=way.notes)
                for way in self.channels
            ],
            "components": [
                DossierComponent(name=paper.name, requirement=paper.requirement, copies=paper.copies, sort_order=order)
                for order, paper in enumerate(self.components)
            ],
        }

    def english_version(self) -> English:
        """The English slug and fields for seed.ensure_english, channels and components included."""
        version = self.english
        if len(version.channels) != len(self.channels) or len(version.components) != len(self.components):
            raise ValueError(f"{self.slug}: the English version does not list every channel and paper")
        fields = {**version.fields, "steps": version.fields["steps"] + DEMO_NOTE_EN}
        if "legal_basis" in fields:
            fields["legal_basis_text"] = "\n".join(fields.pop("legal_basis"))
        fields["channels"] = [
            Channel(kind=way.kind, working_days=way.working_days, fee=fee, notes=notes)
            for way, (fee, notes) in zip(self.channels, version.channels, strict=True)
        ]
        fields["components"] = [
            DossierComponent(name=name, requirement=paper.requirement, copies=paper.copies, sort_order=order)
            for order, (paper, name) in enumerate(zip(self.components, version.components, strict=True))
        ]
        if version.questions:
            asked = ONLINE_FORMS[self.title][0]
            fields["form_fields"] = [
                ProcedureFormField(label=label, kind=kind, choices=choices, required=True, sort_order=order)
                for order, ((label, choices), (_label, kind, _choices)) in enumerate(
                    zip(version.questions, asked, strict=True)
                )
            ]
        return English(version.slug, fields)


SECTORS: list[tuple[str, str]] = [(item["name"], item["name_en"]) for item in _PROCEDURES["sectors"]]
PROCEDURES: list[Procedure] = build_all(Procedure, _PROCEDURES["procedures"])
# Điều 11.2: how to use the online public services, a page of the portal's procedures section.
GUIDE: Entry = build(Entry, _PROCEDURES["guide"])
# The three procedures that take dossiers online in the demo: their form's questions (label, kind, choices), and
# which of their dossier papers are uploaded (by the start of the paper's name), required or optional.
ONLINE_FORMS: dict[str, tuple[list[tuple[str, str, str]], dict[str, str]]] = {
    title: ([(q["label"], q["kind"], q["choices"]) for q in form["questions"]], form["uploads"])
    for title, form in _PROCEDURES["online_forms"].items()
}

# --- Seeding ------------------------------------------------------------------------------------------------------


def ensure_sectors(result: Onboarding) -> dict[str, Sector]:
    """The sectors, each created if its name is missing (an item an administrator edited is left as it is)."""
    names = [name for name, _english in SECTORS]
    sectors = {sector.name: sector for sector in Sector.objects.filter(name__in=names)}
    created = 0
    for order, (name, english) in enumerate(SECTORS, start=1):
        if name not in sectors:
            sectors[name] = Sector.objects.create(name=name, name_en=english, sort_order=order * 10)
            created += 1
    if created:
        result.note(True, f"danh mục lĩnh vực thủ tục hành chính ({created} mục)")
    if created < len(SECTORS):
        result.note(False, f"danh mục lĩnh vực thủ tục hành chính ({len(SECTORS) - created} mục)")
    return sectors


def seed_procedures(agencies: dict[str, Agency], result: Onboarding) -> None:
    """Publish each demo procedure whose site is in `agencies` (keyed by code) and whose slug is not yet in the
    site's "Thủ tục hành chính" section, then the English versions of those foreigners use."""
    from .seed import ensure_english  # seed.py imports this module

    english = Locale.objects.get(language_code="en")
    sectors = ensure_sectors(result)
    for code, agency in agencies.items():
        index = ProcedureIndexPage.objects.child_of(agency.site.root_page).first()
        procedures = [procedure for procedure in PROCEDURES if procedure.site == code]
        if index is None or not procedures:
            continue
        present = {page.slug: page for page in ProcedurePage.objects.child_of(index)}
        created = 0
        for procedure in procedures:
            page = present.get(procedure.slug)
            if page is None:
                page = create_procedure(index, procedure, sectors)
                created += 1
            if procedure.title in ONLINE_FORMS:
                ensure_online_form(page, ONLINE_FORMS[procedure.title], result)
            if procedure.english is not None:
                ensure_english(page, english, procedure.english_version(), result)
        if created:
            result.note(True, f"thủ tục hành chính trên trang {agency.name} ({created})")
        if created < len(procedures):
            result.note(False, f"thủ tục hành chính trên trang {agency.name} ({len(procedures) - created})")


def create_procedure(index: ProcedureIndexPage, procedure: Procedure, sectors: dict[str, Sector]) -> ProcedurePage:
    page = ProcedurePage(
        title=procedure.title,
        slug=procedure.slug,
        locale=index.locale,
        sector=sectors[procedure.sector],
        **procedure.page_fields(),
    )
    for related in (page.channels, page.components):
        for position, item in enumerate(related.all()):
            item.sort_order = position
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_online_form(page: ProcedurePage, spec: tuple, result: Onboarding) -> None:
    """Give a procedure its online form, unless it has one (an editor's own form is kept)."""
    what = f"biểu mẫu nộp trực tuyến “{page.title}”"
    if ProcedureFormField.objects.filter(page=page).exists():
        result.note(False, what)
        return
    questions, uploads = spec
    draft = page.get_latest_revision_as_object()
    draft.form_fields = [
        ProcedureFormField(label=label, kind=kind, choices=choices, required=True, sort_order=order)
        for order, (label, kind, choices) in enumerate(questions)
    ]
    components = list(draft.components.all())
    for component in components:
        component.upload = next((flag for start, flag in uploads.items() if component.name.startswith(start)), "")
    # Set in memory: on a page without unpublished changes .all() reads the database afresh each time.
    draft.components = components
    draft.save_revision().publish()
    result.note(True, what)


# --- Dossiers submitted online ------------------------------------------------------------------------------------

# The demo's dossiers are sent through the procedures' own forms (services.submission.DossierForm) and moved by the
# handling steps of services.handling, so their codes, due dates and histories are what the portal itself makes. Each
# is placed in the last weeks: it was submitted, and each step taken, so many working days before the day of seeding,
# at a given time. Applicants and companies are fictional; their e-mail addresses are at example.vn and their phone
# numbers use the demo's 0255 0000 pattern (no real line has it). The e-mails the steps send are never delivered.

Action = DossierEvent.Action
# The form token of demo dossier number `key`: a second seed finds the dossier by it.
DEMO_FORM_ID = "trinh-dien-ho-so-{key:02d}"


@dataclass(frozen=True)
class Step:
    """One step of a demo dossier's handling (a DossierEvent.Action), taken `day` working days before the day of
    seeding at `time` ("HH:MM"): its note (what is missing, the reason of a refusal, the result…) and, for the
    applicant's supplement, the labels of the files sent with it."""

    action: str
    day: int
    time: str
    text: str = ""
    files: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoDossier:
    """A dossier as its applicant filled in the procedure's online form, and what the desk did with it since.

    `answers` are keyed by the questions' labels; a timedelta is a date counted from the day of submission (in the
    data, `{days_from_submission: n}`). Every
    file the form requires is attached (a one-page PDF). `key` makes the form token the seed finds it again by.
    """

    key: int
    procedure: str
    applicant: str
    email: str
    phone: str
    answers: dict
    day: int
    time: str
    steps: tuple[Step, ...] = ()

    @property
    def token(self) -> str:
        return DEMO_FORM_ID.format(key=self.key)


def _dossier(item: dict) -> DemoDossier:
    answers = {
        label: timedelta(days=answer["days_from_submission"]) if isinstance(answer, dict) else answer
        for label, answer in item["answers"].items()
    }
    return build(DemoDossier, {**item, "answers": answers})


DOSSIERS: list[DemoDossier] = [_dossier(item) for item in read("dossiers")["dossiers"]]

# While the seed runs: the steps' e-mails are rendered and handed to a backend that drops them.
QUIET_MAIL = {
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
}


def seed_dossiers(agencies: dict[str, Agency], result: Onboarding) -> None:
    """Submit and handle the demo dossiers of the online procedures on the sites in `agencies` (keyed by code), each
    by its site's demo desk officer (content.py), up to the state it is left in.

    A dossier whose form token is already stored is left as it is; a site whose demo officer is missing from its
    one-stop desk gets none. Dates count back from today, so a fresh demo always has dossiers due soon and overdue.
    """
    procedures = {
        page.title: page
        for page in ProcedurePage.objects.filter(
            locale__language_code="vi", agency__in=agencies.values(), title__in={spec.procedure for spec in DOSSIERS}
        ).select_related("agency")
    }
    present = set(
        Dossier.objects.filter(form_token__in=[spec.token for spec in DOSSIERS]).values_list("form_token", flat=True)
    )
    today = timezone.localdate()
    created, existing, officers, stored = Counter(), Counter(), {}, []
    try:
        with override_settings(**QUIET_MAIL):
            # Oldest first: each day's codes are numbered in the order the dossiers came in.
            for spec in sorted(DOSSIERS, key=lambda spec: (-spec.day, spec.time)):
                page = procedures.get(spec.procedure)
                if page is None:  # its site is not among `agencies`
                    continue
                agency = page.agency
                if agency not in officers:
                    officers[agency] = desk_officer(agency)
                if spec.token in present:
                    existing[agency] += 1
                elif officers[agency] is not None:
                    play(spec, page, officers[agency], today, stored)
                    created[agency] += 1
    except BaseException:
        storage = DossierFile._meta.get_field("file").storage
        for name in stored:
            storage.delete(name)
        raise
    for agency, count in created.items():
        result.note(True, f"hồ sơ trực tuyến mẫu của {agency.name} ({count}, xử lý bởi {officers[agency].username})")
    for agency, count in existing.items():
        result.note(False, f"hồ sơ trực tuyến mẫu của {agency.name} ({count})")


def desk_officer(agency: Agency):
    """The site's demo desk officer, if the account exists and is still in the agency's one-stop desk."""
    usernames = [user.username for site in SITES if site.name == agency.name for user in site.users]
    return handling.officers_of(agency).filter(username__in=usernames).first()


def play(spec: DemoDossier, page: ProcedurePage, officer, today: date, stored: list[str]) -> Dossier:
    """Submit `spec` on its day, then take its steps on theirs; the names of the files stored go to `stored`."""
    submitted_at = moment(today, spec.day, spec.time)
    dossier = receive(spec, page, submitted_at, stored)
    last = submitted_at
    for step in spec.steps:
        when = moment(today, step.day, step.time)
        if when <= last:
            raise ValueError(f"{spec.token}: “{step.action}” is not after the step before it")
        take_step(dossier, step, officer, when, stored)
        last = when
    return dossier


def receive(spec: DemoDossier, page: ProcedurePage, submitted_at: datetime, stored: list[str]) -> Dossier:
    """The dossier as services.submission.submit saves it, but on the day of `submitted_at`: its code, due date and
    first step are that day's. The form checks the answers and files as it checks an applicant's."""
    day = timezone.localdate(submitted_at)
    form = DossierForm(
        form_data(spec, page, day),
        {name: pdf_upload(component.name, page, spec.applicant) for name, component in form_components(page).items()},
        procedure=page,
    )
    if not form.is_valid():
        raise ValueError(f"{spec.token}: the form refuses the demo dossier: {form.errors.get_json_data()}")
    return save_dossier(form, submitted_at, stored)


def form_components(page: ProcedurePage) -> dict:
    """The form's required file fields (f_<id>) and their dossier components: the demo sends only those."""
    return {
        f"f_{component.pk}": component for component in page.components.filter(upload="bat-buoc").order_by("sort_order")
    }


def form_data(spec: DemoDossier, page: ProcedurePage, day: date) -> dict:
    """What the applicant typed: their contact details, the form's token, and an answer to every question."""
    data = {"applicant": spec.applicant, "email": spec.email, "phone": spec.phone, "token": spec.token, "website": ""}
    for question in page.form_fields.all():
        if question.label not in spec.answers:
            raise ValueError(f"{spec.token}: no answer to “{question.label}”")
        answer = spec.answers[question.label]
        data[f"q_{question.pk}"] = (day + answer).strftime("%d/%m/%Y") if isinstance(answer, timedelta) else answer
    return data


def take_step(dossier: Dossier, step: Step, officer, when: datetime, stored: list[str]) -> None:
    """Take `step` through services.handling, then date what it wrote at `when`: its events, the result's and the
    closing's dates, and the due date a supplement moves by the working days the desk waited for it."""
    last_event = dossier.events.order_by("-pk").values_list("pk", flat=True).first()
    due_on = dossier.due_on
    match step.action:
        case Action.ASSIGNED:
            handling.assign(dossier, officer, officer)
        case Action.PROCESSING:
            handling.start(dossier, officer, step.text)
        case Action.SUPPLEMENT_REQUESTED:
            handling.request_supplement(dossier, officer, step.text)
        case Action.SUPPLEMENTED:
            files = [(label, pdf_upload(label, dossier.procedure, dossier.applicant)) for label in step.files]
            handling.supplement(dossier, step.text, files)
            stored.extend(dossier.files.filter(event__pk__gt=last_event).values_list("file", flat=True))
        case Action.RESULT_READY:
            handling.finish(dossier, officer, step.text)
        case Action.RETURNED:
            handling.hand_over(dossier, officer, step.text)
        case Action.REFUSED:
            handling.refuse(dossier, officer, step.text)
        case Action.NOTE:
            handling.add_note(dossier, officer, step.text)
        case _:
            raise ValueError(f"Not an officer's step: {step.action}")
    dossier.events.filter(pk__gt=last_event).update(at=when)
    changes = {}
    if step.action in (Action.RESULT_READY, Action.REFUSED):
        changes["finished_at"] = when
    if step.action in (Action.RETURNED, Action.REFUSED):
        changes["closed_at"] = when
    if step.action == Action.SUPPLEMENTED:
        requested = dossier.events.filter(action=Action.SUPPLEMENT_REQUESTED).latest("at", "pk").at
        changes["due_on"] = add_working_days(due_on, working_days_between(requested, when))
    if changes:
        Dossier.objects.filter(pk=dossier.pk).update(**changes)
    dossier.refresh_from_db()


def moment(today: date, days: int, clock: str) -> datetime:
    """`clock` ("HH:MM", the province's time) on the working day `days` working days before `today` (1 or more:
    every demo step is in the past, whatever the hour of seeding)."""
    if days < 1:
        raise ValueError(f"A demo step must be at least one working day ago, not {days}.")
    day = today
    while days:
        day -= timedelta(days=1)
        if is_working_day(day):
            days -= 1
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=PROVINCE_TIME)


def pdf_upload(label: str, page: ProcedurePage, applicant: str) -> SimpleUploadedFile:
    """A one-page PDF standing for the paper `label` of `applicant`'s dossier, named as an applicant's scan."""
    lines = [
        "BẢN TRÌNH DIỄN – tệp minh họa, không phải giấy tờ thật",
        "",
        f"Thủ tục: {page.title}",
        f"Thành phần hồ sơ: {label}",
        f"Người nộp: {applicant}",
    ]
    return SimpleUploadedFile(
        f"{slugify(label, max_length=60)}.pdf", pdf_bytes(lines, label), content_type="application/pdf"
    )
