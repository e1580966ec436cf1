"""Keeping public forms usable: a honeypot field that people never see, and per-IP rate limits.

The limits are counted in the cache (Redis when REDIS_URL is set, so every web worker shares them); while Redis is
unreachable, in the process's own memory. An IP address is only ever stored hashed, never logged.
"""

import hashlib

from django import forms
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.translation import gettext_lazy as _

from portal.cache import CacheUnavailable

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


def client_ip(request) -> str:
    """The visitor's address (the proxy in front of the site sets X-Forwarded-For; the last hop is ours)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request, scope: str, limit: int, seconds: int) -> bool:
    """Count one attempt of `scope` from this visitor; True once there were more than `limit` in `seconds`."""
    digest = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
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
