"""A frontend cache backend that records what it is asked to purge (the list of URLs; Varnish itself is tested in
test_varnish.py)."""

from wagtail.contrib.frontend_cache.backends import BaseBackend


class RecordingBackend(BaseBackend):
    """Keeps every URL it is asked to purge, in `RecordingBackend.purged`."""

    purged: list[str] = []

    def purge(self, url: str) -> None:
        RecordingBackend.purged.append(url)
