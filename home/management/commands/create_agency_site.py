"""manage.py create_agency_site: onboard the portal, an agency or a local government as its own site."""

from django.core.management.base import BaseCommand, CommandError

from home.models import Agency
from home.onboarding import Onboarding, OnboardingError, create_agency_site


class Command(BaseCommand):
    help = (
        "Tạo (hoặc bổ sung) trang của một cơ quan: Site <mã>.<PORTAL_DOMAIN>, trang chủ tiếng Việt và "
        "tiếng Anh, các chuyên mục chuẩn, thư mục tệp, nhóm Biên tập viên và Ban biên tập, quy trình duyệt. "
        "Chạy lại không tạo trùng. Với --all: bổ sung cho mọi trang đã có những gì phiên bản mới thêm "
        "(chuyên mục mới…)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Chạy lại cho mọi cơ quan đã có (sau khi nâng cấp phiên bản)."
        )
        parser.add_argument("--name", help="Tên tiếng Việt, ví dụ “Sở Thông tin và Truyền thông”.")
        parser.add_argument("--kind", choices=Agency.Kind.values, help="portal, agency hoặc local.")
        parser.add_argument("--code", help="Mã (tên miền cấp 4); mặc định suy ra từ tên theo Điều 6.")
        parser.add_argument("--name-en", default="", help="Tên tiếng Anh cho trang chủ tiếng Anh.")

    def handle(self, *args, name, kind, code, name_en, **options):
        if options["all"]:
            if name or kind or code or name_en:
                raise CommandError("--all không đi cùng --name, --kind, --code, --name-en.")
            for agency in Agency.objects.order_by("kind", "code"):
                try:
                    result = create_agency_site(name=agency.name, kind=agency.kind, code=agency.code or None)
                except OnboardingError as error:
                    raise CommandError(f"{agency.name}: {error}") from error
                write_report(self, f"{result.agency.name} — {result.agency.site.root_url}/", result)
            return
        if not name or not kind:
            raise CommandError("Cần --name và --kind (hoặc --all).")
        try:
            result = create_agency_site(name=name, kind=kind, code=code, name_en=name_en)
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        write_report(self, f"{result.agency.name} — {result.agency.site.root_url}/", result)


def write_report(command: BaseCommand, heading: str, result: Onboarding) -> None:
    """Print what an onboarding created, one line each, or that there was nothing new."""
    command.stdout.write(heading)
    for line in result.created:
        command.stdout.write(command.style.SUCCESS(f"  + {line}"))
    if result.created:
        command.stdout.write(f"  Đã tạo {len(result.created)} mục; {len(result.existing)} mục đã có sẵn.")
    else:
        command.stdout.write(command.style.WARNING("  Không có gì mới: mọi thứ đã có sẵn từ trước."))
