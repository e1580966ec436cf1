"""The procurement bench: 20,000 notices over the 50 bench sites, and the timings of their listing.

`seed(sites, total)` writes the notices with PostgreSQL's COPY, as bench/seeding.py writes documents: a
`wagtailcore_page` row and a `procurement_noticepage` row each, the notice's stored columns (agency, listed,
investor key, folded text) computed by the model's own code, so the listing reads what an editor's save gives. Each
site's section is written in one transaction and skipped when it holds its planned number already (idempotent).
Dates spread over three years around today, so every stage has notices at any time the bench runs.

`measure(runs)` times, through django.test.Client with each site's Host, the portal's listing plain, searched
without diacritics, filtered by stage and field, sorted by closing time, and one commune's listing.

`run(total, runs)` does both and prints p50 and p95 (on a migrated bench database, with the test settings:
`manage.py shell -c "from bench.procurement import run; run(20_000)"`).
"""

import random
import time
import uuid
from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from home.models import Agency
from home.onboarding import create_agency_site
from procurement.models import NoticeKind, NoticePage, ProcurementField, ProcurementIndexPage, SelectionMethod
from vietnam.text import slugify

from .searches import percentile
from .seeding import PAGE_COLUMNS, check_page_columns, copy_rows, reserve_page_ids

PATH = "/quy-hoach-ke-hoach-du-an/du-an-dau-thau/"
AGENCY_CODE = "tunghia"
BUDGET_MS = 150.0
WORKS = [
    "Xây dựng đường giao thông thôn {n}",
    "Nâng cấp, mở rộng đường liên xã đoạn {n}",
    "Sửa chữa trường tiểu học số {n}",
    "Xây dựng nhà văn hóa thôn {n}",
    "Kè chống sạt lở bờ sông đoạn {n}",
    "Mua sắm thiết bị y tế cho trạm y tế số {n}",
    "Mua sắm máy tính, thiết bị công nghệ thông tin đợt {n}",
    "Tư vấn lập báo cáo kinh tế – kỹ thuật công trình số {n}",
    "Tư vấn giám sát thi công xây dựng gói {n}",
    "Cung cấp dịch vụ vệ sinh, chăm sóc cây xanh năm {n}",
    "Nạo vét kênh mương nội đồng tuyến {n}",
    "Lắp đặt hệ thống chiếu sáng công cộng tuyến {n}",
]
PROVINCIAL_BOARDS = [
    "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông, dân dụng và công nghiệp tỉnh Quảng Ngãi",
    "Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh Quảng Ngãi",
]
KIND_WEIGHTS = {
    NoticeKind.INVITATION: 45,
    NoticeKind.RESULT: 20,
    NoticeKind.PLAN: 12,
    NoticeKind.QUOTATION: 10,
    NoticeKind.INTEREST: 4,
    NoticeKind.PREQUALIFICATION: 2,
    NoticeKind.PUBLIC_PURCHASE: 7,
}
CLOSING_KINDS = {NoticeKind.INVITATION, NoticeKind.QUOTATION, NoticeKind.INTEREST, NoticeKind.PREQUALIFICATION}
SEARCHES = {
    "portal: listing": ({}, False),
    'portal: "duong giao thong" (no diacritics)': ({"q": "duong giao thong"}, False),
    "portal: đang mời thầu + xây lắp": ({"tinh-trang": "dang-moi-thau", "linh-vuc": "xay-lap"}, False),
    "portal: sắp đóng thầu, sorted by closing": ({"tinh-trang": "sap-dong-thau", "sap-xep": "dong-thau"}, False),
    'portal: "mua sam thiet bi" + 2025': ({"q": "mua sam thiet bi", "nam": "2025"}, False),
    f"{AGENCY_CODE}: listing": ({}, True),
    f'{AGENCY_CODE}: "truong tieu hoc"': ({"q": "truong tieu hoc"}, True),
}


def section_of(agency: Agency) -> ProcurementIndexPage:
    """The agency's Vietnamese section, made by a re-run of onboarding on a site older than procurement."""
    plans = agency.site.root_page.get_children().get(slug="quy-hoach-ke-hoach-du-an")
    section = ProcurementIndexPage.objects.child_of(plans).first()
    if section is None:
        create_agency_site(agency.name, agency.kind, agency.code or None)
        section = ProcurementIndexPage.objects.child_of(plans).get()
    return section


