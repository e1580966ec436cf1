"""The demo's official records (demo/data/records.yaml, R13): one legal document withdrawn with its reason, and one
page with a published change note in both languages. Idempotent: what is there already is left as it is."""

from django.utils import timezone
from wagtail.models import Page

from documents.models import LegalDocumentPage
from home.models import Agency
from home.models.records import ChangeNote
from home.onboarding import Onboarding
from home.withdrawal import withdraw, withdrawal_of

from .loader import read


def seed_records(agencies: dict[str, Agency], result: Onboarding) -> None:
    """Withdraw the document and write the change note that records.yaml names (keyed by the sites' codes)."""
    data = read("records")
    spec = data["withdrawn"]
    root = agencies[spec["site"]].site.root_page
    document = LegalDocumentPage.objects.live().filter(path__startswith=root.path, number=spec["number"]).first()
    if document is not None:
        done = withdrawal_of(document) is not None
        if not done:
            withdraw(document, None, spec["reason"])
        result.note(not done, f"văn bản thu hồi {spec['number']}")
    spec = data["change_note"]
    root = agencies[spec["site"]].site.root_page
    page = Page.objects.live().filter(path__startswith=root.path, title=spec["title"]).first()
    if page is not None:
        versions = {version.locale.language_code: version for version in page.get_translations(inclusive=True).live()}
        for language, note in (("vi", spec["note"]), ("en", spec.get("note_en"))):
            version = versions.get(language)
            if version is None or not note:
                continue
            created = not ChangeNote.objects.filter(page=version).exists()
            if created:
                ChangeNote.objects.create(
                    page=version, revision_id=version.live_revision_id, note=note, published_at=timezone.now()
                )
            result.note(created, f"ghi chú cập nhật “{version.title}”")
