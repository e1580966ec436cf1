"""manage.py rebuild_site_search: write the site search's entries of every public page and item again."""

from django.core.management.base import BaseCommand

from finder.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Ghi lại toàn bộ chỉ mục tìm kiếm của các trang: mọi trang công khai đang xuất bản và mục đã đăng ký "
        "(hỏi đáp đã công khai…). Chạy sau khi cài đặt lần đầu trên dữ liệu có sẵn, hoặc sau khi nâng cấp "
        "một phiên bản thay đổi nội dung được tìm kiếm."
    )

    def handle(self, *args, **options):
        counts = rebuild(log=self.stdout.write if options["verbosity"] > 1 else None)
        if options["verbosity"]:
            self.stdout.write(f"{sum(counts.values())} mục: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
