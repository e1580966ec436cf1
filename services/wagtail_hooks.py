"""Everything the services app adds to Wagtail's admin, registered here only (as Wagtail's contrib apps do).

The one-stop desk's dossier inbox, the services' statistics and the applicants' ratings (Reports menu), each
agency's roadmap of online services, the list procedures are classified by, and the ratings' section of the
periodic operations report (groundwork.reports). Views, forms, filters and permission policies live in
`services/admin/`; importing them registers nothing.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from groundwork.ratings import rating_report
from groundwork.viewsets import NamedListViewSet

from .admin.permissions import DossierPermissionPolicy, DossierRatingPermissionPolicy, PlanPermissionPolicy
from .admin.views.dossiers import DossierViewSet
from .admin.views.ratings import DossierRatingViewSet
from .admin.views.statistics import PlanViewSet, StatisticsView
from .models import Dossier, DossierRating, OnlineServicePlan, Sector
from .statistics import statistics_agencies

register_permission_policy(Dossier, DossierPermissionPolicy(Dossier))
register_permission_policy(DossierRating, DossierRatingPermissionPolicy(DossierRating))
register_permission_policy(OnlineServicePlan, PlanPermissionPolicy(OnlineServicePlan))


@hooks.register("register_admin_viewset")
def register_dossier_viewset():
    return DossierViewSet("services_dossiers", url_prefix="ho-so")


@hooks.register("register_admin_viewset")
def register_plan_viewset():
    return PlanViewSet("services_plans", url_prefix="lo-trinh-dich-vu-cong")


@hooks.register("register_admin_urls")
def register_statistics_url():
    return [path("thong-ke-dich-vu-cong/", StatisticsView.as_view(), name="services_statistics")]


class StatisticsMenuItem(MenuItem):
    """Shown to those who may see some agency's numbers (statistics.statistics_agencies)."""

    def is_shown(self, request):
        return statistics_agencies(request.user).exists()


@hooks.register("register_reports_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(_("Thống kê dịch vụ công"), reverse("services_statistics"), icon_name="table", order=710)


@hooks.register("register_admin_viewset")
def register_rating_viewset():
    return DossierRatingViewSet("services_ratings", url_prefix="danh-gia-ho-so")


@hooks.register("register_reports_menu_item")
def register_rating_menu_item():
    return StatisticsMenuItem(
        _("Đánh giá hồ sơ trực tuyến"), reverse("services_ratings:index"), icon_name="pick", order=720
    )


@hooks.register("register_report_sections")
def dossier_rating_sections(period, agencies):
    """The operations report's table of applicants' ratings of their dossiers in `period`, per site of `agencies`
    (count, average, share satisfied), with a chart of the share satisfied. One query."""
    return [
        rating_report(
            DossierRating.objects.all(),
            period,
            agencies,
            key="danh-gia-ho-so",
            title=_("Đánh giá của người dân về hồ sơ trực tuyến"),
        )
    ]


class SectorViewSet(NamedListViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Lĩnh vực thủ tục hành chính")
    add_to_settings_menu = True
    form_fields = ["name", "name_en", "slug", "sort_order"]


@hooks.register("register_admin_viewset")
def register_sector_viewset():
    return SectorViewSet("procedure-sectors", url_prefix="linh-vuc-thu-tuc")
