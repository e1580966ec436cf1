"""Everything oversight adds to Wagtail's admin, registered here only: the dashboard panel of posting deadlines,
the full listing in the Reports menu, and the sections of the periodic operations report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .access import watched_agencies
from .panels import DeadlinesPanel
from .report import deadline_sections
from .views import DeadlineListView


@hooks.register("construct_homepage_panels")
def add_deadlines_panel(request, panels):
    agencies = watched_agencies(request.user)
    if agencies.exists():
        panels.append(DeadlinesPanel(agencies))


@hooks.register("register_admin_urls")
def register_deadlines_url():
    return [path("thoi-han-dang-tin/", DeadlineListView.as_view(), name="oversight_deadlines")]


class DeadlinesMenuItem(MenuItem):
    """Shown to those who watch some site's deadlines."""

    def is_shown(self, request):
        return watched_agencies(request.user).exists()


@hooks.register("register_reports_menu_item")
def register_deadlines_menu_item():
    return DeadlinesMenuItem(_("Thời hạn đăng tin"), reverse("oversight_deadlines"), icon_name="time", order=690)


hooks.register("register_report_sections", deadline_sections)
