"""The report's own sections (Điều 16.1.c), each a `register_report_sections` hook function (wagtail_hooks.py):
pages published and page views per site and section, questions, consultations and comments, online dossiers.

Each function reads its numbers in a constant number of grouped queries whatever the number of sites, sections
and items, and returns `ReportTable`s (groundwork.reports). Sites are named and ordered as `site_order` says: the
portal first, then by Vietnamese name. A site's section is the top-level page under its home, in either language
(the two trees are joined by the section's translation_key); the home page is its own section.

`report_tables(period, agencies)` calls every registered function, this app's and other apps' (on-time rates,
English coverage, satisfaction…), and orders the tables.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from feedback.models import ConsultationComment, ConsultationPage, Question
from groundwork.reports import Chart, Period, ReportTable
from home.models import Agency
from services.models import ProcedurePage
from services.statistics import dossier_numbers
from vietnam.text import sort_key

from .models import PageViewCount

# The longest chart: more bars than this are summed into the last one ("Khác").
MAX_BARS = 12


def site_order(agency: Agency) -> tuple:
    """The portal first, then agencies and communes by Vietnamese name."""
    return (not agency.is_portal, sort_key(agency.name))


def report_tables(period: Period, agencies) -> list[ReportTable]:
    """Every registered section's tables for `period` and `agencies` (a queryset already scoped to the reader,
    with `site__root_page` selected), by order and title."""
    tables = [table for function in hooks.get_hooks("register_report_sections") for table in function(period, agencies)]
    tables.sort(key=lambda table: (table.order, sort_key(table.title)))
    return tables


@dataclass
class Section:
    key: str  # the translation_key, as text
    title: str
    agency: Agency


class SiteTree:
    """The homes (both languages) and top-level sections of `agencies`' sites: two queries."""

    def __init__(self, agencies: list[Agency]):
        self.agencies = sorted(agencies, key=site_order)
        by_root_key = {agency.site.root_page.translation_key: agency for agency in self.agencies}
        self.home_of_path = {}  # home path (either language) -> agency
        self.depths = set()
        homes = Page.objects.filter(translation_key__in=list(by_root_key)).values_list(
            "path", "depth", "translation_key"
        )
        for path, depth, key in homes:
            self.home_of_path[path] = by_root_key[key]
            self.depths.add(depth)
        self.sections = {}  # section path (either language) -> Section
        default_locale = settings.LANGUAGE_CODE
        candidates = (
            Page.objects.filter(depth__in=[depth + 1 for depth in self.depths])
            .values_list("path", "translation_key", "title", "locale__language_code")
            .order_by("path")
        )
        titles = {}
        for path, key, title, language in candidates:
            agency = self.home_of_path.get(path[: -Page.steplen])
            if agency is None:
                continue
            self.sections[path] = Section(str(key), title, agency)
            if language == default_locale or str(key) not in titles:
                titles[str(key)] = title
        for path, agency in self.home_of_path.items():
            key = str(agency.site.root_page.translation_key)
            self.sections[path] = Section(key, agency.site.root_page.title, agency)
        for section in self.sections.values():
            section.title = titles.get(section.key, section.title)
        # Each site's sections, once per key, in the tree's order: the home first, then the Vietnamese tree's.
        self.site_sections = defaultdict(dict)  # agency pk -> {key: Section}
        homes_first = sorted(self.sections, key=lambda path: (path not in self.home_of_path, path))
        for path in homes_first:
            section = self.sections[path]
            self.site_sections[section.agency.pk].setdefault(section.key, section)

    def section_rows(self, counts: dict[tuple[int, str], int]) -> list[list]:
        """[site, section, count] for each (agency pk, section key) with a count, by site then tree order; the
        counts of a section deleted since come last in their site, as "(chuyên mục đã xóa)"."""
        rows = []
        for agency in self.agencies:
            sections = self.site_sections[agency.pk]
            gone = 0
            for key, count in counts.items():
                if key[0] == agency.pk and key[1] not in sections:
                    gone += count
            rows += [
                [agency.name, section.title, counts[(agency.pk, key)]]
                for key, section in sections.items()
                if counts.get((agency.pk, key))
            ]
            if gone:
                rows.append([agency.name, _("(chuyên mục đã xóa)"), gone])
        return rows


