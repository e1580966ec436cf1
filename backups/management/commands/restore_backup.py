"""manage.py restore_backup SOURCE: a backup made by `manage.py backup`, checked, then restored into the database
and the configured storages."""

import dj_database_url
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from backups.database import BackupError
from backups.restoring import code_migrations, migration_gaps, restore_backup


class Command(BaseCommand):
    help = (
        "Phục hồi một bản sao lưu của manage.py backup: kiểm tra cỡ và mã băm SHA-256 của mọi tệp trước, rồi phục hồi "
        "cơ sở dữ liệu (pg_restore --clean hoặc bản sao SQLite) và ghi các tệp vào kho tệp đang cấu hình. Từ chối cơ "
        "sở dữ liệu đích đã có bảng nếu không có --yes."
    )
    requires_system_checks = []  # the target may be an empty database, where checks that read it would fail

    def add_arguments(self, parser):
        parser.add_argument(
            "source", help="Thư mục bản sao lưu (…/portal-20261203T190000Z) hoặc s3://bucket/tiền-tố/portal-…"
        )
        parser.add_argument(
            "--database-url", default=None, help="Cơ sở dữ liệu đích (mặc định: DATABASE_URL của cài đặt này)"
        )
        parser.add_argument(
            "--yes", action="store_true", help="Đồng ý thay nội dung của cơ sở dữ liệu đích nếu nó không trống"
        )

    def handle(self, *args, source, database_url, yes, **options):
        if database_url:
            target = dj_database_url.parse(database_url)
        else:
            target = connections["default"].settings_dict
            connections["default"].close()  # pg_restore --clean must not wait behind this process's own connection
        try:
            restored = restore_backup(source, target, replace=yes)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            counts = ", ".join(f"{count} {label}" for label, count in restored.counts.items())
            self.stdout.write(
                f"Đã phục hồi {restored.name}: {counts}; {restored.files.get('default', 0)} tệp công khai, "
                f"{restored.files.get('private', 0)} tệp riêng tư."
            )
        missing, unknown = migration_gaps(restored.migrations, code_migrations())
        if unknown:
            self.stderr.write(
                f"Cảnh báo: mã này cũ hơn bản sao lưu ({len(unknown)} migration không có trong mã, ví dụ {unknown[0]})"
                ": chạy mã ở commit của bản sao lưu hoặc mới hơn."
            )
        if options["verbosity"]:
            if missing:
                self.stdout.write(f"Tiếp theo: manage.py migrate ({len(missing)} migration mới hơn bản sao lưu).")
            else:
                self.stdout.write("Lược đồ cơ sở dữ liệu khớp với mã: không cần migrate.")
