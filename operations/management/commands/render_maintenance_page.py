"""`manage.py render_maintenance_page DIR`: write DIR/maintenance.html for the front tier (deploy/nginx/)."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from operations.maintenance import maintenance_page, scheduled_windows


class Command(BaseCommand):
    """Write the maintenance page, in both languages and self-contained, that nginx serves during a planned window
    and whenever the application answers 502, 503 or 504. It names the next announced window (or the one in
    progress); with none, or without a database, it says only that the portal is closed for maintenance. Run it at
    each deploy and after announcing a window."""

    help = "Ghi trang bảo trì tĩnh maintenance.html vào thư mục DIR, để máy chủ web phục vụ khi ứng dụng tạm ngừng."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="thư mục ghi maintenance.html (tạo nếu chưa có)")

    def handle(self, directory, **options):
        try:
            window = next(iter(scheduled_windows()), None)
        except DatabaseError:
            window = None
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "maintenance.html"
        # Written beside it then renamed: nginx never serves half a file.
        partial = folder / "maintenance.html.tmp"
        partial.write_text(maintenance_page(window), encoding="utf-8")
        partial.replace(target)
        if options["verbosity"]:
            self.stdout.write(f"{target}")
