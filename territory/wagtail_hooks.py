"""Everything the territory app adds to Wagtail's admin, registered here only."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin import AdministrativeUnitViewSet
from .models import AdministrativeUnit

register_permission_policy(AdministrativeUnit, AdministrativeUnitViewSet.permission_policy)


@hooks.register("register_admin_viewset")
def register_unit_viewset():
    return AdministrativeUnitViewSet("territory_units", url_prefix="don-vi-hanh-chinh")
