from django.apps import AppConfig


class FinderConfig(AppConfig):
    """The site search over everything a site publishes (R1, R12), its feeds and what crawlers read of a page."""

    name = "finder"
    verbose_name = "Tìm kiếm toàn cổng"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
