"""`manage.py check_subsites [--days N] [--no-http]`: the sub-sites not reachable or not updated for N days."""

from django.core.management.base import BaseCommand, CommandError

from operations.subsites import DEFAULT_STALE_DAYS, check_reachability, subsite_statuses


class Command(BaseCommand):
    """List, one line each, the sub-sites whose home page does not answer (an HTTP GET with a short timeout) or
    under which nothing was published for N days, for cron and monitoring: tab-separated
    `unreachable|stale <TAB> host <TAB> url <TAB> detail`, and exit status 1 when any is listed (0 and one line
    "ok" otherwise)."""

    help = "Liệt kê các cổng thành phần không truy cập được hoặc không cập nhật trong N ngày; mã thoát 1 nếu có."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DEFAULT_STALE_DAYS, help="số ngày không cập nhật (mặc định 30)")
        parser.add_argument("--no-http", action="store_true", help="không thử truy cập trang chủ của từng cổng")
        parser.add_argument("--timeout", type=float, default=5.0, help="giây chờ mỗi cổng trả lời (mặc định 5)")
        parser.add_argument(
            "--address",
            default="",
            help="kết nối tới địa chỉ IP này (ví dụ 127.0.0.1, máy chủ web nội bộ) thay vì phân giải tên miền",
        )

    def handle(self, days, no_http, timeout, address, **options):
        if days < 1:
            raise CommandError("--days phải lớn hơn 0.")
        statuses = subsite_statuses(days)
        if not no_http:
            check_reachability(statuses, timeout=timeout, address=address)
        lines = []
        for status in statuses:
            host = status.agency.site.hostname
            if status.reachable is False:
                lines.append(f"unreachable\t{host}\t{status.url}\t{status.error}")
            if status.stale:
                when = status.last_update_display or "chưa đăng bài nào"
                lines.append(f"stale\t{host}\t{status.url}\tcập nhật gần nhất: {when} (quá {days} ngày)")
        for line in lines:
            self.stdout.write(line)
        if lines:
            raise SystemExit(1)
        if options["verbosity"]:
            self.stdout.write(f"ok\t{len(statuses)} cổng thành phần truy cập được và được cập nhật trong {days} ngày")
