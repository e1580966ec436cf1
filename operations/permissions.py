"""Who runs the portal's operations in the admin: maintenance windows are the administrators' (superusers') alone;
the sub-sites report is theirs and the portal's BBT's (the portal watches its sub-sites, Decree 224/2026)."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy

from home.models import Agency


def sees_every_site(user) -> bool:
    """Superusers and the members of the portal's editorial board (BBT)."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return Agency.objects.filter(kind=Agency.Kind.PORTAL, moderators__in=user.groups.all()).exists()


class AdministratorsOnlyPolicy(BasePermissionPolicy):
    """Every action to active superusers, none to anyone else."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)
