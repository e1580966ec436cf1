from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigninConfig(AppConfig):
    """Staff sign-in to the admin: lockout after failed attempts, throttled password resets sent through the mail
    queue, a second factor (TOTP) for every admin role, limits on staff sessions, and Vietnamese as every account's
    language unless it chose English."""

    name = "signin"
    verbose_name = _("Đăng nhập của cán bộ")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import languages  # noqa: F401 - connects its receiver
        from .sessions import record_sign_in

        user_logged_in.connect(record_sign_in, dispatch_uid="signin.record_sign_in")
