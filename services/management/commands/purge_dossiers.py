"""manage.py purge_dossiers: run daily (cron) so that closed dossiers are deleted when their retention ends."""

from django.conf import settings
from django.core.management.base import BaseCommand

from services.retention import purge_closed_dossiers


class Command(BaseCommand):
    help = (
        "Xoá các hồ sơ trực tuyến đã kết thúc (đã trả kết quả hoặc từ chối) quá thời hạn lưu trữ "
        "SERVICES_DOSSIER_RETENTION_DAYS, cùng các bước xử lý và tệp của chúng; mỗi hồ sơ bị xoá được ghi vào "
        "nhật ký truy cập hồ sơ. Hồ sơ đang xử lý không bao giờ bị xoá. Chạy hằng ngày."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm các hồ sơ sẽ bị xoá, không xoá gì.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.SERVICES_DOSSIER_RETENTION_DAYS
        count = purge_closed_dossiers(dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"Sẽ xoá {count} hồ sơ đã kết thúc quá {days} ngày (chạy thử, chưa xoá gì).")
        else:
            self.stdout.write(f"Đã xoá {count} hồ sơ đã kết thúc quá {days} ngày.")
