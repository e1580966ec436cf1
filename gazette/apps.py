from django.apps import AppConfig


class GazetteConfig(AppConfig):
    """The provincial Official Gazette (Công báo, R6)."""

    name = "gazette"
    verbose_name = "Công báo"
