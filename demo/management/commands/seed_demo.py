"""manage.py seed_demo: the demo's three sites, their content in Vietnamese and English, and the demo accounts."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from wagtail.models import Locale

from demo.content import ADMIN_PASSWORD, DEMO_PASSWORD, SITES
from demo.questions import STAFF
from demo.seed import ADMIN_USERNAME, ensure_admin, seed_library, seed_site
from feedback.models import Unit
from home.management.commands.create_agency_site import write_report
from home.onboarding import Onboarding, OnboardingError

GROUP_LABELS = {"editors": "Biên tập viên", "moderators": "Ban biên tập", "officers": "Bộ phận một cửa"}
STAFF_USERNAMES = [username for username, _last, _first in STAFF.values()]


class Command(BaseCommand):
    """Seed the portal, Sở Thông tin và Truyền thông and xã Tư Nghĩa, their documents and the portal's gazette;
    running it again creates nothing new. It prints a progress line per stage (what the database holds, the time
    since it started) and, at the end, what it created and the demo's accounts and addresses; --verbosity 0 prints
    nothing."""

    help = (
        "Tạo dữ liệu trình diễn: Cổng TTĐT tỉnh, trang Sở Thông tin và Truyền thông và trang xã Tư Nghĩa, nội "
        "dung tiếng Việt và tiếng Anh, khoảng 200 văn bản có tệp và ba số công báo, tài khoản biên tập viên và Ban "
        "biên tập. Chạy lại không tạo trùng, không ghi đè nội dung đã sửa."
    )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        # Wagtail's search and reference index updates run here, as the pages are written, rather than as
        # thousands of queued tasks the worker would take a minute to catch up with.
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}):
            self.seed()

    def seed(self):
        if not settings.PORTAL_DOMAIN.endswith("localhost"):
            # Demo accounts have published passwords: never on a real domain.
            raise CommandError(
                f"seed_demo chỉ dùng cho bản trình diễn (*.localhost), không dùng cho {settings.PORTAL_DOMAIN}."
            )
        self.started = time.monotonic()
        accounts = Onboarding()
        ensure_admin(accounts)
        reports = [("Tài khoản quản trị", accounts)]
        sites = []
        for spec in SITES:
            try:
                onboarding, content = seed_site(spec)
            except OnboardingError as error:
                # E.g. the database already has another agency under this code: nothing of this site was changed.
                raise CommandError(str(error)) from error
            sites.append((spec, onboarding.agency))
            if onboarding.created:
                content.created.insert(0, f"trang, chuyên mục, nhóm và quy trình duyệt ({len(onboarding.created)} mục)")
            else:
                content.existing.extend(onboarding.existing)
            reports.append((f"{spec.name} — {onboarding.agency.site.root_url}/", content))
            self.progress(f"trang {spec.name}: {len(content.created)} mục mới, {len(content.existing)} mục đã có")
        self.progress("văn bản, công báo, lấy ý kiến, hỏi đáp, thủ tục và hồ sơ (vài phút)…")
        library = seed_library({agency.code: agency for _spec, agency in sites}, self.progress)
        reports.append(("Văn bản, Công báo, lấy ý kiến, hỏi đáp", library))
        if self.verbosity == 0:
            return
        self.stdout.write("")
        for heading, result in reports:
            write_report(self, heading, result)
        self.print_accounts(sites)
        self.print_addresses(sites)
        self.stdout.write(f"Xong sau {time.monotonic() - self.started:.1f} giây.")

    def progress(self, message: str) -> None:
        """One line of progress, with the seconds since the start (none at --verbosity 0)."""
        if self.verbosity:
            self.stdout.write(f"[{time.monotonic() - self.started:6.1f} s] {message}")
            self.stdout.flush()

    def print_accounts(self, sites) -> None:
        self.stdout.write("\nTài khoản trình diễn (tài khoản đã có từ trước giữ nguyên mật khẩu của nó):")
        rows = [(ADMIN_USERNAME, ADMIN_PASSWORD, "Quản trị toàn hệ thống")]
        for spec, _agency in sites:
            rows += [(user.username, DEMO_PASSWORD, f"{GROUP_LABELS[user.group]} – {spec.name}") for user in spec.users]
        for unit in Unit.objects.filter(staff__user__username__in=STAFF_USERNAMES).select_related("agency"):
            for username in unit.staff.user_set.filter(username__in=STAFF_USERNAMES).values_list("username", flat=True):
                rows.append((username, DEMO_PASSWORD, f"Cán bộ {unit.name} (trả lời câu hỏi trên {unit.agency.name})"))
        for username, password, role in rows:
            self.stdout.write(f"  {username:<16} {password:<22} {role}")

    def print_addresses(self, sites) -> None:
        english = Locale.objects.get(language_code="en")
        portal = next(agency for spec, agency in sites if spec.kind == "portal")
        self.stdout.write("\nĐịa chỉ:")
        self.stdout.write(f"  Trang quản trị: {portal.site.root_url}/admin/")
        for spec, agency in sites:
            home = agency.site.root_page
            self.stdout.write(
                f"  {spec.name}: {home.get_full_url()}  ·  English: {home.get_translation(english).get_full_url()}"
            )
