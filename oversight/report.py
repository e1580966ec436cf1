"""The sections oversight gives the periodic operations report (Điều 16.1.c; groundwork.reports): the on-time rate
per category and per site, with a chart of the rate by category, and the English coverage of each site."""

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from groundwork.reports import Chart, Period, ReportTable
from vietnam.text import sort_key

from .english import english_coverage
from .states import SummaryRow, category_summary, rule_names, site_role


def _rate(on_time: int, published: int) -> float | None:
    return round(100 * on_time / published, 1) if published else None


def _totals(rows: list[SummaryRow], key) -> dict:
    totals: dict = {}
    for row in rows:
        total = totals.setdefault(key(row), [0, 0, 0, 0])
        total[0] += row.published
        total[1] += row.on_time
        total[2] += row.late
        total[3] += row.overdue
    return totals


def _line(labels: list, total: list[int]) -> list:
    """A table row: its labels, then published, on time, late, the on-time rate, overdue."""
    published, on_time, late, overdue = total
    return [*labels, published, on_time, late, _rate(on_time, published), overdue]


def deadline_sections(period: Period, agencies) -> Iterable[ReportTable]:
    """The report's tables on posting limits for `period` and the sites of `agencies` (already scoped)."""
    rows = category_summary(agencies, period)
    names = rule_names()
    columns = [
        str(_("Đã đăng trong kỳ")),
        str(_("Đúng hạn")),
        str(_("Đăng chậm")),
        str(_("Tỷ lệ đúng hạn (%)")),
        str(_("Quá hạn, chưa đăng")),
    ]
    by_category = _totals(rows, lambda row: row.category)
    category_rows = [_line([name], by_category[code]) for code, name in names.items() if code in by_category]
    by_site = _totals(rows, lambda row: row.agency)
    site_rows = [
        _line([agency.name, site_role(agency)], by_site[agency])
        for agency in sorted(by_site, key=lambda agency: sort_key(agency.name))
    ]
    coverage = sorted(english_coverage(agencies, cap=0), key=lambda row: sort_key(row.agency.name))
    return [
        ReportTable(
            "oversight-categories",
            str(_("Thời hạn đăng tin theo loại thông tin")),
            [str(_("Loại thông tin")), *columns],
            category_rows,
            chart=Chart(
                str(_("Tỷ lệ đăng đúng hạn theo loại thông tin")),
                [row[0] for row in category_rows],
                [row[4] or 0.0 for row in category_rows],  # the rate is the fifth cell
                "%",
            ),
            note=str(_("Thời hạn tính bằng ngày làm việc theo Điều 9.1 Quy chế (bảng “Thời hạn đăng tin”).")),
            order=30,
        ),
        ReportTable(
            "oversight-sites",
            str(_("Thời hạn đăng tin theo trang")),
            [str(_("Trang")), str(_("Cổng tỉnh, trang thành phần")), *columns],
            site_rows,
            order=31,
        ),
        ReportTable(
            "oversight-english",
            str(_("Thông tin bằng tiếng Anh")),
            [
                str(_("Trang")),
                str(_("Số trang phải có bản tiếng Anh")),
                str(_("Còn thiếu")),
                str(_("Tỷ lệ có bản tiếng Anh (%)")),
                str(_("Bản tiếng Anh cũ hơn bản tiếng Việt")),
            ],
            [[row.agency.name, row.required, row.missing, row.coverage, row.outdated] for row in coverage],
            note=str(_("Điều 8.3: phần giới thiệu, thông tin liên hệ và các dịch vụ người nước ngoài sử dụng.")),
            order=32,
        ),
    ]
