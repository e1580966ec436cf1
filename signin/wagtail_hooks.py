"""Registers the pages of signing in under /admin/: the second step and recovery codes (with their Account menu
item), an administrator's reset of a user's devices (a button in the user list), the list of sign-in lockouts in
Settings, and the audit log's actions for resets, new recovery codes and unlocks."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import views
from .devices import may_reset
from .lockout import UNLOCK_ACTION


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_unlock(request.user)


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [
        path("xac-thuc/", views.verify, name="signin_verify"),
        path("xac-thuc/dang-ky/", views.enrol, name="signin_enrol"),
        path("xac-thuc/ma-du-phong/", views.RecoveryCodesView.as_view(), name="signin_recovery_codes"),
        path("xac-thuc/dat-lai/<int:user_id>/", views.ResetDevicesView.as_view(), name="signin_reset_devices"),
    ]


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request):
    return {
        "url": reverse("signin_recovery_codes"),
        "label": _("Mã dự phòng xác thực hai bước"),
        "help_text": _("Xem còn bao nhiêu mã dự phòng, hoặc tạo mã mới thay cho các mã cũ."),
    }


@hooks.register("register_user_listing_buttons")
def reset_second_factor_button(user, request_user):
    if may_reset(request_user, user):
        yield Button(
            _("Đặt lại xác thực hai bước"),
            reverse("signin_reset_devices", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_log_actions")
def register_second_factor_log_actions(actions):
    actions.register_action("signin.reset_devices", _("Đặt lại xác thực hai bước"), _("Đã đặt lại xác thực hai bước"))
    actions.register_action("signin.new_recovery_codes", _("Tạo mã dự phòng mới"), _("Đã tạo mã dự phòng mới"))


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [
        path("khoa-dang-nhap/", views.LockoutsView.as_view(), name="signin_lockouts"),
        path("khoa-dang-nhap/mo-khoa/", views.unlock_view, name="signin_unlock"),
    ]


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(_("Khóa đăng nhập"), reverse("signin_lockouts"), icon_name="lock", order=610)


@hooks.register("register_log_actions")
def register_unlock_action(actions):
    actions.register_action(UNLOCK_ACTION, _("Mở khóa đăng nhập"), _("Đã mở khóa đăng nhập"))
