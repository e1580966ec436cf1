from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    """The whole installation's backups (database, media and citizens' files) and their restore: no models."""

    name = "backups"
    verbose_name = _("Sao lưu")
