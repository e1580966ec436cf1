"""The admin of online services' numbers (Điều 11.2) and of each agency's yearly roadmap (Điều 12.2).

"Thống kê dịch vụ công" (Reports menu) shows a year's numbers of each procedure, for an agency's editorial board
(BBT) and one-stop desk their agency's, for superusers and the portal's BBT every agency's, and downloads them as
CSV or XLSX. "Lộ trình dịch vụ công trực tuyến" is a ModelViewSet where each agency's BBT keeps its own roadmap
(`PlanPermissionPolicy`; every view reads plans through `statistics.plans_for`), and where superusers and the
portal's BBT download the province's report to the People's Committee.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Locale

from groundwork.spreadsheets import csv_response, vietnamese_decimal, xlsx_response
from home.models import Agency
from services.admin.filters import PlanFilterSet
from services.admin.forms import PlanForm
from services.models import OnlineServicePlan, ProcedurePage
from services.models.plans import plan_years
from services.statistics import (
    chosen_year,
    plan_report,
    plans_for,
    procedure_statistics,
    sees_every_agency,
    statistics_agencies,
    statistics_years,
)
from vietnam.text import sort_key


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


# The statistics page -------------------------------------------------------------------------------------

NUMBER_HEADINGS = [
    _("Lượt xem"),
    _("Hồ sơ tiếp nhận"),
    _("Đã giải quyết"),
    _("Đúng hạn"),
    _("Trễ hạn"),
    _("Quá hạn chưa giải quyết"),
    _("Tỷ lệ đúng hạn (%)"),
    _("Lượt đánh giá"),
    _("Mức hài lòng trung bình (1–5)"),
]


def _headings(*headings) -> list[str]:
    return [str(heading) for heading in headings]


def _numbers(numbers, spreadsheet: str) -> list:
    rate = numbers.on_time_rate
    values = [numbers.views, numbers.submitted, numbers.processed, numbers.on_time, numbers.late, numbers.overdue]
    average = numbers.average
    return [
        *values,
        vietnamese_decimal(rate) if spreadsheet == "csv" else _rate(rate),
        numbers.rated,
        vietnamese_decimal(average) if spreadsheet == "csv" else _rate(average),
    ]


def statistics_sheets(statistics, spreadsheet: str) -> list[tuple[str, list[list]]]:
    """The rows of the statistics download: by procedure, and by agency; each ends with the total."""
    by_procedure = [
        _headings(_("Cơ quan"), _("Mã thủ tục"), _("Tên thủ tục"), _("Dịch vụ công trực tuyến"), *NUMBER_HEADINGS)
    ]
    # By agency (the sort is stable: by name within each).
    for row in sorted(statistics.rows, key=lambda row: sort_key(row.agency.name)):
        page = row.page
        online = str(page.get_online_service_display())
        by_procedure.append([row.agency.name, page.code, page.title, online, *_numbers(row.numbers, spreadsheet)])
    by_procedure.append([str(_("Tổng cộng")), "", "", "", *_numbers(statistics.total, spreadsheet)])
    by_agency = [_headings(_("Cơ quan"), _("Số thủ tục"), *NUMBER_HEADINGS)]
    for summary in statistics.agencies:
        by_agency.append([summary.agency.name, summary.procedures, *_numbers(summary.numbers, spreadsheet)])
    by_agency.append([str(_("Tổng cộng")), len(statistics.rows), *_numbers(statistics.total, spreadsheet)])
    return [(str(_("Theo thủ tục")), by_procedure), (str(_("Theo cơ quan")), by_agency)]


class StatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """A year's numbers of the user's agencies (?year=, ?agency=), on screen or as ?export=csv / xlsx."""

    template_name = "services/admin/statistics.html"
    page_title = _("Thống kê dịch vụ công")
    header_icon = "table"
    breadcrumbs_items = [*WagtailAdminTemplateMixin.breadcrumbs_items, {"url": "", "label": page_title}]

    def dispatch(self, request, *args, **kwargs):
        self.agencies = sorted(statistics_agencies(request.user), key=lambda agency: sort_key(agency.name))
        if not self.agencies:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def year(self) -> int:
        return chosen_year(self.request.GET.get("year"))

    @cached_property
    def chosen_agency(self) -> Agency | None:
        """The agency asked for, or the only one the user has; None for all of theirs."""
        if len(self.agencies) == 1:
            return self.agencies[0]
        wanted = self.request.GET.get("agency", "")
        return next((agency for agency in self.agencies if str(agency.pk) == wanted), None)

    @cached_property
    def statistics(self):
        scope = [self.chosen_agency] if self.chosen_agency else self.agencies
        return procedure_statistics(scope, self.year, language=Locale.get_default().language_code)

    def get(self, request, *args, **kwargs):
        spreadsheet = request.GET.get("export")
        if spreadsheet in ("csv", "xlsx"):
            name = f"thong-ke-dich-vu-cong-{self.year}"
            if self.chosen_agency and len(self.agencies) > 1:
                name += f"-{self.chosen_agency.code or 'cong-tinh'}"
            sheets = statistics_sheets(self.statistics, spreadsheet)
            return csv_response(name, sheets[0][1]) if spreadsheet == "csv" else xlsx_response(name, sheets)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "statistics": self.statistics,
                "years": statistics_years(),
                "agencies": self.agencies if len(self.agencies) > 1 else [],
                "chosen_agency": self.chosen_agency,
            }
        )
        return context


# The roadmap ---------------------------------------------------------------------------------------------


class PlanIndexView(generic.IndexView):
    def get_base_queryset(self):
        return plans_for(self.request.user).select_related("agency", "procedure")

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if sees_every_agency(self.request.user):
            buttons.append(
                HeaderButton(_("Báo cáo toàn tỉnh"), url=reverse("services_plans:report"), icon_name="download")
            )
        return buttons


class ScopedPlanMixin:
    """For the edit and delete views: only the user's agencies' plans exist (another agency's is a 404)."""

    def get_queryset(self):
        return plans_for(self.request.user)


class ScopedPlanObjectMixin:
    """The same for the history and usage views (whose own queryset is of log entries or references)."""

    def get_base_object_queryset(self):
        return plans_for(self.request.user)


class PlanEditView(ScopedPlanMixin, generic.EditView):
    pass


class PlanDeleteView(ScopedPlanMixin, generic.DeleteView):
    pass


class PlanHistoryView(ScopedPlanObjectMixin, generic.HistoryView):
    pass


class PlanUsageView(ScopedPlanObjectMixin, generic.UsageView):
    pass


class PlanViewSet(ModelViewSet):
    """Each agency's yearly roadmap of services to bring online, and its progress (Điều 12.2)."""

    model = OnlineServicePlan
    icon = "calendar-check"
    menu_label = _("Lộ trình dịch vụ công trực tuyến")
    menu_order = 145
    add_to_admin_menu = True
    index_view_class = PlanIndexView
    edit_view_class = PlanEditView
    delete_view_class = PlanDeleteView
    history_view_class = PlanHistoryView
    usage_view_class = PlanUsageView
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = PlanFilterSet
    ordering = ["-year", "due_on", "pk"]
    list_per_page = 50
    list_display = [
        TitleColumn("procedure", label=_("Thủ tục"), url_name="services_plans:edit"),
        Column("agency", label=_("Cơ quan")),
        "year",
        Column("target_level", label=_("Mức độ cần đạt"), accessor="get_target_level_display"),
        Column(
            "due_on", label=_("Thời hạn"), accessor=lambda plan: plan.due_on.strftime("%d/%m/%Y"), sort_key="due_on"
        ),
        Column("progress", label=_("Tiến độ"), accessor="get_progress_display", sort_key="progress"),
        Column("percent", label=_("Tỷ lệ (%)"), sort_key="percent"),
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("agency"), FieldPanel("year")]),
            FieldPanel("procedure"),
            FieldRowPanel([FieldPanel("target_level"), FieldPanel("due_on")]),
            FieldRowPanel([FieldPanel("progress"), FieldPanel("percent")]),
            FieldPanel("note"),
        ],
        base_form_class=PlanForm,
    )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("bao-cao/", plan_report_view, name="report")]

    def get_permissions_to_register(self):
        # The policy does not read Django's model permissions: offering them in the group editor would mislead.
        return super().get_permissions_to_register().none()