def per_site_chart(title: str, agencies: list[Agency], totals: dict[int, float], unit: str = "") -> Chart:
    """A bar per site with a number, the largest first; past MAX_BARS the rest are summed in "Khác"."""
    bars = sorted(
        ((agency.name, totals[agency.pk]) for agency in agencies if totals.get(agency.pk)), key=lambda bar: -bar[1]
    )
    if len(bars) > MAX_BARS:
        bars = [*bars[: MAX_BARS - 1], (_("Khác"), sum(value for _name, value in bars[MAX_BARS - 1 :]))]
    return Chart(title, [name for name, _value in bars], [value for _name, value in bars], unit)


# Pages published and page views ------------------------------------------------------------------------------


def published_items(period: Period, agencies) -> Iterable[ReportTable]:
    """Pages first published in the period, in either language, per site and section. Three queries."""
    tree = SiteTree(list(agencies))
    start, after = period.bounds()
    counts = defaultdict(int)
    for depth in tree.depths:
        rows = (
            Page.objects.filter(first_published_at__gte=start, first_published_at__lt=after, depth__gte=depth)
            .annotate(section_path=Substr("path", 1, Page.steplen * (depth + 1)))
            .values("section_path")
            .annotate(total=Count("pk"))
            .order_by()
        )
        for row in rows:
            section = tree.sections.get(row["section_path"])
            if section is not None:
                counts[(section.agency.pk, section.key)] += row["total"]
    yield ReportTable(
        key="published",
        title=_("Tin, bài, trang đăng mới theo trang và chuyên mục"),
        columns=[_("Trang"), _("Chuyên mục"), _("Số trang đăng mới")],
        rows=tree.section_rows(counts),
        note=_("Trang đăng lần đầu trong kỳ, cả tiếng Việt và tiếng Anh; trang chủ là một chuyên mục."),
        order=10,
    )


def page_views(period: Period, agencies) -> Iterable[ReportTable]:
    """Page views in the period per site and section (reporting.models.PageViewCount). Three queries."""
    agencies = list(agencies)
    tree = SiteTree(agencies)
    site_agency = {agency.site_id: agency for agency in agencies}
    rows = (
        PageViewCount.objects.filter(day__gte=period.start, day__lte=period.end, site_id__in=list(site_agency))
        .values("site_id", "section_key")
        .annotate(total=Sum("views"))
        .order_by()
    )
    counts, per_site = {}, defaultdict(int)
    for row in rows:
        agency = site_agency[row["site_id"]]
        counts[(agency.pk, str(row["section_key"]))] = row["total"]
        per_site[agency.pk] += row["total"]
    yield ReportTable(
        key="page-views",
        title=_("Lượt xem trang theo trang và chuyên mục"),
        columns=[_("Trang"), _("Chuyên mục"), _("Lượt xem")],
        rows=tree.section_rows(counts),
        chart=per_site_chart(_("Lượt xem theo trang"), tree.agencies, per_site),
        note=_(
            "Đếm trong cơ sở dữ liệu, không dùng cookie hay dữ liệu cá nhân, không tính máy tìm kiếm; "
            "chưa gồm các lượt phục vụ từ bộ nhớ đệm phía trước."
        ),
        order=60,
    )


# Questions -----------------------------------------------------------------------------------------------------


