from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Site roots, general pages, news, contacts, navigation and per-site settings."""

    name = "home"
    verbose_name = "Trang thông tin"

    def ready(self):
        from . import signals  # noqa: F401
        from .notifications import connect as connect_notifications

        connect_notifications()

        from .change_notes import connect as connect_change_notes

        connect_change_notes()
