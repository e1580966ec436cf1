"""The admin's "Báo cáo hoạt động" (Reports menu): the periodic operations report of Điều 16.1.c.

Who reads it: superusers and the portal's editorial board (BBT) every site, with a filter by site; an agency's or
commune's BBT its own site; everyone else gets 403 (not Wagtail's redirect to the dashboard). Every number, on
screen and in the exports (?export=csv, xlsx, pdf), comes from `sections.report_tables` for the sites the reader may
see: a site id outside them is ignored, not obeyed.
"""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.models import Agency
from services.statistics import sees_every_agency

from .charts import chart_svg
from .exports import csv_report, pdf_report, xlsx_report
from .forms import PeriodForm
from .sections import report_tables, site_order

EXPORTS = {"csv": csv_report, "xlsx": xlsx_report, "pdf": pdf_report}


def report_agencies(user):
    """The sites whose report `user` reads: every one for superusers and the portal's BBT, else their BBT's."""
    agencies = Agency.objects.select_related("site__root_page")
    if not user.is_active:
        return agencies.none()
    if sees_every_agency(user):
        return agencies.all()
    return agencies.filter(moderators__in=user.groups.all()).distinct()


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    """The report for the period asked for (this month by default), on screen or exported."""

    template_name = "reporting/report.html"
    page_title = _("Báo cáo hoạt động")
    header_icon = "table"
    breadcrumbs_items = [*WagtailAdminTemplateMixin.breadcrumbs_items, {"url": "", "label": page_title}]

    def dispatch(self, request, *args, **kwargs):
        self.agencies = sorted(report_agencies(request.user), key=site_order)
        if not self.agencies:
            # A plain 403 (Wagtail would turn PermissionDenied into a redirect to the dashboard): the export links
            # must not answer with a page that looks like success.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def form(self) -> PeriodForm:
        data = self.request.GET if "kind" in self.request.GET else PeriodForm.initial_data()
        return PeriodForm(data, agencies=self.agencies)

    @cached_property
    def chosen(self) -> list[Agency]:
        """The sites reported on: the one chosen in the form (among the reader's), or all of the reader's."""
        wanted = self.form.cleaned_data.get("site") if self.form.is_valid() else None
        return [agency for agency in self.agencies if agency.pk == wanted] or self.agencies

    def get(self, request, *args, **kwargs):
        export = EXPORTS.get(request.GET.get("export", ""))
        if export is None or not self.form.is_valid():
            return super().get(request, *args, **kwargs)
        period = self.form.period()
        return export(period, [agency.name for agency in self.chosen], self.tables(period))

    def tables(self, period):
        scope = Agency.objects.filter(pk__in=[agency.pk for agency in self.chosen]).select_related("site__root_page")
        return report_tables(period, scope)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"form": self.form, "sites": self.chosen})
        if self.form.is_valid():
            period = self.form.period()
            tables = self.tables(period)
            for index, table in enumerate(tables):
                table.svg = chart_svg(table.chart, f"chart-{index}") if table.chart and table.chart.values else ""
            context.update({"period": period, "tables": tables})
        return context
