"""Models of the legal-documents library (R5): the editable lists, the document pages, files and relations."""

from .entries import SearchEntry
from .lists import Authority, DocumentType, LegalField
from .pages import DocumentFile, DocumentRelation, LegalDocumentIndexPage, LegalDocumentPage, Validity

__all__ = [
    "Authority",
    "DocumentFile",
    "DocumentRelation",
    "DocumentType",
    "LegalDocumentIndexPage",
    "LegalDocumentPage",
    "LegalField",
    "SearchEntry",
    "Validity",
]
