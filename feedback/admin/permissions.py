"""Who sees what in the feedback admin: questions by their site's BBT and units, comments and the askers' ratings
of the answers by their site's BBT.

Registered for their models in feedback/wagtail_hooks.py.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from feedback import handling
from feedback.consultations import is_moderator, moderated_comments
from feedback.models import Question, QuestionRating
from home.models import Agency
from home.permissions import BoardPermissionPolicy
from home.queries import agencies_by_root_path, owner_of


class QuestionPermissionPolicy(ModelPermissionPolicy):
    """Seeing the inbox is for the BBT and the units' staff; the steps check each question (handling.py)."""

    def user_has_permission(self, user, action):
        return action == "view" and handling.has_inbox(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and handling.questions_for(user).filter(pk=instance.pk).exists()

    def instances_user_has_permission_for(self, user, action):
        return handling.questions_for(user) if action == "view" else Question.objects.none()


class CommentPermissionPolicy(BoardPermissionPolicy):
    """Comments are moderated by the editorial board of the consultation's site, and by superusers."""

    # Moderating is changing a comment's status; reading and exporting need the same right.
    actions = frozenset({"change", "view"})

    def is_keeper(self, user):
        return is_moderator(user)

    def kept_by(self, user):
        return moderated_comments(user)

    def keeper_groups(self, instance):
        agency = owner_of(instance.page, agencies_by_root_path())
        return [agency.moderators_id] if agency else []


def rating_agencies(user):
    """The agencies whose answers' ratings `user` reads: their BBT's; every one for superusers and the portal's
    BBT (as services.statistics.sees_every_agency)."""
    if not user.is_active:
        return Agency.objects.none()
    groups = user.groups.all()
    if user.is_superuser or Agency.objects.filter(kind=Agency.Kind.PORTAL, moderators__in=groups).exists():
        return Agency.objects.all()
    return Agency.objects.filter(moderators__in=groups)


class QuestionRatingPermissionPolicy(ModelPermissionPolicy):
    """The askers' ratings are only read, by their agencies' BBT (rating_agencies)."""

    def user_has_permission(self, user, action):
        return action == "view" and rating_agencies(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and rating_agencies(user).filter(pk=instance.agency_id).exists()

    def instances_user_has_permission_for(self, user, action):
        if action != "view":
            return QuestionRating.objects.none()
        return QuestionRating.objects.filter(agency__in=rating_agencies(user))
