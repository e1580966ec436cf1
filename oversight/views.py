"""The full listing of posting deadlines (Reports → "Thời hạn đăng tin"), filtered, on screen or as CSV.

Scoped like the dashboard panel: an agency's BBT sees its own site(s); asking for another site's id is a 404.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from groundwork.reports import Period
from groundwork.spreadsheets import csv_response
from home.models import Agency

from .access import watched_agencies
from .forms import DUE_THIS_WEEK, DeadlineFilterForm
from .states import (
    LATE,
    ON_TIME,
    OVERDUE,
    PENDING,
    due_this_week,
    last_month,
    late_items,
    live_items,
    open_items,
    overdue_now,
    rule_names,
)

# The screen shows this many items at most (the CSV has them all).
SHOWN = 500
# "Pending" looks this far ahead for due dates.
PENDING_HORIZON = timedelta(days=3 * 365)


def listed_items(agencies, state: str, period: Period, cap: int | None, today, codes=None):
    """The items of `agencies` in `state` (a form's value), those that went live in `period` for late and on time;
    of the categories `codes` only, when given."""
    if state == OVERDUE:
        return overdue_now(agencies, cap, today, codes).items
    if state == DUE_THIS_WEEK:
        return due_this_week(agencies, cap, today, codes).items
    if state == PENDING:
        return open_items(agencies, today, today + PENDING_HORIZON, cap, today, codes).items
    if state == LATE:
        return late_items(agencies, period, cap, today, codes).items
    return [item for item in live_items(agencies, period, None, today, codes) if item.state == ON_TIME][:cap]


class DeadlineListView(WagtailAdminTemplateMixin, TemplateView):
    """The items of the user's sites in one state, filtered by site, category and period (?export=csv)."""

    template_name = "oversight/deadlines.html"
    page_title = _("Thời hạn đăng tin")
    header_icon = "time"
    breadcrumbs_items = [*WagtailAdminTemplateMixin.breadcrumbs_items, {"url": "", "label": page_title}]

    def dispatch(self, request, *args, **kwargs):
        self.agencies = list(watched_agencies(request.user))
        if not self.agencies:
            raise PermissionDenied
        wanted = request.GET.get("trang", "")
        if wanted and wanted not in {str(agency.pk) for agency in self.agencies}:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def rules(self) -> dict[str, str]:
        return rule_names()

    @cached_property
    def form(self) -> DeadlineFilterForm:
        return DeadlineFilterForm(self.request.GET, agencies=self.agencies, rules=self.rules)

    def items(self, cap: int | None) -> list:
        today = timezone.localdate()
        if not self.form.is_valid():
            return []
        data = self.form.cleaned_data
        month = last_month(today)
        period = Period(data["tu"] or month.start, data["den"] or month.end)
        scope = [agency.pk for agency in self.agencies if not data["trang"] or str(agency.pk) == data["trang"]]
        codes = {data["loai"]} if data["loai"] else None
        found = listed_items(
            Agency.objects.filter(pk__in=scope), data["tinh_trang"] or OVERDUE, period, None, today, codes
        )
        found.sort(key=lambda item: (item.due, item.title))
        return found[:cap] if cap is not None else found

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            return csv_response("thoi-han-dang-tin", self.csv_rows())
        return super().get(request, *args, **kwargs)

    def csv_rows(self) -> list[list]:
        rows = [
            [
                str(heading)
                for heading in (
                    _("Trang"),
                    _("Cổng tỉnh, trang thành phần"),
                    _("Loại thông tin"),
                    _("Tiêu đề"),
                    _("Ngày phát sinh"),
                    _("Hạn đăng"),
                    _("Ngày đăng"),
                    _("Tình trạng"),
                    _("Đường dẫn quản trị"),
                )
            ]
        ]
        base = self.request.build_absolute_uri("/").rstrip("/")
        for item in self.items(None):
            rows.append(
                [
                    item.agency.name,
                    item.site_role,
                    self.rules.get(item.category, item.category),
                    item.title,
                    f"{item.trigger:%d/%m/%Y}",
                    f"{item.due:%d/%m/%Y}",
                    f"{item.live_on:%d/%m/%Y}" if item.live_on else "",
                    item.state_label,
                    base + item.edit_url,
                ]
            )
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items = self.items(SHOWN + 1)
        query = self.request.GET.copy()
        query["export"] = "csv"
        context.update(
            {
                "form": self.form,
                "items": items[:SHOWN],
                "truncated": len(items) > SHOWN,
                "shown": SHOWN,
                "rules": self.rules,
                "csv_query": query.urlencode(),
            }
        )
        return context
