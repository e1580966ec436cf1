from django.apps import AppConfig


class FrontcacheConfig(AppConfig):
    """Purges the front cache (Varnish) when a page is published, unpublished, moved, deleted, withdrawn or restored,
    or gets a change note."""

    name = "frontcache"
    verbose_name = "Bộ đệm phía trước"

    def ready(self):
        from .purging import connect

        connect()
