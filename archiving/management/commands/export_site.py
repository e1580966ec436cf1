"""manage.py export_site <hostname or code> <file.zip>: one site's content in one archive file (R13)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archiving.exporting import ArchiveError, export_site, find_agency


class Command(BaseCommand):
    help = (
        "Xuất nội dung một trang (trang tiếng Việt và tiếng Anh, phiên bản, nhật ký, tệp và ảnh, thiết lập) ra một "
        "tệp lưu trữ .zip để phục hồi ở cài đặt khác bằng restore_site. Không gồm dữ liệu cá nhân của người dân."
    )

    def add_arguments(self, parser):
        parser.add_argument("site", help="Tên miền hoặc mã cơ quan, ví dụ tunghia hoặc tunghia.quangngai.gov.vn")
        parser.add_argument("path", type=Path, help="Tệp .zip sẽ ghi")

    def handle(self, *args, site, path, **options):
        try:
            manifest = export_site(find_agency(site), path)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            counts = manifest["counts"]
            self.stdout.write(
                f"{manifest['site']['hostname']} → {path}: {counts.get('wagtailcore.page', 0)} trang, "
                f"{counts.get('wagtailcore.revision', 0)} phiên bản, {counts['files']} tệp"
            )
