"""Checking files citizens upload: by size, and by content, whatever their name claims."""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from documents.forms import ZIP_BASED, archive_problem, content_matches_extension, pdf_problem

# The first bytes of the image formats accepted (PDF and Office files are checked by documents.forms).
IMAGE_SIGNATURES = {"jpg": b"\xff\xd8\xff", "jpeg": b"\xff\xd8\xff", "png": b"\x89PNG\r\n\x1a\n"}


def upload_problem(upload, extensions: set[str], limit: int) -> str | None:
    """Why `upload` is refused (in the visitor's language), or None: too large, not what it claims to be, a zip
    (a Word or Excel file) that is corrupt or expands too much, or a PDF that cannot be read."""
    if upload.size > limit:
        return _("Tệp “%(name)s” quá lớn (%(size)s); tối đa %(limit)s.") % {
            "name": upload.name,
            "size": filesizeformat(upload.size),
            "limit": filesizeformat(limit),
        }
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension in extensions and extension in ZIP_BASED:
        problem = archive_problem(upload)
        if problem:
            return problem
    if extension not in extensions or not content_is(upload, extension):
        return _("Tệp “%(name)s” không đúng định dạng; chỉ nhận %(kinds)s.") % {
            "name": upload.name,
            "kinds": ", ".join(sorted(kind.upper() for kind in extensions)),
        }
    if extension == "pdf":
        return pdf_problem(upload)
    return None


def content_is(upload, extension: str) -> bool:
    """Whether the file's content is what its extension says."""
    if extension in IMAGE_SIGNATURES:
        upload.seek(0)
        head = upload.read(8)
        upload.seek(0)
        return head.startswith(IMAGE_SIGNATURES[extension])
    return content_matches_extension(upload, extension)
