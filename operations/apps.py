from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the portal under Decree 224/2026 (R15): planned downtime, the sub-sites' list and their monitoring."""

    name = "operations"
    verbose_name = "Vận hành"

    def ready(self):
        from . import signals  # noqa: F401
