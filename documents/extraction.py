"""Text of attached files (PDF, DOCX) for the document search, cached by file hash."""

import io
import logging
import zipfile

from django.core.cache import cache

logger = logging.getLogger(__name__)

MAX_PAGES = 300
MAX_CHARS = 300_000
CACHE_SECONDS = 30 * 24 * 3600


def files_text(documents) -> str:
    """The text of every readable file among Wagtail `documents`, joined."""
    return "\n".join(text for text in (document_text(document) for document in documents) if text)[:MAX_CHARS]


def document_text(document) -> str:
    """The text of one Wagtail document if it is a PDF or DOCX ("" otherwise, or if unreadable)."""
    extension = document.file_extension.lower()
    if extension not in {"pdf", "docx"}:
        return ""
    key = f"legal-documents:text:{document.file_hash or document.pk}"
    text = cache.get(key)
    if text is None:
        try:
            with document.open_file() as handle:
                data = handle.read()
            text = pdf_text(data) if extension == "pdf" else docx_text(data)
        except Exception:  # noqa: BLE001 - a damaged file must not stop the document from being saved
            logger.warning("Could not read the text of document %s", document.pk, exc_info=True)
            text = ""
        cache.set(key, text, CACHE_SECONDS)
    return text


def pdf_text(data: bytes) -> str:
    """Text of a PDF's first MAX_PAGES pages."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join((page.extract_text() or "") for page in reader.pages[:MAX_PAGES])[:MAX_CHARS]


def docx_text(data: bytes) -> str:
    """Text of a DOCX's paragraphs and tables."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError):
        return ""
    lines = [paragraph.text for paragraph in document.paragraphs]
    lines += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(lines)[:MAX_CHARS]
