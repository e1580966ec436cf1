"""Registers the list of sign-in lockouts in Settings, its URLs, and the unlock action of the audit log."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .lockout import UNLOCK_ACTION
from .views import LockoutsView, may_unlock, unlock_view


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_unlock(request.user)


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [
        path("khoa-dang-nhap/", LockoutsView.as_view(), name="signin_lockouts"),
        path("khoa-dang-nhap/mo-khoa/", unlock_view, name="signin_unlock"),
    ]


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(_("Khóa đăng nhập"), reverse("signin_lockouts"), icon_name="lock", order=610)


@hooks.register("register_log_actions")
def register_unlock_action(actions):
    actions.register_action(UNLOCK_ACTION, _("Mở khóa đăng nhập"), _("Đã mở khóa đăng nhập"))
