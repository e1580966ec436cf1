"""Where files sent by citizens are kept: never under the public media URL (R14, Điều 13)."""

from django.core.files.storage import storages
from django.http import FileResponse, HttpResponseRedirect


def private_storage():
    """The `private` storage of settings.STORAGES (a folder outside MEDIA_ROOT, or a private bucket)."""
    return storages["private"]


def private_file_response(field_file, filename: str):
    """Hand a privately stored file to someone the caller has checked may have it.

    On disk the file is streamed; on a private bucket (S3) the answer is a redirect to a signed URL that
    expires within minutes (the storage's `querystring_expire`). Never cached, never sniffed.
    """
    try:
        field_file.storage.path(field_file.name)
    except NotImplementedError:
        response = HttpResponseRedirect(
            field_file.storage.url(
                field_file.name, parameters={"ResponseContentDisposition": f'attachment; filename="{filename}"'}
            )
        )
    else:
        response = FileResponse(field_file.open("rb"), as_attachment=True, filename=filename)
        response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
