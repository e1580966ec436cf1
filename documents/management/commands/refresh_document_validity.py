"""manage.py refresh_document_validity: run daily (cron) so that dates that have come update validity."""

from django.core.management.base import BaseCommand

from documents.models import LegalDocumentPage
from documents.signals import refresh_validity


class Command(BaseCommand):
    help = "Tính lại tình trạng hiệu lực của mọi văn bản theo ngày hôm nay (chạy hằng ngày)."

    def handle(self, *args, **options):
        documents = LegalDocumentPage.objects.only(
            "pk", "translation_key", "validity", "validity_override", "effective_from", "expires_on"
        )
        changed = refresh_validity(documents.iterator(chunk_size=2000))
        self.stdout.write(f"Đã cập nhật tình trạng hiệu lực của {changed} văn bản.")
