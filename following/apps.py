from django.apps import AppConfig


class FollowingConfig(AppConfig):
    """Following without an account (R12): e-mail digests of what the chosen sites publish, double opt-in."""

    name = "following"
    verbose_name = "Nhận tin qua thư điện tử"
