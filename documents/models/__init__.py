"""Models of the legal-documents library (R5): the editable lists, the document pages, files and relations."""

from .entries import SearchEntry
from .lists import Authority, DocumentType, LegalField
from .pages import (
    DirectiveIndexPage,
    DocumentFile,
    DocumentRelation,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    Validity,
)

__all__ = [
    "Authority",
    "DirectiveIndexPage",
    "DocumentFile",
    "DocumentRelation",
    "DocumentType",
    "LegalDocumentIndexPage",
    "LegalDocumentPage",
    "LegalField",
    "SearchEntry",
    "Validity",
]
