"""The forms of the question handling page's steps."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.models import LegalField
from feedback.models import Question, Unit


class ClassifyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=Question.Kind.choices)
    legal_field = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=LegalField.objects.all(), required=False)


class ForwardForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị trả lời"), queryset=Unit.objects.none())
    note = forms.CharField(label=_("Ghi chú cho đơn vị"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, question: Question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(agency_id=question.agency_id)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do (gửi cho người hỏi)"), widget=forms.Textarea(attrs={"rows": 4}))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 12}), max_length=20000)


class ProgressForm(forms.Form):
    message = forms.CharField(
        label=_("Tiến độ xử lý (gửi cho người hỏi)"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    expected_on = forms.DateField(
        label=_("Dự kiến trả lời"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_expected_on(self):
        expected_on = self.cleaned_data["expected_on"]
        if expected_on < timezone.localdate():
            raise forms.ValidationError(_("Ngày dự kiến không thể ở quá khứ."))
        return expected_on


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Ghi chú nội bộ"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
