"""manage.py import_documents FILE.csv --site CODE [--files DIR] [--encoding …] [--publish] [--user USERNAME]."""

import csv
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from documents.importing import COLUMNS, MAX_CSV_SIZE, REQUIRED_COLUMNS, DocumentImporter
from documents.models import LegalDocumentIndexPage
from home.models import Agency
from vietnam.legacy import decode_vietnamese_bytes
from vietnam.text import nfc

# Below this many rows the import is quick enough not to need a progress line.
PROGRESS_FROM_ROWS = 200


class Command(BaseCommand):
    """Import legal documents from a CSV into one site's /van-ban/ section (see documents.importing).

    Good rows are imported even when others fail; the command then ends with CommandError (exit code
    1) listing the failed rows as "Dòng N: lý do". A file larger than MAX_CSV_SIZE, an unreadable file,
    a missing column, an unknown site or user stop it before anything is imported.
    """

    help = (
        "Nhập văn bản từ tệp CSV (UTF-8, Windows-1258, TCVN3 hoặc VNI) vào chuyên mục văn bản của một trang. "
        f"Các cột: {', '.join(COLUMNS)}; ngày ghi dd/mm/yyyy; tep, thay_the, sua_doi có thể ghi nhiều giá trị, "
        "cách nhau bằng dấu ;. Không có --publish thì văn bản được gửi Ban biên tập duyệt."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path, help="Tệp CSV cần nhập.")
        parser.add_argument("--site", required=True, help="Mã của trang (ví dụ stttt); cổng tỉnh: portal.")
        parser.add_argument("--files", type=Path, help="Thư mục chứa các tệp ghi ở cột tep.")
        parser.add_argument("--encoding", help="Bảng mã của tệp: utf-8, cp1258, tcvn3, vni (mặc định: tự nhận biết).")
        parser.add_argument("--publish", action="store_true", help="Xuất bản ngay thay vì gửi Ban biên tập duyệt.")
        parser.add_argument("--user", help="Tên đăng nhập của người nhập (mặc định: quản trị viên đầu tiên).")

    def handle(self, *args, **options):
        agency = self.find_agency(options["site"])
        user = self.find_user(options["user"])
        files_dir = options["files"]
        if files_dir is not None and not files_dir.is_dir():
            raise CommandError(f"Không có thư mục tệp {files_dir}.")
        rows = self.read_rows(options["csv_file"], options["encoding"])
        try:
            importer = DocumentImporter(agency, user, files_dir=files_dir, publish=options["publish"])
        except LegalDocumentIndexPage.DoesNotExist:
            raise CommandError(f"Trang {agency} chưa có chuyên mục văn bản (/van-ban/).") from None

        progress = None
        if len(rows) >= PROGRESS_FROM_ROWS:
            step = max(len(rows) // 20, 1)

            def progress(done):
                if done % step == 0 or done == len(rows):
                    self.stderr.write(f"Đã xử lý {done}/{len(rows)} dòng ({done * 100 // len(rows)}%)")

        report = importer.import_rows(rows, progress=progress)

        self.stdout.write(
            f"Đã tạo {report.created}, cập nhật {report.updated}, không đổi {report.unchanged}, "
            f"lỗi {len(report.errors)} (trên {report.rows} dòng)."
        )
        self.stdout.write(f"Tốc độ: {report.rate:.1f} dòng/giây ({report.seconds:.1f} giây).")
        for row_number, reason in report.errors:
            self.stderr.write(f"Dòng {row_number}: {reason}")
        if report.errors:
            raise CommandError(f"{len(report.errors)} dòng bị lỗi chưa được nhập; các dòng khác đã được nhập.")

    def find_agency(self, code: str) -> Agency:
        """The agency whose code is `code`; the portal also answers to "portal" and to its own label."""
        agency = Agency.objects.select_related("site", "collection", "workflow").filter(code=code).first()
        if agency is None:
            portal = Agency.objects.filter(kind=Agency.Kind.PORTAL).select_related("site").first()
            if portal and code in {"portal", portal.label}:
                agency = portal
        if agency is None:
            raise CommandError(f"Không có trang nào mã “{code}”.")
        return agency

    def find_user(self, username: str | None):
        """The named user, or the first active superuser. Raises CommandError when there is none."""
        users = get_user_model().objects.filter(is_active=True)
        if username:
            user = users.filter(username=username).first()
            if user is None:
                raise CommandError(f"Không có người dùng “{username}”.")
            return user
        user = users.filter(is_superuser=True).order_by("pk").first()
        if user is None:
            raise CommandError("Chưa có quản trị viên nào; hãy tạo một tài khoản (createsuperuser) hoặc dùng --user.")
        return user

    def read_rows(self, path: Path, encoding: str | None) -> list[dict]:
        """The CSV's rows as dicts, after checking its size, encoding and header. Raises CommandError."""
        if not path.is_file():
            raise CommandError(f"Không có tệp {path}.")
        size = path.stat().st_size
        if size > MAX_CSV_SIZE:
            raise CommandError(
                f"Tệp {path.name} quá lớn ({filesizeformat(size)}); tối đa {filesizeformat(MAX_CSV_SIZE)}. "
                "Hãy chia thành nhiều tệp nhỏ hơn."
            )
        try:
            text, used = decode_vietnamese_bytes(path.read_bytes(), encoding)
        except ValueError as error:
            raise CommandError(f"Không đọc được tệp theo bảng mã {encoding}: {error}") from None
        self.stdout.write(f"Bảng mã: {used}.")

        header_line = text.split("\n", 1)[0]
        delimiter = ";" if "," not in header_line and ";" in header_line else ","
        reader = csv.DictReader(text.splitlines(keepends=True), delimiter=delimiter)
        reader.fieldnames = [nfc(name or "").strip().lower() for name in reader.fieldnames or []]
        missing = [column for column in REQUIRED_COLUMNS if column not in reader.fieldnames]
        if missing:
            raise CommandError(f"Tệp thiếu cột: {', '.join(missing)}. Các cột cần có: {', '.join(COLUMNS)}.")
        try:
            return list(reader)
        except csv.Error as error:
            raise CommandError(f"Tệp CSV hỏng ở dòng {reader.line_num}: {error}") from None
