"""What the reporting app adds to Wagtail: the report's page and its Reports menu item, its own sections of the
report (sections.py), and the page-view counter around every page served."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import sections
from .pageviews import count_page_view
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


# The innermost of the wrappers around serving a page (the highest order), so inside Wagtail's view restrictions
# (an `on_serve_page` hook since Wagtail 7, which a `before_serve_page` hook runs before): a login or password form
# answered instead of the page is not a reading of it, nor is a redirect or a sub-route's 404.
@hooks.register("on_serve_page", order=100)
def count_views(serve):
    def counted(page, request, serve_args, serve_kwargs):
        response = serve(page, request, serve_args, serve_kwargs)
        if response.status_code == 200:
            count_page_view(page, request)
        return response

    return counted


for function in (
    sections.published_items,
    sections.questions,
    sections.consultations,
    sections.dossiers,
    sections.page_views,
):
    hooks.register("register_report_sections", function)
