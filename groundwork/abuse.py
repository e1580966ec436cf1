"""Keeping public forms usable: a honeypot field that people never see, and per-IP rate limits.

The limits are counted in the cache (Redis when REDIS_URL is set, so every web worker shares them); while Redis is
unreachable, in the process's own memory. An IP address is only ever stored hashed, never logged. `client_ip` is the
one answer to "which address is this visitor": every rate limit and the sign-in lockout (django-axes) count by it.
"""

import hashlib
import ipaddress

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.translation import gettext_lazy as _

from groundwork.cache import CacheUnavailable

HONEYPOT_FIELD = "website"


class HoneypotMixin(forms.Form):
    """A field hidden from people (and from screen readers) that bots fill in; a filled one fails validation."""

    website = forms.CharField(
        required=False,
        label=_("Để trống ô này"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("Không gửi được biểu mẫu này."))
        return cleaned_data


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """`text` as an address (an IPv4 address mapped into IPv6 as the IPv4 one), or None if it is not one."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def client_ip(request) -> str:
    """The visitor's address: the socket's (REMOTE_ADDR), unless the socket is one of PORTAL_TRUSTED_PROXIES.

    Behind trusted proxies it is the right-most address in X-Forwarded-For that is not a trusted proxy: each proxy
    appends the address it was connected from, so entries left of that one are whatever the client sent and are
    never believed. Returns "" when the request has no socket address (a test's bare request).
    """
    proxies = [ipaddress.ip_network(proxy) for proxy in settings.PORTAL_TRUSTED_PROXIES]

    def is_proxy(address) -> bool:
        return any(address in network for network in proxies)

    remote = _address(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return ""
    if not is_proxy(remote):
        return str(remote)
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(hop)
        if address is None:
            break  # not what a proxy appends: count the request against the nearest proxy, not a made-up client
        if not is_proxy(address):
            return str(address)
    return str(remote)


def rate_limited(request, scope: str, limit: int, seconds: int, key: str | None = None) -> bool:
    """Count one attempt of `scope` from this visitor; True once there were more than `limit` in `seconds`.

    `key` counts by something else than the visitor's address (an e-mail address asked about); hashed the same.
    """
    digest = hashlib.sha256((client_ip(request) if key is None else key).encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}"
    try:
        count = _count(cache, key, seconds)
    except CacheUnavailable:
        # Redis is down: the limits fail safe, counted in this process's memory rather than lapsing. Each worker
        # process counts apart, so with N workers an address may get up to N times the limit until Redis is back.
        count = _count(_counts_while_cache_down, key, seconds)
    return count > limit


_counts_while_cache_down = LocMemCache("ratelimit-fallback", {"TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": 100_000}})


def _count(store, key: str, seconds: int) -> int:
    """Add one to the count at `key` in `store` (a cache), started for `seconds`; the new count."""
    store.add(key, 0, seconds)
    try:
        return store.incr(key)
    except CacheUnavailable:
        raise
    except ValueError:  # expired between add and incr
        store.set(key, 1, seconds)
        return 1
