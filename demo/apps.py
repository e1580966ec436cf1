"""The demo as a Django app, so that its `seed_demo` command is found; it has no models."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo's content and its seeding command (installed by the dev and test settings only)."""

    name = "demo"
    verbose_name = "Dữ liệu trình diễn"
