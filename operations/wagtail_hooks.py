"""Everything the operations app adds to Wagtail's admin, registered here only: the maintenance windows (Settings,
superusers only) and the sub-sites report (Reports, superusers and the portal's BBT)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .models import MaintenanceWindow
from .permissions import AdministratorsOnlyPolicy, sees_every_site
from .views import SubsiteReportView

maintenance_policy = AdministratorsOnlyPolicy(MaintenanceWindow)
register_permission_policy(MaintenanceWindow, maintenance_policy)


class AnnounceView(CreateView):
    """Adding a window announces it: who did is recorded with it."""

    def save_instance(self):
        self.form.instance.announced_by = self.request.user
        return super().save_instance()


class MaintenanceWindowViewSet(ModelViewSet):
    """Planned downtime: announced by the portal's administrators at least 7 working days ahead (Decree 224/2026)."""

    model = MaintenanceWindow
    permission_policy = maintenance_policy
    icon = "warning"
    menu_label = _("Lịch tạm ngừng để bảo trì")
    add_to_settings_menu = True
    list_display = ["starts_at", "ends_at", "reason", "announced_at", "announced_by"]
    form_fields = ["starts_at", "ends_at", "reason", "reason_en"]
    copy_view_enabled = False
    inspect_view_enabled = True

    add_view_class = AnnounceView


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
