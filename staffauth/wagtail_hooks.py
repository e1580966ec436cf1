from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import views
from .devices import may_reset


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [
        path("xac-thuc/", views.verify, name="staffauth_verify"),
        path("xac-thuc/dang-ky/", views.enrol, name="staffauth_enrol"),
        path("xac-thuc/ma-du-phong/", views.RecoveryCodesView.as_view(), name="staffauth_recovery_codes"),
        path("xac-thuc/dat-lai/<int:user_id>/", views.ResetDevicesView.as_view(), name="staffauth_reset_devices"),
    ]


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request):
    return {
        "url": reverse("staffauth_recovery_codes"),
        "label": _("Mã dự phòng xác thực hai bước"),
        "help_text": _("Xem còn bao nhiêu mã dự phòng, hoặc tạo mã mới thay cho các mã cũ."),
    }


@hooks.register("register_user_listing_buttons")
def reset_second_factor_button(user, request_user):
    if may_reset(request_user, user):
        yield Button(
            _("Đặt lại xác thực hai bước"),
            reverse("staffauth_reset_devices", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_log_actions")
def register_second_factor_log_actions(actions):
    actions.register_action(
        "staffauth.reset_devices", _("Đặt lại xác thực hai bước"), _("Đã đặt lại xác thực hai bước")
    )
    actions.register_action("staffauth.new_recovery_codes", _("Tạo mã dự phòng mới"), _("Đã tạo mã dự phòng mới"))
