"""The Redis cache, degrading to no cache while Redis is unreachable instead of failing every request.

Everything the portal keeps in the cache (the site frame, listing counts, extracted text, rate-limit counts) can be
recomputed or counted elsewhere: with Redis down or hung, a page is slower, not an error.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
_FAILED = object()


class CacheUnavailable(ValueError):
    """`incr` while Redis is unreachable. A ValueError, as for a missing key, so a caller that handles that copes."""


class Outage:
    """Whether one Redis server is down, shared by every thread of the process (Django gives each its own backend).

    After a failure Redis is not asked again for `retry_after` seconds, so a page that makes five cache calls waits
    for one timeout, not five. An outage is logged once when it starts and once when it ends, not at every call.
    """

    def __init__(self, server: str, retry_after: float):
        self.server = server
        self.retry_after = retry_after
        self.down_since: float | None = None
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def waiting(self) -> bool:
        """True during the back-off after a failure: answer without asking Redis."""
        return self.down_since is not None and time.monotonic() < self.retry_at

    def failed(self, error: Exception) -> None:
        with self.lock:
            now = time.monotonic()
            self.retry_at = now + self.retry_after
            if self.down_since is None:
                self.down_since = now
                logger.warning(
                    "Redis cache at %s unreachable (%s): serving without it, trying again every %s s",
                    self.server,
                    error,
                    self.retry_after,
                )

    def succeeded(self) -> None:
        if self.down_since is None:  # the usual case, without taking the lock
            return
        with self.lock:
            if self.down_since is not None:
                logger.info(
                    "Redis cache at %s reachable again after %.0f s", self.server, time.monotonic() - self.down_since
                )
                self.down_since = None


_outages: dict[str, Outage] = {}
_outages_lock = threading.Lock()


def outage_of(servers: list[str], retry_after: float) -> Outage:
    """The process's one Outage for these servers (their addresses only: a URL may carry a password)."""
    name = ",".join(urlsplit(server).netloc.rpartition("@")[2] or server for server in servers)
    with _outages_lock:
        return _outages.setdefault(name, Outage(name, retry_after))


class DegradingRedisCache(RedisCache):
    """Django's RedisCache that answers as an empty cache that keeps nothing while Redis is unreachable.

    get → default, get_many → {}, add/touch/delete/has_key → False, set/set_many/delete_many → nothing kept,
    incr → CacheUnavailable. OPTIONS takes `retry_after` (seconds of back-off, default 5) besides redis-py's
    connection options; give it short `socket_connect_timeout` and `socket_timeout`, or a hung Redis holds each
    request for redis-py's default (none: forever).
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        retry_after = options.pop("retry_after", 5)
        super().__init__(server, {**params, "OPTIONS": options})
        self.outage = outage_of(self._servers, retry_after)

    def _try(self, call, fallback):
        """`call()`, or `fallback` if Redis is unreachable (at once during the back-off after a failure)."""
        if self.outage.waiting():
            return fallback
        try:
            result = call()
        except UNREACHABLE as error:
            self.outage.failed(error)
            return fallback
        self.outage.succeeded()
        return result

    def get(self, key, default=None, version=None):
        return self._try(lambda: RedisCache.get(self, key, default, version), default)

    def get_many(self, keys, version=None):
        return self._try(lambda: RedisCache.get_many(self, keys, version), {})

    def has_key(self, key, version=None):
        return self._try(lambda: RedisCache.has_key(self, key, version), False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(lambda: RedisCache.add(self, key, value, timeout, version), False)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._try(lambda: RedisCache.set(self, key, value, timeout, version), None)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(lambda: RedisCache.set_many(self, data, timeout, version), list(data))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(lambda: RedisCache.touch(self, key, timeout, version), False)

    def delete(self, key, version=None):
        return self._try(lambda: RedisCache.delete(self, key, version), False)

    def delete_many(self, keys, version=None):
        self._try(lambda: RedisCache.delete_many(self, keys, version), None)

    def clear(self):
        return self._try(lambda: RedisCache.clear(self), False)

    def incr(self, key, delta=1, version=None):
        result = self._try(lambda: RedisCache.incr(self, key, delta, version), _FAILED)
        if result is _FAILED:
            raise CacheUnavailable(f"The cache cannot count {key!r}: Redis is unreachable")
        return result
