"""The full listing's filters: site, category, state and period (dates as dd/mm/yyyy)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vietnam.text import sort_key

from .states import LATE, ON_TIME, OVERDUE, PENDING

DUE_THIS_WEEK = "trong-tuan"
STATE_CHOICES = [
    (OVERDUE, _("Quá hạn, chưa đăng")),
    (DUE_THIS_WEEK, _("Đến hạn trong tuần này")),
    (PENDING, _("Chưa đến hạn")),
    (LATE, _("Đăng chậm (trong khoảng thời gian)")),
    (ON_TIME, _("Đúng hạn (trong khoảng thời gian)")),
]
DATE_FORMATS = ["%d/%m/%Y"]


class DeadlineFilterForm(forms.Form):
    """The filters of "Thời hạn đăng tin"; `agencies` are the sites the user watches, `rules` the rule table."""

    trang = forms.ChoiceField(label=_("Trang"), required=False)
    loai = forms.ChoiceField(label=_("Loại thông tin"), required=False)
    tinh_trang = forms.ChoiceField(label=_("Tình trạng"), choices=STATE_CHOICES, required=False)
    tu = forms.DateField(label=_("Từ ngày"), input_formats=DATE_FORMATS, required=False, help_text=_("dd/mm/yyyy"))
    den = forms.DateField(label=_("Đến ngày"), input_formats=DATE_FORMATS, required=False, help_text=_("dd/mm/yyyy"))

    def __init__(self, data, *, agencies, rules: dict[str, str]):
        data = data.copy()
        if "tinh-trang" in data:
            data["tinh_trang"] = data["tinh-trang"]
        super().__init__(data)
        self.fields["trang"].choices = [("", _("Tất cả các trang"))] + [
            (str(agency.pk), agency.name) for agency in sorted(agencies, key=lambda agency: sort_key(agency.name))
        ]
        self.fields["loai"].choices = [("", _("Tất cả"))] + list(rules.items())
        for name in ("tu", "den"):
            self.fields[name].widget.format = "%d/%m/%Y"
            self.fields[name].widget.attrs["placeholder"] = "dd/mm/yyyy"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("tu"), cleaned.get("den")
        if start and end and end < start:
            self.add_error("den", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return cleaned
