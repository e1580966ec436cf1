"""Where files sent by citizens are kept: never under the public media URL (R14, Điều 13)."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages
from django.http import FileResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header

NO_STORE = "private, no-store"


def private_storage():
    """The `private` storage of settings.STORAGES (a folder outside MEDIA_ROOT, or a private bucket)."""
    return storages["private"]


@contextmanager
def removed_on_failure(storage) -> Iterator[list[str]]:
    """Give the block a list for the names of the files it stores in `storage`; if the block raises (its
    transaction rolled back), delete those files and raise again, so that no file outlives the rows that named it."""
    stored: list[str] = []
    try:
        yield stored
    except BaseException:
        for name in stored:
            storage.delete(name)
        raise


def private_file_response(field_file, filename: str):
    """Hand a privately stored file to someone the caller has checked may have it, as a download named `filename`.

    On disk the file is streamed. On a private bucket (S3) the answer is a redirect to a URL signed for this one
    object, which expires after the storage's `querystring_expire` (PRIVATE_FILE_URL_EXPIRE seconds) and makes
    the bucket answer with the same download headers. Never cached, never sniffed. Raises ImproperlyConfigured
    if the remote storage would give an unsigned URL.
    """
    storage = field_file.storage
    disposition = content_disposition_header(as_attachment=True, filename=filename)
    try:
        storage.path(field_file.name)
    except NotImplementedError:
        # A URL without a signature, or on a custom domain (a CDN), would open the file to anyone who has it.
        if not getattr(storage, "querystring_auth", False) or getattr(storage, "custom_domain", None):
            raise ImproperlyConfigured(
                "The private storage must hand out signed URLs: querystring_auth on, no custom_domain."
            ) from None
        url = storage.url(
            field_file.name,
            parameters={"ResponseContentDisposition": disposition, "ResponseCacheControl": NO_STORE},
        )
        response = HttpResponseRedirect(url)
    else:
        response = FileResponse(field_file.open("rb"), as_attachment=True, filename=filename)
        response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = NO_STORE
    return response
