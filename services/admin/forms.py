"""The forms of the dossier handling page's steps, and of a line of the roadmap."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Locale

from home.models import Agency
from services import handling
from services.models import Dossier, ProcedurePage
from services.models.plans import plan_years
from services.statistics import planning_agencies
from vietnam.text import person_name, sort_key

TOLD_TO_APPLICANT = _("Người nộp được báo qua thư điện tử (nếu có) và xem được trên trang tra cứu hồ sơ.")


def _text(label, *, required: bool, help_text="", rows: int = 3, message=None):
    error_messages = {"required": message} if message else {}
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages=error_messages,
    )


class OfficerChoiceField(forms.ModelChoiceField):
    """Officers named by their full name, or their username if they have none."""

    def label_from_instance(self, obj):
        return person_name(obj, fallback_to_username=True)


class StepForm(forms.Form):
    """The form of one step; it knows the dossier (the officers to choose from depend on its agency)."""

    def __init__(self, *args, dossier: Dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier = dossier


class AssignForm(StepForm):
    officer = OfficerChoiceField(
        label=_("Cán bộ xử lý"),
        queryset=get_user_model().objects.none(),
        error_messages={
            "required": _("Hãy chọn cán bộ xử lý."),
            "invalid_choice": _("Hãy chọn một cán bộ trong danh sách."),
        },
    )

    def __init__(self, *args, dossier: Dossier, **kwargs):
        kwargs.setdefault("initial", {"officer": dossier.officer_id})
        super().__init__(*args, dossier=dossier, **kwargs)
        self.fields["officer"].queryset = handling.officers_of(dossier.agency)


class StartForm(StepForm):
    note = _text(_("Ghi chú gửi người nộp (không bắt buộc)"), required=False, help_text=TOLD_TO_APPLICANT)


class SupplementForm(StepForm):
    missing = _text(
        _("Nội dung cần bổ sung"),
        required=True,
        rows=5,
        help_text=TOLD_TO_APPLICANT,
        message=_("Hãy ghi rõ người nộp cần bổ sung những gì."),
    )


class ResultForm(StepForm):
    note = _text(
        _("Kết quả và cách nhận kết quả"),
        required=True,
        rows=4,
        help_text=TOLD_TO_APPLICANT,
        message=_("Hãy ghi rõ kết quả là gì và người nộp nhận kết quả bằng cách nào."),
    )


class ReturnForm(StepForm):
    note = _text(_("Ghi chú gửi người nộp (không bắt buộc)"), required=False, help_text=TOLD_TO_APPLICANT)


class RefuseForm(StepForm):
    reason = _text(
        _("Lý do từ chối"),
        required=True,
        rows=4,
        help_text=TOLD_TO_APPLICANT,
        message=_("Hãy ghi rõ lý do từ chối: người nộp phải được biết lý do."),
    )


class NoteForm(StepForm):
    note = _text(
        _("Nội dung ghi chú"),
        required=True,
        help_text=_("Chỉ bộ phận một cửa xem được; không gửi cho người nộp."),
        message=_("Hãy nhập nội dung ghi chú."),
    )


class PlanForm(WagtailAdminModelForm):
    """A line of the roadmap: only the user's agencies, and only those agencies' procedures (in Vietnamese)."""

    year = forms.TypedChoiceField(label=_("Năm"), coerce=int)
    procedure = forms.ModelChoiceField(
        label=_("Thủ tục"),
        queryset=ProcedurePage.objects.none(),
        error_messages={"invalid_choice": _("Hãy chọn một thủ tục của cơ quan mình phụ trách.")},
    )
    due_on = forms.DateField(
        label=_("Thời hạn hoàn thành"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=AdminDateInput(format="%d/%m/%Y"),
        help_text=_("Ngày, tháng, năm (dd/mm/yyyy), trong năm của lộ trình."),
    )
    percent = forms.IntegerField(
        label=_("Tỷ lệ hoàn thành (%)"),
        min_value=0,
        max_value=100,
        initial=0,
        error_messages={
            "min_value": _("Tỷ lệ hoàn thành là một số từ 0 đến 100."),
            "max_value": _("Tỷ lệ hoàn thành là một số từ 0 đến 100."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = list(planning_agencies(self.for_user)) if self.for_user else []
        agency = self.fields["agency"]
        agency.queryset = Agency.objects.filter(pk__in=[item.pk for item in agencies])
        agency.error_messages["invalid_choice"] = _("Chỉ chọn được cơ quan mình phụ trách.")
        if len(agencies) == 1:
            agency.empty_label = None
        years = plan_years()
        year = self.fields["year"]
        year.choices = [(value, value) for value in reversed(years)]
        year.error_messages["invalid_choice"] = _("Năm của lộ trình phải từ %(first)s đến %(last)s.") % {
            "first": years[0],
            "last": years[-1],
        }
        if not self.instance.pk:
            self.initial.setdefault("year", timezone.localdate().year)
        procedures = ProcedurePage.objects.filter(agency__in=agencies, locale=Locale.get_default())
        self.fields["procedure"].queryset = procedures
        self.fields["procedure"].choices = self._procedure_choices(procedures, several=len(agencies) > 1)

    @staticmethod
    def _procedure_choices(procedures, several: bool) -> list:
        """The procedures by name; for someone keeping several agencies' roadmaps, grouped by agency."""
        options = sorted(
            procedures.select_related("agency").only("title", "code", "agency__name"),
            key=lambda page: (sort_key(page.agency.name), sort_key(page.title)),
        )
        choices = [("", _("— Chọn thủ tục —"))]
        if not several:
            return choices + [(page.pk, f"{page.title} ({page.code})") for page in options]
        groups = {}
        for page in options:
            groups.setdefault(page.agency.name, []).append((page.pk, f"{page.title} ({page.code})"))
        return choices + list(groups.items())
