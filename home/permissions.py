"""A permission policy for what each site's editorial board (BBT) looks after outside the page tree."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import Agency


class BoardPermissionPolicy(BasePermissionPolicy):
    """`actions` are allowed to superusers and to the BBT members that `is_keeper` says, on the objects
    `kept_by(user)` returns; `keeper_groups(instance)` are the groups that keep one object."""

    actions: frozenset[str] = frozenset()

    def is_keeper(self, user) -> bool:
        raise NotImplementedError

    def kept_by(self, user):
        raise NotImplementedError

    def keeper_groups(self, instance):
        raise NotImplementedError

    def user_has_permission(self, user, action):
        return action in self.actions and self.is_keeper(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self.kept_by(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.actions.intersection(actions):
            return self.model.objects.none()
        return self.kept_by(user)

    def users_with_any_permission(self, actions):
        return self._users(actions, Agency.objects.values("moderators"))

    def users_with_any_permission_for_instance(self, actions, instance):
        return self._users(actions, self.keeper_groups(instance))

    def _users(self, actions, groups):
        users = get_user_model().objects.filter(is_active=True)
        if not self.actions.intersection(actions):
            return users.none()
        return users.filter(Q(is_superuser=True) | Q(groups__in=groups)).distinct()
