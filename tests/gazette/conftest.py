"""Fixtures for the Official Gazette: the library's fixtures, and issues published in the portal's /cong-bao/."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from gazette.models import GazetteEntry, GazetteIssuePage
from tests.documents.conftest import lists, make_document, pdf_bytes  # noqa: F401 (fixtures used here)
from tests.home.helpers import section


@pytest.fixture
def make_issue(portal):
    """make_issue(number, issued_on, documents=[…], year=None, live=True): an issue of the portal's gazette
    carrying `documents` in that order, its whole-issue PDF uploaded to the portal's collection."""

    def make(number: str, issued_on: date, documents=(), *, year=None, live=True) -> GazetteIssuePage:
        index = section(portal, "cong-bao")
        file = get_document_model().objects.create(
            title=f"Công báo số {number} năm {year or issued_on.year}",
            file=ContentFile(pdf_bytes(f"Cong bao so {number}"), name=f"cong-bao-{number}.pdf"),
            collection=portal.collection,
        )
        issue = GazetteIssuePage(
            number=number, year=year, issued_on=issued_on, file=file, locale=index.locale, live=live
        )
        for position, document in enumerate(documents):
            issue.entries.add(GazetteEntry(document=document, page_from=position * 10 + 3, sort_order=position))
        index.add_child(instance=issue)
        revision = issue.save_revision()
        if live:
            revision.publish()
        issue.refresh_from_db()
        return issue

    return make
