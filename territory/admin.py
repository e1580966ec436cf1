"""The admin of the commune-level units: a read-only list for superusers (the data is reference data: a correction
is a data migration, reviewed like code, so that every install gets it)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import AdministrativeUnit


class ReferenceDataPermissionPolicy(BasePermissionPolicy):
    """Superusers may view; nobody may add, change or delete through the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(is_active=True, is_superuser=True)
        return users if "view" in actions else users.none()


class AdministrativeUnitViewSet(ModelViewSet):
    """Listing and inspection of the 96 units, filtered by kind and former province."""

    model = AdministrativeUnit
    icon = "site"
    menu_label = _("Đơn vị hành chính cấp xã")
    add_to_settings_menu = True
    list_display = ["code", "full_name", "name_en", "former_province", "former_district"]
    list_filter = ["kind", "former_province"]
    search_fields = ["code", "name", "name_en"]
    ordering = ["code"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["code"]  # never saved: the policy refuses add and change
    permission_policy = ReferenceDataPermissionPolicy(AdministrativeUnit)
