"""Submitting a dossier online (R7, Điều 11): the procedure's own form, its files, one transaction, a code.

The form is built from what the editors defined on the procedure (its questions, and the dossier components
to upload). Everything is validated on the server in the visitor's language; the dossier, its files, its first
step and the receipt email are saved together, or nothing is (a stored file is removed again).
"""

import re
import secrets

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from groundwork.abuse import HoneypotMixin
from groundwork.forms import DescribedFieldsMixin, PhoneField, SensibleDateField
from groundwork.mail import send_mail
from groundwork.storage import removed_on_failure
from groundwork.uploads import upload_problem
from vietnam.text import fold_diacritics
from vietnam.workdays import add_working_days

from .handling import status_url
from .models import Channel, Dossier, DossierComponent, DossierEvent, DossierFile, ProcedureFormField, ProcedurePage
from .models.dossiers import next_code

FILE_TYPES = {"pdf", "doc", "docx", "jpg", "jpeg", "png"}
MAX_FILE_SIZE = getattr(settings, "SERVICES_MAX_FILE_SIZE", 10 * 1024 * 1024)
MAX_FILES_SIZE = getattr(settings, "SERVICES_MAX_DOSSIER_SIZE", 50 * 1024 * 1024)

# A date question about a birth cannot be answered with a future date. The national forms label it "Ngày sinh" or
# "Ngày, tháng, năm sinh": recognised by its label (the Vietnamese one, or its translation), so every procedure's
# existing form is covered as it is.
BIRTH_DATE_LABEL = re.compile(r"\b(ngay|nam) sinh\b|\bbirth", re.IGNORECASE)

FIELD_CLASSES = {
    ProcedureFormField.Kind.TEXT: lambda: forms.CharField(max_length=500),
    ProcedureFormField.Kind.TEXTAREA: lambda: forms.CharField(
        max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    ),
    ProcedureFormField.Kind.DATE: SensibleDateField,
    ProcedureFormField.Kind.NUMBER: lambda: forms.DecimalField(max_digits=15, decimal_places=2),
    ProcedureFormField.Kind.EMAIL: lambda: forms.EmailField(),
    ProcedureFormField.Kind.PHONE: PhoneField,
}


