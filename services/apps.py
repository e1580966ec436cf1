from django.apps import AppConfig


class ServicesConfig(AppConfig):
    """Online public services and dossiers (R7)."""

    name = "services"
    verbose_name = "Dịch vụ công"
