"""Where files sent by citizens are kept: never under the public media URL (R14, Điều 13)."""

from django.core.files.storage import storages


def private_storage():
    """The `private` storage of settings.STORAGES (a folder outside MEDIA_ROOT, or a private bucket)."""
    return storages["private"]
