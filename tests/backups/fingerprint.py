"""What a restore must bring back, read through the models and storages of an installation: its pages, legal
documents with their files' SHA-256, questions with their attachment's, dossiers with their files'."""

import hashlib

from wagtail.models import Page

from documents.models import LegalDocumentPage
from feedback.models import Question
from services.models import Dossier


def _sha256(field_file) -> str:
    with field_file.open("rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def fingerprint() -> dict:
    """The installation's content as comparable lists (JSON-ready)."""
    return {
        "pages": sorted([page.url_path, page.title, page.live] for page in Page.objects.all()),
        "documents": sorted(
            [page.number, page.title, [_sha256(attached.document.file) for attached in page.files.all()]]
            for page in LegalDocumentPage.objects.all()
        ),
        "questions": sorted(
            [question.code, question.name, question.title, _sha256(question.attachment)]
            for question in Question.objects.all()
        ),
        "dossiers": sorted(
            [dossier.code, dossier.applicant, sorted([f.name, _sha256(f.file)] for f in dossier.files.all())]
            for dossier in Dossier.objects.all()
        ),
    }
