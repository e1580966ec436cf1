"""Checking uploaded files: by size, and by content, whatever their name claims (a renamed .exe is not a PDF).

`upload_problem` checks what citizens send (dossiers, questions); `CheckedDocumentForm` is the form of Wagtail's
document library (settings.WAGTAILDOCS_DOCUMENT_FORM_BASE), for what editors upload."""

import logging
import zipfile

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PyPdfError
from wagtail.documents.forms import BaseDocumentForm

logger = logging.getLogger(__name__)

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Word/Excel (.doc, .xls)
ZIP_MEMBERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "odt": "content.xml", "ods": "content.xml"}
# The uploads that are zip archives. A "zip bomb" of a few hundred kilobytes can expand to gigabytes in whatever opens
# it (the search indexer, an officer's Word): past these, read from the archive's central directory, it is refused.
ZIP_BASED = {*ZIP_MEMBERS, "zip"}
ZIP_MAX_EXPANDED = 100 * 1024 * 1024
ZIP_MAX_RATIO = 100


def content_matches_extension(upload, extension: str) -> bool:
    """Whether the file's first bytes (and, for Office Open XML, its parts) are what its extension claims."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in {"doc", "xls"}:
        return head == OLE2
    if extension == "rar":
        return head.startswith(b"Rar!\x1a\x07")
    if extension == "zip":
        return head.startswith(b"PK\x03\x04")
    if extension in ZIP_MEMBERS:
        try:
            with zipfile.ZipFile(upload) as archive:
                return ZIP_MEMBERS[extension] in archive.namelist()
        except zipfile.BadZipFile:
            return False
        finally:
            upload.seek(0)
    return False


def pdf_problem(upload) -> str | None:
    """Why a file that starts like a PDF is refused (in the visitor's language), or None: pypdf cannot read it, it
    has no page, or it needs a password to open (one encrypted with an empty password, as scanners make, is fine:
    the officers and the search indexer can read it)."""
    upload.seek(0)
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError("a password is needed")
        pages = len(reader.pages)
    except FileNotDecryptedError:
        return gettext("Tệp “%(name)s” có mật khẩu nên không mở được. Hãy gửi bản không đặt mật khẩu.") % {
            "name": upload.name
        }
    # pypdf reading an arbitrary file may fail in ways it does not wrap (a recursion, a bad number, a missing key).
    except (PyPdfError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError, OSError) as error:
        logger.info("Unreadable PDF upload refused: %s", error)
        pages = 0
    finally:
        upload.seek(0)
    if not pages:
        return gettext(
            "Tệp “%(name)s” bị hỏng hoặc không phải PDF: không đọc được trang nào. "
            "Hãy mở tệp, lưu lại (hoặc in ra PDF) rồi gửi lại."
        ) % {"name": upload.name}
    return None


def archive_problem(upload) -> str | None:
    """Why a zip-based upload is refused (in the visitor's language), or None: it cannot be read as a zip, or it
    would expand past ZIP_MAX_EXPANDED or ZIP_MAX_RATIO times its size. Only the central directory is read: nothing
    is extracted."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            expanded = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        return gettext(
            "Tệp “%(name)s” bị hỏng hoặc không đúng định dạng: không đọc được nội dung. "
            "Hãy mở tệp, lưu lại rồi gửi lại."
        ) % {"name": upload.name}
    finally:
        upload.seek(0)
    if expanded > ZIP_MAX_EXPANDED or expanded > ZIP_MAX_RATIO * max(upload.size, 1):
        return gettext(
            "Tệp “%(name)s” không được nhận: khi giải nén lên tới %(expanded)s, gấp %(ratio)s lần tệp gửi lên "
            "(chỉ nhận tệp giải nén tối đa %(limit)s và gấp không quá %(max_ratio)s lần). Hãy lưu tệp dưới dạng PDF "
            "hoặc gửi tệp gốc."
        ) % {
            "name": upload.name,
            "expanded": filesizeformat(expanded),
            "ratio": expanded // max(upload.size, 1),
            "limit": filesizeformat(ZIP_MAX_EXPANDED),
            "max_ratio": ZIP_MAX_RATIO,
        }
    return None


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files that are too large or not what their extension says."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "content_type"):  # an unchanged file on the edit form
            return upload
        limit = settings.PORTAL_MAX_UPLOAD_SIZE
        if upload.size > limit:
            raise forms.ValidationError(
                _("Tệp quá lớn (%(size)s); tối đa %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        problem = archive_problem(upload) if extension in ZIP_BASED else None
        if problem:
            raise forms.ValidationError(problem)
        if not content_matches_extension(upload, extension):
            raise forms.ValidationError(
                _("Nội dung tệp không đúng định dạng .%(extension)s; hãy tải lên đúng tệp văn bản.")
                % {"extension": extension}
            )
        problem = pdf_problem(upload) if extension == "pdf" else None
        if problem:
            raise forms.ValidationError(problem)
        return upload


# The first bytes of the image formats citizens may send.
IMAGE_SIGNATURES = {"jpg": b"\xff\xd8\xff", "jpeg": b"\xff\xd8\xff", "png": b"\x89PNG\r\n\x1a\n"}


def upload_problem(upload, extensions: set[str], limit: int) -> str | None:
    """Why `upload` is refused (in the visitor's language), or None: too large, not what it claims to be, a zip
    (a Word or Excel file) that is corrupt or expands too much, or a PDF that cannot be read."""
    if upload.size > limit:
        return gettext("Tệp “%(name)s” quá lớn (%(size)s); tối đa %(limit)s.") % {
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
        return gettext("Tệp “%(name)s” không đúng định dạng; chỉ nhận %(kinds)s.") % {
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
