from django.apps import AppConfig


class VietnamConfig(AppConfig):
    """Vietnamese conventions shared by every app: Unicode NFC, diacritic folding, slugs."""

    name = "vietnam"
    verbose_name = "Tiếng Việt"

    def ready(self):
        from . import signals  # noqa: F401