# The province's report -----------------------------------------------------------------------------------


def _current_level(page: ProcedurePage) -> str:
    level = str(page.get_online_service_display())
    return f"{level} ({page.get_service_level_display()})" if page.service_level else level


def plan_report_sheets(report, spreadsheet: str) -> list[tuple[str, list[list]]]:
    """The rows of the roadmap report: every plan, then each agency's planned, done and share done."""
    plans = [
        _headings(
            _("Cơ quan"),
            _("Mã thủ tục"),
            _("Tên thủ tục"),
            _("Mức độ hiện tại"),
            _("Mức độ cần đạt"),
            _("Thời hạn hoàn thành"),
            _("Tiến độ"),
            _("Tỷ lệ hoàn thành (%)"),
            _("Ghi chú"),
        )
    ]
    for plan in report.plans:
        plans.append(
            [
                plan.agency.name,
                plan.procedure.code,
                plan.procedure.title,
                _current_level(plan.procedure),
                str(plan.get_target_level_display()),
                plan.due_on.strftime("%d/%m/%Y") if spreadsheet == "csv" else plan.due_on,
                str(plan.get_progress_display()),
                plan.percent,
                plan.note,
            ]
        )
    summary = [_headings(_("Cơ quan"), _("Số thủ tục trong lộ trình"), _("Đã hoàn thành"), _("Tỷ lệ hoàn thành (%)"))]
    share = vietnamese_decimal if spreadsheet == "csv" else _rate
    for line in report.agencies:
        summary.append([line.agency.name, line.planned, line.done, share(line.done_rate)])
    summary.append([str(_("Toàn tỉnh")), report.planned, report.done, share(report.done_rate)])
    return [(str(_("Lộ trình")), plans), (str(_("Tổng hợp theo cơ quan")), summary)]


def plan_report_view(request):
    """The province's roadmap for a year (?year=), on screen by agency, or every plan as ?export=csv / xlsx."""
    if not sees_every_agency(request.user):
        raise PermissionDenied
    years = plan_years()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year
    if year not in years:
        year = timezone.localdate().year
    report = plan_report(year)
    spreadsheet = request.GET.get("export")
    name = f"lo-trinh-dich-vu-cong-truc-tuyen-{year}"
    if spreadsheet == "csv":
        (_title, plans), (_title, summary) = plan_report_sheets(report, "csv")
        # A CSV file holds one table: the summary follows the plans after an empty line, as a report printed.
        return csv_response(name, [*plans, [], *summary])
    if spreadsheet == "xlsx":
        return xlsx_response(name, plan_report_sheets(report, "xlsx"))
    context = {
        "report": report,
        "years": list(reversed(years)),
        "page_title": _("Báo cáo lộ trình dịch vụ công trực tuyến"),
        "header_title": _("Báo cáo lộ trình dịch vụ công trực tuyến"),
        "header_icon": "calendar-check",
        "index_url": reverse("services_plans:index"),
    }
    return TemplateResponse(request, "services/admin/plan_report.html", context)