def plan(rng: random.Random, count: int, agency: Agency, today: date) -> list[NoticePage]:
    """`count` unsaved notices of `agency`: the model's own code fills the stored columns."""
    investors = [*PROVINCIAL_BOARDS, f"Ủy ban nhân dân {agency.name}", f"Ban Quản lý dự án {agency.name}"]
    notices = []
    for number in range(count):
        kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
        issued_on = today - timedelta(days=rng.randint(-5, 3 * 365))
        work = rng.choice(WORKS).format(n=rng.randint(1, 60))
        closes_at = None
        if kind in CLOSING_KINDS:
            closes_at = datetime.combine(
                issued_on + timedelta(days=rng.randint(7, 30)), datetime.min.time(), timezone.get_current_timezone()
            ) + timedelta(hours=rng.choice([8, 9, 10, 14]))
        notice = NoticePage(
            title=f"{NoticeKind(kind).label}: {work}",
            kind=kind,
            investor=rng.choice(investors),
            package_name=work,
            package_number=f"{rng.choice(['XL', 'HH', 'TV', 'PTV'])}-{number % 99 + 1:02d}",
            field=rng.choice(ProcurementField.values),
            method=rng.choice(SelectionMethod.values[:5]),
            package_price=rng.randint(1, 500) * 100_000_000,
            issued_on=issued_on,
            trigger_date=issued_on - timedelta(days=rng.randint(0, 5)),
            closes_at=closes_at,
            opens_at=closes_at + timedelta(minutes=30) if closes_at else None,
            status="da-huy" if rng.random() < 0.02 else "da-dang",
            winner="Công ty TNHH Xây dựng Minh Họa" if kind == NoticeKind.RESULT else "",
            winning_price=rng.randint(1, 400) * 100_000_000 if kind == NoticeKind.RESULT else None,
            summary=f"{work}; {agency.name}. Dữ liệu đo hiệu năng.",
        )
        notice.agency_id, notice.listed = agency.pk, True
        notice.investor_key = slugify(notice.investor)[:255]
        notice.search_text = notice.build_search_text()
        notices.append(notice)
    return notices


def write(section: ProcurementIndexPage, notices: list[NoticePage]) -> None:
    """Write `notices` as live pages under `section`, after removing those an earlier seed wrote there."""
    with connection.cursor() as cursor:
        children = "SELECT id FROM wagtailcore_page WHERE path LIKE %(path)s AND depth = %(depth)s"
        params = {"path": section.path + "%", "depth": section.depth + 1}
        cursor.execute(f"DELETE FROM procurement_noticepage WHERE page_ptr_id IN ({children})", params)  # noqa: S608
        cursor.execute("DELETE FROM wagtailcore_page WHERE path LIKE %(path)s AND depth = %(depth)s", params)
        cursor.execute("UPDATE wagtailcore_page SET numchild = 0 WHERE id = %s", [section.pk])
    content_type_id = ContentType.objects.get_for_model(NoticePage).pk
    ids = reserve_page_ids(len(notices))
    depth = section.depth + 1
    pages, rows = [], []
    fields = list(NoticePage._meta.local_fields)
    for index, (page_id, notice) in enumerate(zip(ids, notices, strict=True)):
        slug = f"thong-bao-{index + 1}"
        published = datetime.combine(notice.issued_on, datetime.min.time(), timezone.get_current_timezone())
        pages.append(
            (
                page_id,
                Page._get_path(section.path, depth, index + 1),
                depth,
                0,
                notice.title,
                notice.title,
                slug,
                f"{section.url_path}{slug}/",
                True,
                False,
                "",
                False,
                "",
                False,
                False,
                content_type_id,
                section.locale_id,
                uuid.uuid4(),
                published,
                published,
            )
        )
        notice.page_ptr_id = page_id
        rows.append(tuple(getattr(notice, field.attname) for field in fields))
    copy_rows("wagtailcore_page", PAGE_COLUMNS, pages)
    copy_rows("procurement_noticepage", [field.column for field in fields], rows)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE wagtailcore_page SET numchild = %s WHERE id = %s", [len(notices), section.pk])


def seed(sites: list[Agency], total: int) -> None:
    """Make sure `total` notices are spread over `sites` (each section's share written once; idempotent)."""
    check_page_columns()
    rng = random.Random(13)  # noqa: S311 - reproducible bench data, not security
    today = timezone.localdate()
    share, extra = divmod(total, len(sites))
    for position, agency in enumerate(sites):
        count = share + (1 if position < extra else 0)
        section = section_of(agency)
        if NoticePage.objects.child_of(section).count() == count:
            continue
        with transaction.atomic():
            write(section, plan(rng, count, agency, today))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) procurement_noticepage")


def measure(runs: int) -> dict[str, list[float]]:
    """Milliseconds per request of each listing in SEARCHES, after one request to warm up."""
    portal = Agency.objects.select_related("site").get(kind=Agency.Kind.PORTAL)
    commune = Agency.objects.select_related("site").get(code=AGENCY_CODE)
    client = Client()
    timings = {}
    for label, (params, on_commune) in SEARCHES.items():
        site = (commune if on_commune else portal).site
        host = {"HTTP_HOST": site.hostname, "SERVER_PORT": str(site.port)}
        client.get(PATH, params, **host)
        timings[label] = []
        for _run in range(runs):
            started = time.perf_counter()
            response = client.get(PATH, params, **host)
            timings[label].append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{label}: HTTP {response.status_code}")
    return timings


def run(total: int = 20_000, runs: int = 20, log=print) -> bool:
    """Seed the 50 bench sites' notices and print each listing's p50 and p95; returns whether all are in budget."""
    from .seeding import ensure_sites

    started = time.perf_counter()
    seed(ensure_sites(), total)
    log(f"{NoticePage.objects.filter(listed=True).count()} notices ready in {time.perf_counter() - started:.1f} s")
    worst = 0.0
    for label, timings in measure(runs).items():
        p50, p95 = percentile(timings, 50), percentile(timings, 95)
        worst = max(worst, p95)
        log(f"{label:50} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")
    log(f"{'within' if worst < BUDGET_MS else 'OVER'} the {BUDGET_MS:.0f} ms budget (worst p95 {worst:.1f} ms)")
    return worst < BUDGET_MS
