from django.apps import AppConfig


class ProcurementConfig(AppConfig):
    """Investment projects, bidding and public procurement (R4 h, Điều 8.2.h)."""

    name = "procurement"
    verbose_name = "Dự án, đấu thầu, mua sắm công"

    def ready(self):
        from . import signals  # noqa: F401
