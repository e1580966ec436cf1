"""Everything the operations app adds to Wagtail's admin, registered here only: the maintenance windows (Settings,
superusers only) and the sub-sites report (Reports, superusers and the portal's BBT)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from .models import MaintenanceWindow
from .permissions import sees_every_site
from .views import MaintenanceWindowViewSet, SubsiteReportView, maintenance_policy

register_permission_policy(MaintenanceWindow, maintenance_policy)


@hooks.register("register_admin_viewset")
def register_maintenance_viewset():
    return MaintenanceWindowViewSet("maintenance_windows", url_prefix="lich-bao-tri")


@hooks.register("register_admin_urls")
def register_subsite_report_url():
    return [path("cong-thanh-phan/", SubsiteReportView.as_view(), name="operations_subsites")]


class SubsiteReportMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_every_site(request.user)


@hooks.register("register_reports_menu_item")
def register_subsite_report_menu_item():
    label = _("Giám sát cổng thành phần")
    return SubsiteReportMenuItem(label, reverse("operations_subsites"), icon_name="site", order=720)
