"""The admin form of a week of the work schedule."""

from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.change_notes import RecordPageForm

from .weeks import monday_of


def site_root_key(page: Page):
    """The translation key of the home page of the site `page` is on (the same in both languages)."""
    root_path = page.path[: page.steplen * 2]
    return Page.objects.filter(path=root_path).values_list("translation_key", flat=True).first()


class WeekScheduleForm(RecordPageForm):
    """A week's editor: each entry falls inside the week, and its leader is one of this site's leaders.

    Errors are put on the entry's field, in Vietnamese, so the editor sees which row to correct.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.parent_page is not None and not self.instance.path:
            # A new page has no parent yet; naming it lets the model's clean check the week against its siblings.
            self.instance._cached_parent_obj = self.parent_page

    def clean(self):
        cleaned_data = super().clean()
        entries = self.formsets.get("entries")
        week_start = cleaned_data.get("week_start")
        if entries is None:
            return cleaned_data
        entries.errors  # noqa: B018 (cleans the rows first, so their data can be checked against the week)
        monday = monday_of(week_start) if week_start else None
        site = self.parent_page or (self.instance.get_parent() if self.instance.path else None)
        site_key = site_root_key(site) if site is not None else None
        for form in entries.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            day = data.get("date")
            if monday is not None and day is not None and not monday <= day <= monday + timedelta(days=6):
                sunday = monday + timedelta(days=6)
                form.add_error(
                    "date",
                    forms.ValidationError(
                        _("Ngày %(day)s không thuộc tuần này (%(monday)s–%(sunday)s).")
                        % {"day": f"{day:%d/%m/%Y}", "monday": f"{monday:%d/%m/%Y}", "sunday": f"{sunday:%d/%m/%Y}"}
                    ),
                )
            leader = data.get("leader")
            if leader is not None and site_key is not None and site_root_key(leader) != site_key:
                form.add_error("leader", forms.ValidationError(_("Hãy chọn lãnh đạo của chính cơ quan, đơn vị này.")))
        return cleaned_data
