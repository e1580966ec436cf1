"""The tokens in the links of following's e-mails, unguessable and never stored as such.

A confirmation token is random (256 bits) and sent once; only its SHA-256 hash is kept, so a copy of the database
opens nothing. A management token is the subscription's key with an HMAC of it (SECRET_KEY, with its fallbacks for
rotation): every e-mail can carry it without the database holding it, and a new key revokes every older link.
"""

import hashlib
import secrets
import uuid

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "following.manage"


def new_confirmation_token() -> tuple[str, str]:
    """A new confirmation token and the hash to store."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    """The SHA-256 of a token, as stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def management_token(key: uuid.UUID) -> str:
    """The token of a subscription's management links: "<key>-<signature>"."""
    return f"{key.hex}-{_signature(key.hex)}"


def key_of(token: str) -> uuid.UUID | None:
    """The subscription key a management token was made for, or None if it is not one of ours."""
    key, _dash, signature = token.partition("-")
    if len(key) != 32 or not signature:
        return None
    try:
        parsed = uuid.UUID(hex=key)
    except ValueError:
        return None
    for secret in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        if constant_time_compare(signature, _signature(key, secret)):
            return parsed
    return None


def _signature(key: str, secret: str | None = None) -> str:
    return salted_hmac(SALT, key, secret=secret, algorithm="sha256").hexdigest()[:32]
