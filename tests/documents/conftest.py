"""Fixtures for the legal-documents library: its lists, and documents published on a site."""

import io
import zipfile
from datetime import date

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from demo.pdf import pdf_bytes as demo_pdf
from documents.models import Authority, DocumentFile, DocumentRelation, DocumentType, LegalDocumentPage, LegalField
from tests.home.helpers import section


def create_lists() -> dict:
    """A few document types, authorities and fields, as an administrator would enter them (the types are among the
    standard ones that migrations create)."""
    types = {
        name: DocumentType.objects.get_or_create(name=name, defaults={"abbreviation": abbr})[0]
        for name, abbr in [
            ("Quyết định", "QĐ"),
            ("Nghị quyết", "NQ"),
            ("Kế hoạch", "KH"),
            ("Chỉ thị", "CT"),
            ("Công văn", "CV"),
        ]
    }
    authorities = {
        name: Authority.objects.create(name=name)
        for name in [
            "UBND tỉnh Quảng Ngãi",
            "HĐND tỉnh Quảng Ngãi",
            "Sở Thông tin và Truyền thông",
        ]
    }
    fields = {
        name: LegalField.objects.create(name=name)
        for name in [
            "Công nghệ thông tin",
            "Hành chính nhà nước",
            "Kế hoạch và đầu tư",
        ]
    }
    return {"types": types, "authorities": authorities, "fields": fields}


@pytest.fixture
def lists(db):
    return create_lists()


def pdf_bytes(text: str) -> bytes:
    """A small valid PDF whose page shows `text` (ASCII), for extraction and download tests."""
    return demo_pdf([text])


def encrypted_pdf(user_password: str) -> bytes:
    """A valid one-page PDF encrypted with `user_password` (empty: it opens without one, as many scanners make)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("mat khau"))))
    writer.encrypt(user_password=user_password, owner_password="chu-so-huu", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def empty_pdf() -> bytes:
    """A well-formed PDF with no page."""
    from pypdf import PdfWriter

    buffer = io.BytesIO()
    PdfWriter().write(buffer)
    return buffer.getvalue()


def office_file(members: dict[str, int | bytes]) -> bytes:
    """An Office file (a zip) made in memory: each member's content, or a size in bytes of zeros (about 1000:1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            with archive.open(name, "w", force_zip64=True) as member:
                if isinstance(content, bytes):
                    member.write(content)
                    continue
                for _chunk in range(content // (1024 * 1024)):
                    member.write(bytes(1024 * 1024))
    return buffer.getvalue()


@pytest.fixture
def make_document(lists):
    """make_document(agency, number, summary, type=…, authority=…, fields=[…], issued_on=…, files={name: bytes},
    relations=[(kind, target)], live=True, **fields): a document page in the agency's /van-ban/ section."""
    return document_maker(lists)


def document_maker(lists: dict):
    """The function behind the `make_document` fixture, for module-scoped data too."""

    def make(
        agency,
        number,
        summary,
        *,
        type="Quyết định",
        authority="UBND tỉnh Quảng Ngãi",
        fields=(),
        issued_on=date(2025, 1, 15),
        files=None,
        relations=(),
        live=True,
        **extra,
    ):
        parent = section(agency, "van-ban")
        page = LegalDocumentPage(
            title=f"{type} {number}",
            number=number,
            summary=summary,
            document_type=lists["types"][type],
            authority=lists["authorities"][authority],
            issued_on=issued_on,
            locale=parent.locale,
            **extra,
        )
        for name, content in (files or {}).items():
            document = get_document_model().objects.create(
                title=name, file=ContentFile(content, name=name), collection=agency.collection
            )
            page.files.add(DocumentFile(document=document))
        for kind, target in relations:
            page.relations.add(DocumentRelation(kind=kind, target=target))
        parent.add_child(instance=page)
        page.legal_fields.set([lists["fields"][name] for name in fields])
        revision = page.save_revision()
        if live:
            revision.publish()
        page.refresh_from_db()
        return page

    return make
