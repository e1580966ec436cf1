"""manage.py restore_site <file.zip>: a site archived by export_site, restored into this installation (R13)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archiving.exporting import ArchiveError
from archiving.restoring import restore_site


class Command(BaseCommand):
    help = (
        "Phục hồi một trang từ tệp lưu trữ của export_site vào cài đặt này, trong một giao dịch. Từ chối, không ghi "
        "gì, nếu tệp hỏng hoặc sai định dạng, hoặc tên miền, khóa chính, vị trí trong cây trang đã có ở đây."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="Tệp .zip do export_site ghi")

    def handle(self, *args, path, **options):
        try:
            restored = restore_site(path)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            self.stdout.write(
                f"{restored.agency.site.hostname}: {restored.counts.get('wagtailcore.page', 0)} trang, "
                f"{restored.counts.get('wagtailcore.revision', 0)} phiên bản"
            )
            for note in restored.notes:
                self.stdout.write(note)
