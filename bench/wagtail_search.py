"""python -m bench.wagtail_search [--procedures N] [--questions N] [--other-entries N] [--runs N]: the procedures
catalogue and the published questions, searched on Wagtail's search backend, timed at a province's scale.

1. The database (BENCH_WAGTAIL_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/portal_bench_wagtail; its
   name must contain "bench") is created if missing and migrated, with the test settings.
2. Seeds, once: the portal and 4 communes; --procedures live procedures (default 3,000) spread over their catalogues
   (half on the portal); --questions published questions (default 30,000) spread over the 5 sites; each indexed in
   Wagtail's search backend as a save indexes it. Then --other-entries (default 100,000) index entries of legal
   documents, as many as the library holds at its figure: every indexed model shares Wagtail's one index table.
3. Times each search `--runs` times (default 10) through the real pages (django.test.Client, as bench.searches),
   after one warm-up request whose SQL queries are counted; prints p50 and p95 per search and overall.
4. Times Wagtail's backend alone on the 100,000 legal documents' entries (one word, no filter), to show why the
   document library keeps its own index (documents.search, SearchEntry).

Exits with status 1 when the catalogue or the questions miss the budget (p50 or p95 at 150 ms or more).
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta

from .__main__ import describe_machine, ensure_database

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_wagtail"
COMMUNES = ["Xã Tư Nghĩa", "Xã Tịnh Khê", "Đặc khu Lý Sơn", "Phường Cẩm Thành"]
ACTIONS = ["Cấp", "Cấp lại", "Cấp đổi", "Điều chỉnh", "Gia hạn", "Đăng ký", "Thu hồi", "Xác nhận", "Thẩm định"]
OBJECTS = [
    "giấy phép xây dựng nhà ở riêng lẻ",
    "giấy chứng nhận quyền sử dụng đất",
    "giấy khai sinh",
    "giấy chứng nhận đăng ký hộ kinh doanh",
    "giấy phép kinh doanh vận tải bằng xe ô tô",
    "giấy chứng nhận đủ điều kiện an toàn thực phẩm",
    "giấy phép khai thác thủy sản",
    "giấy chứng nhận cơ sở đủ điều kiện phòng cháy, chữa cháy",
    "giấy phép lao động cho người nước ngoài",
    "chứng chỉ hành nghề dược",
    "giấy phép hoạt động khám bệnh, chữa bệnh",
    "giấy phép tổ chức lễ hội",
    "hồ sơ hưởng chế độ người có công",
    "hồ sơ trợ cấp xã hội hằng tháng",
    "giấy phép xả thải vào nguồn nước",
    "kết hôn",
    "thường trú",
    "con dấu",
]
QUALIFIERS = [
    "",
    "",
    "cho hộ gia đình, cá nhân",
    "đối với tổ chức",
    "trong trường hợp bị mất, hỏng",
    "có yếu tố nước ngoài",
]
SECTORS = [
    "Đất đai",
    "Xây dựng",
    "Hộ tịch",
    "Thành lập và hoạt động của hộ kinh doanh",
    "Đường bộ",
    "An toàn thực phẩm",
    "Thủy sản",
    "Phòng cháy, chữa cháy",
    "Việc làm",
    "Dược phẩm",
    "Khám bệnh, chữa bệnh",
    "Văn hóa",
    "Người có công",
    "Bảo trợ xã hội",
    "Tài nguyên nước",
    "Cư trú",
]
LEVELS = ["cap-tinh", "cap-xa"]
ONLINE = ["toan-trinh", "mot-phan", "khong"]
QUESTION_OPENINGS = ["Hỏi về", "Thắc mắc về", "Đề nghị hướng dẫn", "Xin hỏi thủ tục", "Kiến nghị về"]
ANSWER_SENTENCES = [
    "Theo quy định hiện hành, hồ sơ nộp tại Trung tâm Phục vụ hành chính công hoặc trên Cổng dịch vụ công.",
    "Thời hạn giải quyết là 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
    "Lệ phí thực hiện theo Nghị quyết của Hội đồng nhân dân tỉnh.",
    "Đề nghị ông, bà liên hệ Ủy ban nhân dân cấp xã nơi cư trú để được hướng dẫn cụ thể.",
    "Trường hợp có vướng mắc, ông, bà phản ánh qua đường dây nóng của Sở.",
]

CATALOGUE_SEARCHES = [
    ({}, False),
    ({"q": "dang ky khai sinh"}, False),
    ({"q": "cap giay phep xay dung"}, False),
    ({"q": "giay chung nhan quyen su dung dat"}, False),
    ({"q": "Cấp lại giấy phép"}, False),
    ({"q": "thu tuc dat dai", "linh-vuc": "dat-dai"}, False),
    ({"q": "giay phep", "cap": "cap-tinh", "dich-vu": "toan-trinh"}, False),
    ({"q": "cap doi", "page": "3"}, False),
    ({}, True),
    ({"q": "dang ky ho kinh doanh"}, True),
    ({"q": "ket hon co yeu to nuoc ngoai"}, True),
]
QUESTION_SEARCHES = [
    ({}, False),
    ({"q": "dat dai"}, False),
    ({"q": "cap giay chung nhan quyen su dung dat"}, False),
    ({"q": "Lệ phí trước bạ"}, False),
    ({"q": "thoi han giai quyet", "page": "5"}, False),
    ({"q": "giam ngheo ben vung", "linh-vuc": "lao-dong-xa-hoi"}, False),
    ({"q": "dang ky ho tich"}, True),
    ({"q": "xay dung nong thon moi"}, True),
]


def configure_environment() -> str:
    """Point Django at the bench database with the test settings; returns the database URL."""
    url = os.environ.get("BENCH_WAGTAIL_DATABASE_URL", DEFAULT_DATABASE_URL)
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(f"BENCH_WAGTAIL_DATABASE_URL must be a PostgreSQL URL, not {url!r}.")
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    return url


def procedure_title(rng: random.Random) -> str:
    return " ".join(part for part in (rng.choice(ACTIONS), rng.choice(OBJECTS), rng.choice(QUALIFIERS)) if part)


def seed_procedures(agencies: list, count: int, rng: random.Random) -> int:
    """`count` live procedures, half on the portal and the rest over the communes; returns how many were added."""
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.search.backends import get_search_backend

    from services.models import ProcedureIndexPage, ProcedurePage, Sector

    if ProcedurePage.objects.exists():
        return 0
    sectors = [Sector.objects.get_or_create(name=name)[0] for name in SECTORS]
    sections = [ProcedureIndexPage.objects.child_of(agency.site.root_page).get() for agency in agencies]
    post_save.disconnect(post_save_signal_handler, sender=ProcedurePage)  # indexed in bulk below
    try:
        for number in range(count):
            section = sections[0] if number % 2 == 0 else sections[1 + number // 2 % (len(sections) - 1)]
            page = ProcedurePage(
                title=procedure_title(rng),
                slug=f"thu-tuc-{number}",
                live=True,
                code=f"1.{number:06d}.000.00.00.H48",
                sector=rng.choice(sectors),
                government_level=rng.choice(LEVELS),
                implementing_agency="Ủy ban nhân dân cấp xã",
                applicants=rng.choice(["Cá nhân", "Tổ chức", "Cá nhân, tổ chức", "Hộ gia đình"]),
                steps="<p>Nộp hồ sơ tại Trung tâm Phục vụ hành chính công.</p>",
                result=rng.choice(OBJECTS).capitalize(),
                online_service=rng.choice(ONLINE),
                partial_reason="Kết quả nhận trực tiếp để ký nhận bản gốc.",
            )
            section.add_child(instance=page)
    finally:
        post_save.connect(post_save_signal_handler, sender=ProcedurePage)
    backend = get_search_backend()
    pages = list(ProcedurePage.objects.all())
    for start in range(0, len(pages), 500):
        backend.add_bulk(ProcedurePage, pages[start : start + 500])
    return count


def seed_questions(agencies: list, count: int, rng: random.Random) -> int:
    """`count` published questions over the sites, indexed; returns how many were added."""
    from django.utils import timezone
    from wagtail.search.backends import get_search_backend

    from documents.models import LegalField
    from feedback.models import Question
    from feedback.models.questions import due_date, new_code

    from . import vocabulary as words

    if Question.objects.exists():
        return 0
    fields = [LegalField.objects.get_or_create(name=name)[0] for name in words.LEGAL_FIELDS]
    now = timezone.now()
    questions = []
    for number in range(count):
        topic, _fields = rng.choice(words.TOPICS)
        received = now - timedelta(hours=number)
        questions.append(
            Question(
                agency=agencies[number % len(agencies)],
                code=new_code("HD"),
                status=Question.Status.PUBLISHED,
                name=words.person_name(rng),
                email="nguoihoi@example.vn",
                title=f"{rng.choice(QUESTION_OPENINGS)} {topic}",
                body=" ".join(rng.choice(words.BODY_SENTENCES) for _ in range(4)).format(topic=topic, year=2026),
                answer=" ".join(rng.sample(ANSWER_SENTENCES, 3)),
                legal_field=rng.choice(fields),
                received_at=received,
                due_on=due_date(received.date()),
                answered_at=received,
                published_at=received,
            )
        )
    Question.objects.bulk_create(questions, batch_size=2000)
    backend = get_search_backend()
    ids = list(Question.objects.values_list("pk", flat=True))
    for start in range(0, len(ids), 1000):
        backend.add_bulk(Question, list(Question.objects.filter(pk__in=ids[start : start + 1000])))
    return count


def seed_other_entries(count: int, rng: random.Random) -> int:
    """`count` index entries of legal documents (titles and text as the bench's documents have), straight into
    Wagtail's index table; returns how many were added."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.search.models import IndexEntry

    from documents.models import LegalDocumentPage

    from . import vocabulary as words

    content_type = ContentType.objects.get_for_model(LegalDocumentPage)
    if IndexEntry.objects.filter(content_type=content_type).exists():
        return 0
    with connection.cursor() as cursor:
        for start in range(0, count, 5000):
            ids, titles, bodies = [], [], []
            for number in range(start, min(start + 5000, count)):
                topic, _fields = rng.choice(words.TOPICS)
                ids.append(str(10_000_000 + number))
                titles.append(f"Quyết định {number}/QĐ-UBND về {topic}")
                sentences = rng.choices(words.BODY_SENTENCES, k=12)
                bodies.append(" ".join(sentences).format(topic=topic, year=2000 + number % 26))
            cursor.execute(
                "INSERT INTO wagtailsearch_indexentry "
                "(content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text) "
                "SELECT %s, id, to_tsvector('vi_unaccent', title), ''::tsvector, to_tsvector('vi_unaccent', body), "
                "1.0, title, body FROM unnest(%s::text[], %s::text[], %s::text[]) AS t(id, title, body)",
                [content_type.pk, ids, titles, bodies],
            )
    return count


def timed(client, path: str, params: dict, host: str, runs: int) -> tuple[list[float], int]:
    """Timings (ms) of `runs` GETs after one warm-up, and the warm-up's SQL query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params, HTTP_HOST=host)
    if response.status_code != 200:
        raise RuntimeError(f"{path} {params}: HTTP {response.status_code}")
    queries = len(captured.captured_queries)  # now: every request clears the connection's query log
    timings = []
    for _run in range(runs):
        started = time.perf_counter()
        client.get(path, params, HTTP_HOST=host)
        timings.append((time.perf_counter() - started) * 1000)
    return timings, queries


def found_count(path: str, params: dict, host: str) -> int:
    """How many procedures or questions the page's own query function finds for `params`."""
    from django.test import RequestFactory
    from wagtail.models import Page, Site

    from feedback.questions import field_filter, published_questions
    from services.catalogue import Catalogue

    request = RequestFactory().get(path, params, HTTP_HOST=host)
    site = Site.find_for_request(request)
    if path == "/thu-tuc-hanh-chinh/":
        section = Page.objects.child_of(site.root_page).get(slug="thu-tuc-hanh-chinh")
        return Catalogue.from_request(request, section).results.paginator.count
    agency = site.agency
    found = published_questions(
        agency,
        portal_wide=agency.kind == agency.Kind.PORTAL,
        query=params.get("q", ""),
        legal_field=field_filter(params.get("linh-vuc", "")),
    )
    return found.count()


def run_searches(title: str, path: str, searches: list, hosts: dict, runs: int) -> bool:
    from django.test import Client

    from .searches import BUDGET_MS, percentile

    client = Client()
    print(f"\n== {title} ==")
    print(f"{'search':<62} {'site':<7} {'p50 ms':>7} {'p95 ms':>7} {'SQL':>4} {'results':>8}")
    every = []
    for params, on_commune in searches:
        timings, queries = timed(client, path, params, hosts[on_commune], runs)
        total = found_count(path, params, hosts[on_commune])
        every += timings
        label = " ".join(f"{name}={value}" for name, value in params.items()) or "(listing)"
        site = "commune" if on_commune else "portal"
        print(
            f"{label[:62]:<62} {site:<7} {percentile(timings, 50):7.1f} {percentile(timings, 95):7.1f} "
            f"{queries:>4} {total:>8,}"
        )
    p50, p95 = percentile(every, 50), percentile(every, 95)
    passed = p50 < BUDGET_MS and p95 < BUDGET_MS
    print(f"Overall: p50 {p50:.1f} ms, p95 {p95:.1f} ms — {'PASS' if passed else 'FAIL'} (< {BUDGET_MS:.0f} ms)")
    return passed


def time_documents_on_wagtails_backend(runs: int) -> None:
    """Wagtail's backend over the legal documents' entries alone: what the library would cost on it."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from documents.models import LegalDocumentPage

    from .searches import percentile

    content_type = ContentType.objects.get_for_model(LegalDocumentPage).pk
    print("\n== Wagtail's backend on the legal documents' entries (one word, counted, no filter) ==")
    for word in ("dat", "giao thong", "ngan sach"):
        sql = (
            "SELECT count(*) FROM wagtailsearch_indexentry WHERE content_type_id = %s "
            "AND (title || body) @@ to_tsquery('vi_unaccent', %s)"
        )
        timings = []
        with connection.cursor() as cursor:
            for _run in range(runs + 1):
                started = time.perf_counter()
                cursor.execute(sql, [content_type, " & ".join(word.split())])
                total = cursor.fetchone()[0]
                timings.append((time.perf_counter() - started) * 1000)
        timings = timings[1:]
        print(
            f'"{word}": {total:,} entries, p50 {percentile(timings, 50):.0f} ms, p95 {percentile(timings, 95):.0f} ms'
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.wagtail_search", description=__doc__.split("\n")[0])
    parser.add_argument("--procedures", type=int, default=3_000)
    parser.add_argument("--questions", type=int, default=30_000)
    parser.add_argument("--other-entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=10, help="timed runs per search")
    options = parser.parse_args(argv)

    url = configure_environment()
    created = ensure_database(url)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from home.models import Agency

    from .seeding import ensure_site
    from .vocabulary import PORTAL_NAME, PORTAL_NAME_EN

    call_command("migrate", interactive=False, verbosity=0)
    print(f"Database {'created and ' if created else ''}migrated.")
    describe_machine(url)

    started = time.perf_counter()
    portal = ensure_site(PORTAL_NAME, Agency.Kind.PORTAL, PORTAL_NAME_EN)
    agencies = [portal, *(ensure_site(name, Agency.Kind.LOCAL) for name in COMMUNES)]
    rng = random.Random("bench-wagtail-search")  # noqa: S311 - test data
    added = (
        seed_procedures(agencies, options.procedures, rng),
        seed_questions(agencies, options.questions, rng),
        seed_other_entries(options.other_entries, rng),
    )
    with connection.cursor() as cursor:  # fresh statistics, as autovacuum keeps them on a live database
        for table in ("wagtailcore_page", "services_procedurepage", "feedback_question", "wagtailsearch_indexentry"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    print(
        f"Seeded {added[0]:,} procedures, {added[1]:,} questions, {added[2]:,} other index entries "
        f"(0: already there) in {time.perf_counter() - started:.0f} s."
    )

    hosts = {False: portal.site.hostname, True: agencies[1].site.hostname}
    passed = run_searches("Procedures catalogue", "/thu-tuc-hanh-chinh/", CATALOGUE_SEARCHES, hosts, options.runs)
    passed &= run_searches("Published questions", "/hoi-dap/", QUESTION_SEARCHES, hosts, options.runs)
    time_documents_on_wagtails_backend(options.runs)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