def source_procedure(procedure: ProcedurePage) -> ProcedurePage:
    """The procedure in the default language (Vietnamese) that `procedure` translates; `procedure` if it is that one
    (or has none)."""
    if procedure.locale.language_code == settings.LANGUAGE_CODE:
        return procedure
    source = ProcedurePage.objects.filter(
        translation_key=procedure.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    return source or procedure


def worded(asked: list, translated: list) -> list[tuple]:
    """(row asked, row with the visitor's wording) pairs: each row of the source procedure with its translation (the
    row of the same translation key), or itself where the translation has none."""
    wording = {row.translation_key: row for row in translated}
    return [(row, wording.get(row.translation_key, row)) for row in asked]


def accepts_online(procedure: ProcedurePage) -> bool:
    """Whether the procedure takes dossiers online: it offers an online service and has an online channel."""
    return procedure.online_service != "khong" and any(
        channel.kind == Channel.Kind.ONLINE for channel in procedure.channels.all()
    )


class DossierForm(DescribedFieldsMixin, HoneypotMixin, forms.Form):
    """The applicant, the procedure's own questions (q_<id>) and its files (f_<id>).

    What is asked (questions, their kind, what is required, which files) is always the Vietnamese procedure's, so
    a translation cannot lose a required file or a question; a translated page only gives the words (labels, help,
    the choices' labels). The answers and files are recorded under the Vietnamese names the officers read.
    """

    applicant = forms.CharField(label=_("Họ và tên người nộp"), max_length=150)
    email = forms.EmailField(
        label=_("Thư điện tử"), required=False, help_text=_("Để nhận mã hồ sơ và thông báo. Không công khai.")
    )
    phone = PhoneField(label=_("Số điện thoại"), required=False)

    # A random token given with the form: the same form sent twice (a double click) makes one dossier.
    token = forms.CharField(widget=forms.HiddenInput, max_length=32, min_length=16)

    def __init__(self, *args, procedure: ProcedurePage, **kwargs):
        kwargs.setdefault("initial", {"token": secrets.token_urlsafe(16)})
        super().__init__(*args, **kwargs)
        self.procedure = procedure
        source = source_procedure(procedure)
        questions, components = list(source.form_fields.all()), list(source.components.all())
        if source != procedure:
            questions = worded(questions, procedure.form_fields.all())
            components = worded(components, procedure.components.all())
        else:
            questions, components = [(row, row) for row in questions], [(row, row) for row in components]
        self.questions = {}
        for question, words in questions:
            if question.kind == ProcedureFormField.Kind.CHOICE:
                values, labels = question.choice_list, words.choice_list
                if len(labels) != len(values):  # a translation that lost or added a choice: the Vietnamese ones
                    labels = values
                field = forms.ChoiceField(choices=[("", "—"), *zip(values, labels, strict=True)])
            elif question.kind == ProcedureFormField.Kind.DATE:
                past = any(BIRTH_DATE_LABEL.search(fold_diacritics(label)) for label in (question.label, words.label))
                field = SensibleDateField(past=past)
            else:
                field = FIELD_CLASSES[question.kind]()
            field.label, field.required, field.help_text = words.label, question.required, words.help_text
            self.fields[f"q_{question.pk}"] = field
            self.questions[f"q_{question.pk}"] = question
        self.components = {}
        for component, words in components:
            if component.upload == DossierComponent.Upload.NONE:
                continue
            field = forms.FileField(
                label=words.name,
                required=component.upload == DossierComponent.Upload.REQUIRED,
                help_text=_("PDF, Word hoặc ảnh JPG, PNG; tối đa %(limit)s.")
                % {"limit": filesizeformat(MAX_FILE_SIZE)},
            )
            self.fields[f"f_{component.pk}"] = field
            self.components[f"f_{component.pk}"] = component
        # The honeypot last, out of the way.
        self.fields["website"] = self.fields.pop("website")

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("email") and not cleaned_data.get("phone") and "phone" not in self.errors:
            # Added, not raised: the files below are checked whatever else fails.
            self.add_error(None, _("Hãy cho biết thư điện tử hoặc số điện thoại để cơ quan liên hệ."))
        total = 0
        for name in self.components:
            upload = cleaned_data.get(name)
            if upload:
                problem = upload_problem(upload, FILE_TYPES, MAX_FILE_SIZE)
                if problem:
                    self.add_error(name, problem)
                total += upload.size
        if total > MAX_FILES_SIZE:
            raise ValidationError(
                _("Các tệp của hồ sơ quá lớn; tổng dung lượng tối đa %(limit)s.")
                % {"limit": filesizeformat(MAX_FILES_SIZE)}
            )
        return cleaned_data

    def answers(self) -> list[list[str]]:
        """The answers as [label, text] pairs in the form's order, as the officer will read them."""
        answers = []
        for name, question in self.questions.items():
            value = self.cleaned_data.get(name)
            if value not in (None, ""):
                answers.append(
                    [question.label, value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else str(value)]
                )
        return answers


def due_date(procedure: ProcedurePage, submitted_on):
    """The promised date of the result: the online channel's time limit in working days."""
    online = [channel.working_days for channel in procedure.channels.all() if channel.kind == Channel.Kind.ONLINE]
    return add_working_days(submitted_on, min(online))


def save_dossier(form: DossierForm, submitted_at, stored: list[str], language: str = "vi") -> Dossier:
    """Create the dossier of a valid form, its files and its first step, as of `submitted_at` (its code, due date
    and first step are that day's). The caller holds the transaction; the names of the files stored are added to
    `stored`, for the caller to remove if it fails."""
    procedure, day = form.procedure, timezone.localdate(submitted_at)
    dossier = Dossier.objects.create(
        code=next_code(procedure.agency, day),
        procedure=procedure,
        agency=procedure.agency,
        applicant=form.cleaned_data["applicant"],
        email=form.cleaned_data["email"],
        phone=form.cleaned_data["phone"],
        language=language,
        answers=form.answers(),
        submitted_at=submitted_at,
        due_on=due_date(procedure, day),
        form_token=form.cleaned_data["token"],
    )
    for name, component in form.components.items():
        upload = form.cleaned_data.get(name)
        if upload:
            attached = DossierFile(
                dossier=dossier, component=component, label=component.name, name=upload.name, size=upload.size
            )
            attached.file.save(upload.name, upload, save=False)
            stored.append(attached.file.name)
            attached.save()
    DossierEvent.objects.create(
        dossier=dossier, action=DossierEvent.Action.RECEIVED, status=Dossier.Status.RECEIVED, at=submitted_at
    )
    return dossier


def submit(form: DossierForm) -> Dossier:
    """Save the dossier, its files and its first step in one transaction, and queue the receipt email.

    The same form sent again (its token) gives back the dossier it made the first time.
    """
    procedure, token = form.procedure, form.cleaned_data["token"]
    existing = Dossier.objects.filter(form_token=token).first()
    if existing is not None:
        return existing
    try:
        with removed_on_failure(DossierFile._meta.get_field("file").storage) as stored, transaction.atomic():
            dossier = save_dossier(form, timezone.now(), stored, language=get_language() or "vi")
            send_mail(
                dossier.email,
                format_lazy(_("Đã tiếp nhận hồ sơ {code}"), code=dossier.code),
                "services/mail/received",
                {"dossier": dossier, "procedure": procedure, "status_url": status_url(dossier)},
                language=dossier.language,
            )
    except IntegrityError:
        if Dossier.objects.filter(form_token=token).exists():
            return Dossier.objects.get(form_token=token)  # the same form, sent twice at the same moment
        raise
    return dossier
