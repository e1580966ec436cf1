"""What the reporting app adds to Wagtail: the report's page and its Reports menu item, its own sections of the
report (sections.py). Page views are counted by a beacon (usage.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import sections
from .views import ReportView, report_agencies


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("bao-cao-hoat-dong/", ReportView.as_view(), name="reporting_report")]


class ReportMenuItem(MenuItem):
    """Shown to those who may read some site's report (views.report_agencies)."""

    def is_shown(self, request):
        return report_agencies(request.user).exists()


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(_("Báo cáo hoạt động"), reverse("reporting_report"), icon_name="table", order=700)


for function in (
    sections.published_items,
    sections.questions,
    sections.consultations,
    sections.dossiers,
    sections.page_views,
):
    hooks.register("register_report_sections", function)
