"""Uploads are checked by content and size, not only by extension (a renamed .exe is not a PDF)."""

import zipfile

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Word/Excel (.doc, .xls)
ZIP_MEMBERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "odt": "content.xml", "ods": "content.xml"}


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
        if not content_matches_extension(upload, extension):
            raise forms.ValidationError(
                _("Nội dung tệp không đúng định dạng .%(extension)s; hãy tải lên đúng tệp văn bản.")
                % {"extension": extension}
            )
        return upload
