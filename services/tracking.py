"""The applicant's side of a dossier once it is submitted (R7, Điều 11–13): finding it, following it, supplementing it.

/thu-tuc-hanh-chinh/tra-cuu-ho-so/ takes the dossier's code with its security code (the "mã bảo mật" of the
receipt). A match is remembered in the session for a while, and /thu-tuc-hanh-chinh/tra-cuu-ho-so/<code>/ shows
the dossier (and its supplement form) to that session only: the secret never travels in a URL. Every failure reads
the same (unknown code, wrong secret, another site's dossier, a code locked after too many wrong secrets), so the
form tells a guesser nothing. On the portal any agency's dossier can be followed; on an agency's or commune's site
only its own.

Codes are sequential, so the email or phone given with a dossier cannot open it (a guessed phone opened others'
dossiers). /thu-tuc-hanh-chinh/lay-lai-ma-bao-mat/ takes the code with that email or phone and sends the security
code to the email on file; its answer is the same whether anything matched or was sent.

The status page shows the steps but the internal notes, each with the officer's full name (never an email), and
never the applicant's email, phone or answers. While the agency awaits a supplement, the applicant sends it there.
Once the dossier is finished (result ready, handed back or refused), the applicant rates it there, once
(Decree 224/2026; the rule is groundwork.ratings).
"""

import time
from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from wagtail.models import Page, Site

from groundwork.abuse import HoneypotMixin, rate_limited
from groundwork.forms import DescribedFieldsMixin, matches_contact
from groundwork.mail import send_mail
from groundwork.ratings import is_rating_post, rating_panel
from groundwork.uploads import upload_problem
from home.models import Agency

from . import handling
from .models import Dossier, DossierAccess, DossierEvent, DossierFile, DossierRating
from .submission import FILE_TYPES, MAX_FILE_SIZE, MAX_FILES_SIZE

# Lookups per visitor (IP address) in ten minutes: enough for a one-stop shop, too few to guess secrets.
LOOKUP_LIMIT = (20, 600)
# Wrong security codes one dossier takes in an hour, from any address: past them even the right one finds nothing
# until the hour has passed, so guessers spread over many addresses are stopped too. Counted in the access log.
CODE_FAILURES_LIMIT = (5, 3600)
# Requests to send a security code again: per visitor and hour, and per dossier and day (each sends a mail).
RECOVER_LIMIT = (10, 3600)
CODE_RECOVERIES_LIMIT = (3, 86400)
# Supplements sent per visitor and hour.
SUPPLEMENT_LIMIT = (10, 3600)
MAX_SUPPLEMENT_FILES = 5
# The label of the files sent with a supplement, as the officers read it (stored, so not translated).
SUPPLEMENT_LABEL = "Hồ sơ bổ sung"
# What a request for the security code did, in the dossier's access log (read by its one-stop desk).
RECOVER_SENT = "Đã gửi mã bảo mật tới thư điện tử của người nộp"
RECOVER_UNMATCHED = "Thư điện tử hoặc số điện thoại không khớp; không gửi"
RECOVER_NO_EMAIL = "Hồ sơ không có thư điện tử; không gửi"

# The dossiers this session has opened, as [[id, when]]: the last few, for a few hours (a shared computer at a
# one-stop shop must not keep them open for the next visitor for the session's two weeks).
SESSION_KEY = "services:tracked"
SESSION_MAX = 10
SESSION_SECONDS = 2 * 3600
# The code of the dossier whose supplement was just received (shown once, after the redirect).
SUPPLEMENTED_SESSION_KEY = "services:supplemented"


def not_found_message() -> str:
    # One message for every failure (a locked code included): it must not tell whether the code exists.
    return gettext(
        "Không tìm thấy hồ sơ với mã hồ sơ và mã bảo mật đã nhập. Hãy kiểm tra lại hai mã in trên giấy tiếp nhận "
        "và trong thư xác nhận. Sau nhiều lần nhập sai, mã hồ sơ bị tạm dừng tra cứu trong một giờ."
    )


