"""manage.py refresh_document_validity: run daily (cron) so that dates that have come update validity."""

from django.core.management.base import BaseCommand

from documents.models import LegalDocumentPage
from documents.models.pages import refresh_all_on_portal
from documents.search import listing_changed
from documents.signals import refresh_validity


class Command(BaseCommand):
    help = "Tính lại tình trạng hiệu lực của mọi văn bản theo ngày hôm nay (chạy hằng ngày)."

    def handle(self, *args, **options):
        documents = LegalDocumentPage.objects.only(
            "pk", "translation_key", "validity", "validity_override", "effective_from", "expires_on"
        )
        changed = refresh_validity(documents.iterator(chunk_size=2000))
        # A safety net: save() and the signals keep on_portal right one document at a time.
        listed = refresh_all_on_portal()
        if changed or listed:
            listing_changed()
        self.stdout.write(f"Đã cập nhật tình trạng hiệu lực của {changed} văn bản.")
        if listed:
            self.stdout.write(f"Đã sửa {listed} văn bản về việc có hiện trong tìm kiếm của Cổng hay không.")
