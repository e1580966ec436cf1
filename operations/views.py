"""The operations admin: the maintenance windows' viewset (Settings, superusers only), and the sub-sites report
(Reports menu): the same list as `manage.py check_subsites`, for superusers and the portal's BBT: every sub-site with
its last update, whether it is stale after N days, and whether its home page answers (all checked at once, with a
short timeout). Registered by wagtail_hooks.py."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import CreateView, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from .models import MaintenanceWindow
from .permissions import AdministratorsOnlyPolicy, sees_every_site
from .subsites import DEFAULT_STALE_DAYS, check_reachability, subsite_statuses

REPORT_TIMEOUT = 3.0

maintenance_policy = AdministratorsOnlyPolicy(MaintenanceWindow)


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


class SubsiteReportView(WagtailAdminTemplateMixin, TemplateView):
    """GET ?days=N (default 30, 1–3650): the sub-sites, those with a problem first."""

    template_name = "operations/admin/subsites.html"
    page_title = _("Giám sát cổng thành phần")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not sees_every_site(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            days = min(max(int(self.request.GET.get("days", DEFAULT_STALE_DAYS)), 1), 3650)
        except ValueError:
            days = DEFAULT_STALE_DAYS
        statuses = subsite_statuses(days)
        check_reachability(statuses, timeout=REPORT_TIMEOUT)
        context["days"] = days
        context["problems"] = [status for status in statuses if status.has_problem]
        context["subsites"] = sorted(statuses, key=lambda status: not status.has_problem)
        return context