def questions(period: Period, agencies) -> Iterable[ReportTable]:
    """Per site: questions received in the period, answered in it on time or late, and received in it and still
    open past their due date today. One query."""
    agencies = sorted(agencies, key=site_order)
    start, after = period.bounds()
    received = Q(received_at__gte=start, received_at__lt=after)
    answered = Q(answered_at__gte=start, answered_at__lt=after)
    rows = (
        Question.objects.filter(agency__in=agencies)
        .filter(received | answered)
        .values("agency_id")
        .annotate(
            received=Count("pk", filter=received),
            on_time=Count("pk", filter=answered & Q(answered_at__date__lte=F("due_on"))),
            late=Count("pk", filter=answered & Q(answered_at__date__gt=F("due_on"))),
            overdue=Count("pk", filter=received & Q(status__in=Question.OPEN, due_on__lt=timezone.localdate())),
        )
        .order_by()
    )
    numbers = {row.pop("agency_id"): row for row in rows}
    table_rows, total = [], defaultdict(int)
    for agency in agencies:
        found = numbers.get(agency.pk)
        if not found:
            continue
        values = [found["received"], found["on_time"], found["late"], found["overdue"]]
        table_rows.append([agency.name, *values, _rate(found["on_time"], found["on_time"] + found["late"])])
        for name, value in found.items():
            total[name] += value
    if len(table_rows) > 1:
        table_rows.append(
            [
                _("Tổng cộng"),
                total["received"],
                total["on_time"],
                total["late"],
                total["overdue"],
                _rate(total["on_time"], total["on_time"] + total["late"]),
            ]
        )
    yield ReportTable(
        key="questions",
        title=_("Hỏi đáp, kiến nghị"),
        columns=[
            _("Trang"),
            _("Tiếp nhận"),
            _("Trả lời đúng hạn"),
            _("Trả lời trễ hạn"),
            _("Quá hạn chưa trả lời"),
            _("Tỷ lệ đúng hạn (%)"),
        ],
        rows=table_rows,
        chart=per_site_chart(
            _("Câu hỏi tiếp nhận theo trang"), agencies, {pk: row["received"] for pk, row in numbers.items()}
        ),
        note=_(
            "Trả lời đúng hạn: trả lời trong kỳ, không muộn hơn hạn 15 ngày làm việc. "
            "Quá hạn chưa trả lời: tiếp nhận trong kỳ, đến hôm nay vẫn chưa trả lời và đã qua hạn."
        ),
        order=20,
    )


def _rate(part: int, whole: int) -> float | None:
    return round(part * 100 / whole, 1) if whole else None


# Consultations -------------------------------------------------------------------------------------------------


def consultations(period: Period, agencies) -> Iterable[ReportTable]:
    """Per site: consultations open for some of the period, and comments received in it. Three queries."""
    tree = SiteTree(list(agencies))
    start, after = period.bounds()
    open_counts, comment_counts = defaultdict(int), defaultdict(int)
    for depth in tree.depths:
        home = Substr("path", 1, Page.steplen * depth)
        pages = (
            ConsultationPage.objects.filter(
                opens_at__lt=after, closes_at__gte=start, locale__language_code=settings.LANGUAGE_CODE
            )
            .annotate(home=home)
            .values("home")
            .annotate(total=Count("pk"))
            .order_by()
        )
        for row in pages:
            agency = tree.home_of_path.get(row["home"])
            if agency is not None:
                open_counts[agency.pk] += row["total"]
        comments = (
            ConsultationComment.objects.filter(created_at__gte=start, created_at__lt=after)
            .annotate(home=Substr("page__path", 1, Page.steplen * depth))
            .values("home")
            .annotate(total=Count("pk"))
            .order_by()
        )
        for row in comments:
            agency = tree.home_of_path.get(row["home"])
            if agency is not None:
                comment_counts[agency.pk] += row["total"]
    rows = [
        [agency.name, open_counts[agency.pk], comment_counts[agency.pk]]
        for agency in tree.agencies
        if open_counts[agency.pk] or comment_counts[agency.pk]
    ]
    yield ReportTable(
        key="consultations",
        title=_("Lấy ý kiến và góp ý"),
        columns=[_("Trang"), _("Cuộc lấy ý kiến trong kỳ"), _("Ý kiến góp ý nhận được")],
        rows=rows,
        note=_("Cuộc lấy ý kiến mở trong ít nhất một ngày của kỳ; ý kiến gửi trong kỳ, kể cả chưa duyệt."),
        order=30,
    )


