"""manage.py refresh_document_validity: run daily (cron) so that dates that have come update validity."""

from django.core.management.base import BaseCommand

from documents.models import LegalDocumentPage
from documents.models.entries import repair_search_entries
from documents.search import listing_changed
from documents.signals import refresh_validity


class Command(BaseCommand):
    help = "Tính lại tình trạng hiệu lực của mọi văn bản theo ngày hôm nay (chạy hằng ngày)."

    def handle(self, *args, **options):
        documents = LegalDocumentPage.objects.only(
            "pk", "translation_key", "validity", "validity_override", "effective_from", "expires_on"
        )
        changed = refresh_validity(documents.iterator(chunk_size=2000))
        # A safety net: save() and the signals keep the search's entries right one document at a time.
        repaired = repair_search_entries()
        if changed or repaired:
            listing_changed()
        self.stdout.write(f"Đã cập nhật tình trạng hiệu lực của {changed} văn bản.")
        if repaired:
            self.stdout.write(f"Đã sửa {repaired} mục trong chỉ mục tìm kiếm văn bản.")
