from django.apps import AppConfig


class GroundworkConfig(AppConfig):
    """The shared pieces every app builds on (see the package's docstring)."""

    name = "groundwork"
    verbose_name = "Nền tảng dùng chung"