# Online dossiers -----------------------------------------------------------------------------------------------


def dossiers(period: Period, agencies) -> Iterable[ReportTable]:
    """Online dossiers per site and per procedure: received in the period, finished in it on time or late, and
    received in it and still running past their due date today (services.statistics counts them). Two queries."""
    agencies = sorted(agencies, key=site_order)
    by_pk = {agency.pk: agency for agency in agencies}
    start, after = period.bounds()
    found = dossier_numbers(Q(agency_id__in=list(by_pk)), start, after)
    procedures = {
        page.pk: page
        for page in ProcedurePage.objects.filter(pk__in=[row["procedure_id"] for row in found])
        .annotate(language=F("locale__language_code"))
        .only("title", "code", "agency_id", "translation_key")
        .order_by()
    }
    fields = ("submitted", "processed", "on_time", "late", "overdue")
    per_procedure = {}  # translation_key -> [agency, title, code, numbers]
    per_site = defaultdict(lambda: dict.fromkeys(fields, 0))
    for row in found:
        page = procedures[row["procedure_id"]]
        entry = per_procedure.setdefault(
            page.translation_key, [by_pk[page.agency_id], page.title, page.code, dict.fromkeys(fields, 0)]
        )
        if page.language == settings.LANGUAGE_CODE:
            entry[1] = page.title
        for name in fields:
            entry[3][name] += row[name]
            per_site[page.agency_id][name] += row[name]

    def cells(numbers: dict) -> list:
        return [*(numbers[name] for name in fields), _rate(numbers["on_time"], numbers["processed"])]

    columns = [
        _("Tiếp nhận"),
        _("Đã giải quyết"),
        _("Đúng hạn"),
        _("Trễ hạn"),
        _("Quá hạn chưa giải quyết"),
        _("Tỷ lệ đúng hạn (%)"),
    ]
    site_rows = [[agency.name, *cells(per_site[agency.pk])] for agency in agencies if agency.pk in per_site]
    finished = [agency for agency in agencies if agency.pk in per_site and per_site[agency.pk]["processed"]]
    note = _(
        "Hồ sơ trực tuyến nộp trong kỳ (tiếp nhận, quá hạn chưa giải quyết đến hôm nay) và có kết quả hoặc bị từ "
        "chối trong kỳ (đã giải quyết, đúng hạn nếu không muộn hơn ngày hẹn trả)."
    )
    yield ReportTable(
        key="dossiers",
        title=_("Hồ sơ dịch vụ công trực tuyến theo trang"),
        columns=[_("Trang"), *columns],
        rows=site_rows,
        chart=Chart(
            _("Tỷ lệ giải quyết đúng hạn theo trang"),
            [agency.name for agency in finished],
            [_rate(per_site[agency.pk]["on_time"], per_site[agency.pk]["processed"]) for agency in finished],
            "%",
        ),
        note=note,
        order=40,
    )
    procedure_rows = sorted(
        per_procedure.values(), key=lambda entry: (site_order(entry[0]), sort_key(entry[1]), entry[2])
    )
    yield ReportTable(
        key="dossiers-by-procedure",
        title=_("Hồ sơ dịch vụ công trực tuyến theo thủ tục"),
        columns=[_("Trang"), _("Thủ tục"), _("Mã thủ tục"), *columns],
        rows=[[agency.name, title, code, *cells(numbers)] for agency, title, code, numbers in procedure_rows],
        note=note,
        order=41,
    )
