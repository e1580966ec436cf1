"""Wagtail's frontend cache backend for the portal's Varnish (deploy/varnish/portal.vcl)."""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger("wagtail.frontendcache")

# A URL ending in this asks for every URL under its path (a page and its subtree), not only the path and its query
# strings.
PREFIX = "*"

TIMEOUT = 5  # seconds: a hung Varnish must not hold the task worker


class BanRequest(Request):
    def get_method(self) -> str:
        return "BAN"


class VarnishBackend(HTTPBackend):
    """Sends `BAN <path>` to the Varnish at LOCATION with the page's Host: Varnish drops that path with any query
    string (a listing's pages and filters), or every URL under it when the URL ends in PREFIX ("*").

    Varnish accepts it only from its `purgers` ACL (frontcache.varnish.render_backends). A failure is logged and the
    content stays stale until its TTL, as with Wagtail's own backends: it never fails the publish."""

    def purge(self, url: str) -> None:
        prefix = url.endswith(PREFIX)
        parts = urlsplit(url.removesuffix(PREFIX))
        request = BanRequest(
            urlunsplit((self.cache_scheme, self.cache_netloc, parts.path or "/", "", "")),
            headers={
                "Host": parts.hostname or "",
                "X-Ban-Prefix": "1" if prefix else "0",
                "User-Agent": "portal-frontcache",
            },
        )
        try:
            with urlopen(request, timeout=TIMEOUT):  # noqa: S310 - LOCATION is the configured Varnish
                pass
        except HTTPError as error:
            logger.error("Couldn't ban '%s' from Varnish: HTTP %d %s", url, error.code, error.reason)
        except (URLError, OSError) as error:
            logger.error("Couldn't ban '%s' from Varnish: %s", url, getattr(error, "reason", error))
