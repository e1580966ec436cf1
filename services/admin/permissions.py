"""Who sees what in the services admin: dossiers by their agencies' one-stop desks, roadmaps by their agencies' BBT,
applicants' ratings by both.

Registered for their models in services/wagtail_hooks.py.
"""

from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from home.models import Agency
from home.permissions import BoardPermissionPolicy
from services import handling
from services.models import Dossier, DossierRating
from services.statistics import planning_agencies, plans_for, statistics_agencies


class DossierPermissionPolicy(ModelPermissionPolicy):
    """Dossiers are only seen, by their agencies' one-stop desks; the steps check each dossier (handling.py)."""

    def user_has_permission(self, user, action):
        return action == "view" and handling.has_inbox(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and handling.dossiers_for(user).filter(pk=instance.pk).exists()

    def instances_user_has_permission_for(self, user, action):
        return handling.dossiers_for(user) if action == "view" else Dossier.objects.none()


class PlanPermissionPolicy(BoardPermissionPolicy):
    """Each agency's roadmap is kept by its BBT; superusers and the portal's BBT keep every agency's."""

    actions = frozenset({"add", "change", "delete", "view"})

    def is_keeper(self, user):
        return planning_agencies(user).exists()

    def kept_by(self, user):
        return plans_for(user)

    def keeper_groups(self, instance):
        return Agency.objects.filter(Q(pk=instance.agency_id) | Q(kind=Agency.Kind.PORTAL)).values("moderators")


class DossierRatingPermissionPolicy(ModelPermissionPolicy):
    """Applicants' ratings are only read, by their agencies' BBT and one-stop desk (every agency's for superusers
    and the portal's BBT: statistics.statistics_agencies)."""

    def user_has_permission(self, user, action):
        return action == "view" and statistics_agencies(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and statistics_agencies(user).filter(pk=instance.agency_id).exists()

    def instances_user_has_permission_for(self, user, action):
        if action != "view":
            return DossierRating.objects.none()
        return DossierRating.objects.filter(agency__in=statistics_agencies(user))
