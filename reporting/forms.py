"""The report's period (a month, a quarter, a year or two dates, dd/mm/yyyy) and, for who sees every site, a site."""

from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groundwork.forms import DescribedFieldsMixin, SensibleDateField
from groundwork.reports import Period

# The first year the portal has anything to report (its online services started in 2025).
FIRST_YEAR = 2025
# A report of dates covers at most this many days: longer ones are yearly reports.
LONGEST_DAYS = 366 * 5


def report_years() -> list[int]:
    """The years a report may cover, newest first."""
    return list(range(timezone.localdate().year, FIRST_YEAR - 1, -1))


class PeriodForm(DescribedFieldsMixin, forms.Form):
    """Which days the report covers; `period()` gives them once the form is valid."""

    MONTH, QUARTER, YEAR, DATES = "thang", "quy", "nam", "khoang"
    KINDS = [(MONTH, _("Tháng")), (QUARTER, _("Quý")), (YEAR, _("Năm")), (DATES, _("Từ ngày đến ngày"))]

    kind = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=KINDS)
    year = forms.TypedChoiceField(label=_("Năm"), coerce=int, required=False)
    month = forms.TypedChoiceField(
        label=_("Tháng"), coerce=int, required=False, choices=[("", "—")] + [(m, f"{m:02d}") for m in range(1, 13)]
    )
    quarter = forms.TypedChoiceField(
        label=_("Quý"), coerce=int, required=False, choices=[("", "—"), (1, "I"), (2, "II"), (3, "III"), (4, "IV")]
    )
    start = SensibleDateField(label=_("Từ ngày"), required=False)
    end = SensibleDateField(label=_("Đến ngày"), required=False)
    site = forms.TypedChoiceField(label=_("Trang"), coerce=int, required=False)

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "—")] + [(year, str(year)) for year in report_years()]
        if len(agencies) > 1:
            self.fields["site"].choices = [("", _("Tất cả các trang"))] + [(a.pk, a.name) for a in agencies]
        else:
            del self.fields["site"]

    @classmethod
    def initial_data(cls) -> dict:
        """This month so far: what the report shows before the user asks for a period."""
        today = timezone.localdate()
        return {"kind": cls.MONTH, "year": today.year, "month": today.month}

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in (self.MONTH, self.QUARTER, self.YEAR) and not data.get("year"):
            self.add_error("year", _("Hãy chọn năm."))
        if kind == self.MONTH and not data.get("month"):
            self.add_error("month", _("Hãy chọn tháng."))
        if kind == self.QUARTER and not data.get("quarter"):
            self.add_error("quarter", _("Hãy chọn quý."))
        if kind == self.DATES:
            start, end = data.get("start"), data.get("end")
            if not start and "start" not in self.errors:
                self.add_error("start", _("Hãy nhập ngày bắt đầu, dạng dd/mm/yyyy."))
            if not end and "end" not in self.errors:
                self.add_error("end", _("Hãy nhập ngày kết thúc, dạng dd/mm/yyyy."))
            if start and end and end < start:
                raise ValidationError(_("Ngày kết thúc phải cùng ngày hoặc sau ngày bắt đầu."))
            if start and end and (end - start).days >= LONGEST_DAYS:
                raise ValidationError(_("Một báo cáo theo khoảng ngày dài tối đa 5 năm."))
        return data

    def period(self) -> Period:
        """The days chosen, with their label ("Tháng 03/2026", "Quý II/2026", "Năm 2026", "01/03/2026 – 15/04/2026")."""
        data = self.cleaned_data
        kind, year = data["kind"], data.get("year")
        if kind == self.MONTH:
            start = date(year, data["month"], 1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            return Period(start, end, _("Tháng %(month)02d/%(year)d") % {"month": data["month"], "year": year})
        if kind == self.QUARTER:
            quarter = data["quarter"]
            start = date(year, 3 * quarter - 2, 1)
            end = (date(year, 3 * quarter, 1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            roman = {1: "I", 2: "II", 3: "III", 4: "IV"}[quarter]
            return Period(start, end, _("Quý %(quarter)s/%(year)d") % {"quarter": roman, "year": year})
        if kind == self.YEAR:
            return Period(date(year, 1, 1), date(year, 12, 31), _("Năm %(year)d") % {"year": year})
        start, end = data["start"], data["end"]
        return Period(start, end, f"{start:%d/%m/%Y} – {end:%d/%m/%Y}")