def find_dossier(code: str, agency: Agency) -> Dossier | None:
    """The dossier of `code` (spaces and case ignored) if `agency`'s site may show it; else None."""
    dossiers = Dossier.objects.filter(code="".join(code.split()).upper())
    if not agency.is_portal:
        dossiers = dossiers.filter(agency=agency)
    return dossiers.only("pk", "code", "secret", "applicant", "email", "phone", "language", "agency_id").first()


def attempts(dossier: Dossier, action: str, seconds: int) -> int:
    """How many times `action` (a failed lookup, a recovery) was logged on the dossier in the last `seconds`."""
    since = timezone.now() - timedelta(seconds=seconds)
    return DossierAccess.objects.filter(dossier=dossier, action=action, at__gte=since).count()


class LookupForm(DescribedFieldsMixin, forms.Form):
    """A dossier's code and its security code."""

    code = forms.CharField(
        label=_("Mã hồ sơ"),
        max_length=40,
        help_text=_("Ví dụ: STTTT-260301-0001, in trên giấy tiếp nhận và trong thư xác nhận."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    secret = forms.CharField(
        label=_("Mã bảo mật"),
        max_length=64,
        help_text=_("In trên giấy tiếp nhận và trong thư xác nhận hồ sơ, ngay dưới mã hồ sơ."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def find(self, agency: Agency) -> Dossier | None:
        """The dossier, if its code exists where `agency`'s site may show it, is not locked by too many wrong
        security codes, and the security code matches; else None. A wrong one is logged on the dossier."""
        dossier = find_dossier(self.cleaned_data["code"], agency)
        if dossier is None:
            return None
        limit, seconds = CODE_FAILURES_LIMIT
        if attempts(dossier, DossierAccess.Action.FAILED, seconds) >= limit:
            return None
        if not dossier.security_code_matches(self.cleaned_data["secret"]):
            handling.log_access(dossier, None, DossierAccess.Action.FAILED)
            return None
        return dossier


class RecoverForm(DescribedFieldsMixin, forms.Form):
    """A dossier's code and the email or phone given with it: the security code is sent again to that email."""

    code = LookupForm.base_fields["code"]
    contact = forms.CharField(
        label=_("Thư điện tử hoặc số điện thoại đã khai khi nộp"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )

    def send(self, agency: Agency) -> None:
        """Send the security code to the dossier's email if the code exists where `agency`'s site may show it, the
        contact matches and the dossier has not been asked too often today; else nothing. Each request on an existing
        dossier is logged on it (what happened, for its one-stop desk)."""
        dossier = find_dossier(self.cleaned_data["code"], agency)
        if dossier is None:
            return
        limit, seconds = CODE_RECOVERIES_LIMIT
        if attempts(dossier, DossierAccess.Action.RECOVER, seconds) >= limit:
            return
        if not matches_contact(self.cleaned_data["contact"], dossier.email, dossier.phone):
            outcome = RECOVER_UNMATCHED
        elif not dossier.email:
            outcome = RECOVER_NO_EMAIL
        else:
            outcome = RECOVER_SENT
            send_mail(
                dossier.email,
                format_lazy(_("Mã bảo mật của hồ sơ {code}"), code=dossier.code),
                "services/mail/security_code",
                {"dossier": dossier, "status_url": handling.status_url(dossier)},
                language=dossier.language,
            )
        handling.log_access(dossier, None, DossierAccess.Action.RECOVER, outcome)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input: cleaned to a list (empty when none was chosen)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        if not uploads and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(upload, initial) for upload in uploads]


class SupplementForm(DescribedFieldsMixin, HoneypotMixin, forms.Form):
    """What the applicant sends when asked for a supplement: a note, files, or both."""

    note = forms.CharField(
        label=_("Nội dung bổ sung"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Ghi rõ bạn bổ sung những gì theo yêu cầu của cán bộ xử lý."),
    )
    files = MultipleFileField(label=_("Tệp bổ sung"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = gettext(
            "Tối đa %(count)s tệp PDF, Word hoặc ảnh JPG, PNG; mỗi tệp tối đa %(size)s, tổng cộng tối đa %(total)s."
        ) % {
            "count": MAX_SUPPLEMENT_FILES,
            "size": filesizeformat(MAX_FILE_SIZE),
            "total": filesizeformat(MAX_FILES_SIZE),
        }
        self.fields["files"].widget.attrs["accept"] = ",".join(f".{kind}" for kind in sorted(FILE_TYPES))
        # The honeypot last, out of the way.
        self.fields["website"] = self.fields.pop("website")

    def clean_files(self):
        uploads = self.cleaned_data["files"]
        if len(uploads) > MAX_SUPPLEMENT_FILES:
            raise ValidationError(
                gettext("Chỉ gửi được tối đa %(count)s tệp mỗi lần; bạn đã chọn %(chosen)s tệp.")
                % {"count": MAX_SUPPLEMENT_FILES, "chosen": len(uploads)}
            )
        problems = [problem for problem in (upload_problem(u, FILE_TYPES, MAX_FILE_SIZE) for u in uploads) if problem]
        if problems:
            raise ValidationError(problems)
        if sum(upload.size for upload in uploads) > MAX_FILES_SIZE:
            raise ValidationError(
                gettext("Các tệp bổ sung quá lớn; tổng dung lượng tối đa %(total)s.")
                % {"total": filesizeformat(MAX_FILES_SIZE)}
            )
        return uploads

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:  # a note too long or a bad file says enough
            return cleaned_data
        if not cleaned_data.get("note") and not cleaned_data.get("files"):
            raise ValidationError(_("Hãy ghi nội dung bổ sung hoặc chọn ít nhất một tệp."))
        return cleaned_data


# Views (called by ProcedureIndexPage's routes) -------------------------------------------------------------


@sensitive_post_parameters()
def track(request, section):
    """The lookup form: a match opens the dossier's status page in this session; a failure says only "not found"."""
    agency = _site_agency(request)
    form = LookupForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if rate_limited(request, "dossier-lookup", *LOOKUP_LIMIT):
                form.add_error(None, gettext("Bạn đã tra cứu nhiều lần trong thời gian ngắn; hãy thử lại sau ít phút."))
                status = 429
            else:
                dossier = form.find(agency)
                if dossier is not None:
                    _remember(request, dossier)
                    return redirect(_status_url(request, section, dossier.code))
                form.add_error(None, not_found_message())
                # Not shown back: the next visitor of a shared computer must not read it.
                form.data = form.data.copy()
                form.data["secret"] = ""
        status = status if status != 200 else 400
    context = Page.get_context(section, request)  # not the catalogue's listing
    context.update(form=form, recover_url=section.get_url(request) + section.reverse_subpage("recover"))
    return _private(TemplateResponse(request, "services/dossier_lookup.html", context, status=status))


@sensitive_post_parameters()
def recover(request, section):
    """The form to have a forgotten security code sent again to the applicant's email: one answer, whatever matched,
    whatever was sent (the form is no oracle of codes or contacts)."""
    agency = _site_agency(request)
    form = RecoverForm(request.POST if request.method == "POST" else None)
    status, answered = 200, False
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif rate_limited(request, "dossier-recover", *RECOVER_LIMIT):
            form.add_error(None, gettext("Bạn đã yêu cầu nhiều lần trong thời gian ngắn; hãy thử lại sau."))
            status = 429
        else:
            form.send(agency)
            # Empty again: the next visitor of a shared computer must not read the contact given.
            form, answered = RecoverForm(), True
    context = Page.get_context(section, request)  # not the catalogue's listing
    context.update(form=form, answered=answered, track_url=section.get_url(request) + section.reverse_subpage("track"))
    return _private(TemplateResponse(request, "services/dossier_recover.html", context, status=status))


@sensitive_post_parameters()
def dossier_status(request, section, code: str):
    """The status page of a dossier this session has looked up (else back to the lookup form), its supplement
    form while the agency awaits one, and its rating form once it is finished."""
    agency = _site_agency(request)
    dossiers = Dossier.objects.filter(code=code, pk__in=_remembered(request))
    if not agency.is_portal:
        dossiers = dossiers.filter(agency=agency)
    dossier = dossiers.select_related("procedure", "agency", "officer", "rating").first()
    if dossier is None:
        return redirect(section.get_url(request) + section.reverse_subpage("track"))

    form, refused, status, rating = None, "", 200, None
    if dossier.status not in Dossier.OPEN:
        rating = rating_panel(
            request,
            DossierRating,
            getattr(dossier, "rating", None),
            code=dossier.code,
            dossier=dossier,
            agency=dossier.agency,
            procedure=dossier.procedure,
        )
        status = rating.status
    if is_rating_post(request):
        if rating is None:
            refused, status = gettext("Hồ sơ chỉ được đánh giá khi đã có kết quả hoặc bị từ chối."), 409
    elif request.method == "POST":
        if dossier.status != Dossier.Status.SUPPLEMENT:
            refused, status = _not_awaited_message(), 409
        else:
            form = SupplementForm(request.POST, request.FILES)
            if form.is_valid():
                if rate_limited(request, "dossier-supplement", *SUPPLEMENT_LIMIT):
                    form.add_error(None, gettext("Bạn đã gửi bổ sung nhiều lần trong thời gian ngắn; hãy thử lại sau."))
                    status = 429
                else:
                    uploads = [(SUPPLEMENT_LABEL, upload) for upload in form.cleaned_data["files"]]
                    try:
                        handling.supplement(dossier, form.cleaned_data["note"], uploads)
                    except handling.StepRefused:  # handled meanwhile (refused, or supplemented in another tab)
                        dossier.refresh_from_db()
                        form, refused, status = None, _not_awaited_message(), 409
                    else:
                        request.session[SUPPLEMENTED_SESSION_KEY] = dossier.code
                        return redirect(_status_url(request, section, dossier.code))
            if form is not None and form.errors and status == 200:
                status = 400
    if form is None and dossier.status == Dossier.Status.SUPPLEMENT:
        form = SupplementForm()

    events = list(
        dossier.events.exclude(action__in=DossierEvent.INTERNAL)
        .select_related("actor")
        .prefetch_related(Prefetch("files", queryset=DossierFile.objects.order_by("pk")))
    )
    handling.log_access(dossier, None, DossierAccess.Action.STATUS)
    context = Page.get_context(section, request)  # not the catalogue's listing
    context.update(
        dossier=dossier,
        procedure=dossier.procedure.localized,
        events=events,
        files=dossier.files.filter(event__isnull=True).order_by("pk"),
        missing=next((e for e in reversed(events) if e.action == DossierEvent.Action.SUPPLEMENT_REQUESTED), None),
        form=form,
        refused=refused,
        supplemented=request.session.pop(SUPPLEMENTED_SESSION_KEY, None) == dossier.code,
        rating=rating,
    )
    return _private(TemplateResponse(request, "services/dossier_status.html", context, status=status))


def _site_agency(request) -> Agency:
    agency = getattr(Site.find_for_request(request), "agency", None)
    if agency is None:
        raise Http404
    return agency


def _status_url(request, section, code: str) -> str:
    return section.get_url(request) + section.reverse_subpage("dossier", args=[code])


def _not_awaited_message() -> str:
    return gettext("Hồ sơ này hiện không chờ bổ sung, nên phần bổ sung vừa gửi chưa được lưu.")


def _remember(request, dossier: Dossier) -> None:
    """Open the dossier to this session (a new session key: the access must not pass to a planted cookie)."""
    now = int(time.time())
    kept = [[pk, since] for pk, since in _entries(request) if pk != dossier.pk]
    request.session.cycle_key()
    request.session[SESSION_KEY] = [*kept, [dossier.pk, now]][-SESSION_MAX:]


def _remembered(request) -> list[int]:
    return [pk for pk, _since in _entries(request)]


def _entries(request) -> list[list[int]]:
    oldest = time.time() - SESSION_SECONDS
    entries = request.session.get(SESSION_KEY, [])
    return [entry for entry in entries if isinstance(entry, list) and len(entry) == 2 and entry[1] >= oldest]


def _private(response):
    """The dossier's data (and a form for its secret) is never kept by a browser's or proxy's cache."""
    patch_cache_control(response, private=True, no_store=True)
    return response
