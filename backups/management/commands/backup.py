"""manage.py backup: the whole installation (database, media, citizens' files) in one dated backup, then the
retention rule."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from backups.database import BackupError
from backups.destinations import default_location, destination
from backups.making import make_backup
from backups.retention import backups_to_keep


class Command(BaseCommand):
    help = (
        "Sao lưu toàn bộ cài đặt: cơ sở dữ liệu (pg_dump hoặc bản sao SQLite), tệp công khai và tệp riêng tư của "
        "người dân, kèm manifest.json (cỡ, SHA-256, phiên bản, migration), vào một thư mục hoặc bucket S3. Sau đó xóa "
        "các bản cũ ngoài quy tắc giữ lại (nếu có --keep-…). Bản sao lưu chứa dữ liệu cá nhân: chỉ người được giao "
        "mới được giữ."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            dest="location",
            default=None,
            help="Thư mục hoặc s3://bucket/tiền-tố (mặc định: BACKUP_S3_BUCKET nếu có, nếu không BACKUP_DIR)",
        )
        parser.add_argument("--keep-daily", type=int, default=None, help="Giữ bản mới nhất của N ngày gần nhất")
        parser.add_argument("--keep-weekly", type=int, default=None, help="Giữ bản mới nhất của N tuần gần nhất")
        parser.add_argument("--keep-monthly", type=int, default=None, help="Giữ bản mới nhất của N tháng gần nhất")

    def handle(self, *args, location, keep_daily, keep_weekly, keep_monthly, **options):
        try:
            target = destination(location or default_location())
            made = make_backup(target)
            files = made.manifest["files"]
            if options["verbosity"]:
                stored = [entry for entry in files if "storage" in entry]
                private = sum(1 for entry in stored if entry["storage"] == "private")
                size = sum(entry["size"] for entry in files)
                self.stdout.write(
                    f"{target}/{made.name}: cơ sở dữ liệu, {len(stored) - private} tệp công khai, {private} tệp "
                    f"riêng tư; {size / 1e6:.1f} MB"
                )
            if (keep_daily, keep_weekly, keep_monthly) != (None, None, None):
                names = target.names()
                kept = backups_to_keep(
                    names,
                    timezone.get_default_timezone(),
                    daily=keep_daily or 0,
                    weekly=keep_weekly or 0,
                    monthly=keep_monthly or 0,
                )
                removed = [name for name in names if name not in kept]
                for name in removed:
                    target.delete(name)
                target.remove_abandoned()
                if options["verbosity"]:
                    self.stdout.write(f"Giữ {len(kept)} bản sao lưu, xóa {len(removed)}.")
        except BackupError as error:
            raise CommandError(str(error)) from error
