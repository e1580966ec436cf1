from django.apps import AppConfig


class SigninConfig(AppConfig):
    """Protection of staff sign-in: lockout after failed attempts, throttled password resets sent through the
    mail queue."""

    name = "signin"
    verbose_name = "Đăng nhập"
