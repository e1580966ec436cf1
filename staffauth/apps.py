from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffAuthConfig(AppConfig):
    """Signing staff in to the admin: a second factor (TOTP) for every admin role, and limits on their sessions."""

    name = "staffauth"
    verbose_name = _("Đăng nhập của cán bộ")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .sessions import record_sign_in

        user_logged_in.connect(record_sign_in, dispatch_uid="staffauth.record_sign_in")
