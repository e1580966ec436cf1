"""The report as CSV, XLSX and PDF: the period, the sites, then every table (and in the PDF its chart).

The PDF embeds DejaVu Sans (its Latin and Vietnamese subset, bundled in reporting/fonts/ with its licence), so it
shows Vietnamese on any machine; its charts are drawn as bars by fpdf2 itself, from the same `Chart` as the SVG.
"""

from datetime import date
from pathlib import Path

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from groundwork.reports import Chart, Period, ReportTable
from groundwork.spreadsheets import csv_response, vietnamese_decimal, xlsx_response

from .charts import chart_value

FONT = Path(__file__).resolve().parent / "fonts" / "DejaVuSans-Vietnamese.ttf"


def filename(period: Period) -> str:
    return f"bao-cao-hoat-dong-{period.start:%Y%m%d}-{period.end:%Y%m%d}"


def _heading_rows(period: Period, sites: list[str]) -> list[list]:
    return [
        [_("Báo cáo hoạt động"), period.label],
        [_("Từ ngày"), period.start, _("Đến ngày"), period.end],
        [_("Trang"), "; ".join(sites)],
    ]


def cell_text(value) -> str:
    """A cell as the PDF writes it: dates dd/mm/yyyy, decimals with a comma, nothing for no value."""
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float):
        return vietnamese_decimal(value)
    if isinstance(value, int):
        return chart_value(value)
    return str(value)


def csv_report(period: Period, sites: list[str], tables: list[ReportTable]) -> HttpResponse:
    """One CSV file: the heading lines, then each table (its title, column headings, rows) after a blank line."""
    rows = _heading_rows(period, sites)
    rows[1] = [rows[1][0], f"{period.start:%d/%m/%Y}", rows[1][2], f"{period.end:%d/%m/%Y}"]
    for table in tables:
        rows += [[], [table.title], table.columns]
        rows += [[vietnamese_decimal(cell) if isinstance(cell, float) else cell for cell in row] for row in table.rows]
    return csv_response(filename(period), rows)


def xlsx_report(period: Period, sites: list[str], tables: list[ReportTable]) -> HttpResponse:
    """An XLSX workbook: a first sheet with the period and sites, then a sheet per table (named by its title)."""
    sheets = [(_("Kỳ báo cáo"), _heading_rows(period, sites))]
    used = set()
    for table in tables:
        name = "".join(char for char in table.title if char not in "[]:*?/\\")[:31]
        while name in used:
            name = f"{name[:28]}-{len(used)}"
        used.add(name)
        sheets.append((name, [table.columns, *table.rows]))
    return xlsx_response(filename(period), sheets)


class ReportPDF(FPDF):
    def footer(self):
        self.set_y(-28)
        self.set_font("DejaVuSans", size=8)
        self.cell(0, 10, _("Trang %(page)d") % {"page": self.page_no()}, align="C")


def pdf_report(period: Period, sites: list[str], tables: list[ReportTable]) -> HttpResponse:
    """The report as a PDF on A4: title, period and sites, then each table with its chart."""
    pdf = ReportPDF(format="A4", unit="pt")
    pdf.set_margins(40, 40, 40)
    pdf.set_auto_page_break(True, margin=48)
    pdf.add_font("DejaVuSans", fname=str(FONT))
    pdf.set_title(f"{_('Báo cáo hoạt động')} {period.label}")
    pdf.add_page()
    pdf.set_font("DejaVuSans", size=16)
    _line(pdf, 22, _("Báo cáo hoạt động của Cổng thông tin điện tử tỉnh Quảng Ngãi"))
    pdf.set_font("DejaVuSans", size=11)
    _line(
        pdf,
        16,
        _("Kỳ báo cáo: %(label)s (từ %(start)s đến %(end)s)")
        % {"label": period.label, "start": f"{period.start:%d/%m/%Y}", "end": f"{period.end:%d/%m/%Y}"},
    )
    _line(pdf, 16, _("Trang: %(sites)s") % {"sites": "; ".join(sites)})
    _line(pdf, 16, _("Lập ngày %(today)s") % {"today": f"{timezone.localdate():%d/%m/%Y}"})
    for table in tables:
        pdf.ln(12)
        pdf.set_font("DejaVuSans", size=13)
        _line(pdf, 18, table.title)
        pdf.set_font("DejaVuSans", size=9)
        if table.note:
            _line(pdf, 12, table.note)
            pdf.ln(4)
        if table.chart and table.chart.values:
            _draw_chart(pdf, table.chart)
        if not table.rows:
            _line(pdf, 14, _("Không có số liệu trong kỳ."))
            continue
        _grid(pdf, table.columns, table.rows)
    response = HttpResponse(bytes(pdf.output()), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename(period)}.pdf"'
    return response


LINE = 12  # a table's line height, in points


def _grid(pdf: FPDF, columns: list[str], rows: list[list]) -> None:
    """A table across the page, text columns wider than number columns, numbers to the right, the headings again
    on each new page.

    Plain cells, wrapped only where the text does not fit: fpdf2's `table()` lays out every cell as a paragraph,
    eight times slower (5 s for the province's yearly report)."""
    weights = [3 if any(isinstance(row[index], str) for row in rows) else 1.2 for index in range(len(columns))]
    widths = [pdf.epw * weight / sum(weights) for weight in weights]

    def draw(cells: list, heading: bool = False) -> None:
        texts = [cell_text(cell) for cell in cells]
        lines = [
            len(pdf.multi_cell(width, LINE, text, dry_run=True, output="LINES"))
            if pdf.get_string_width(text) > width - 2 * pdf.c_margin
            else 1
            for width, text in zip(widths, texts, strict=True)
        ]
        height = LINE * max(lines)
        if not heading and pdf.will_page_break(height):
            pdf.add_page()
            draw(columns, heading=True)
        x, y = pdf.l_margin, pdf.get_y()
        for width, text, count, cell in zip(widths, texts, lines, cells, strict=True):
            pdf.rect(x, y, width, height, style="DF" if heading else "D")
            pdf.set_xy(x, y)
            align = "R" if isinstance(cell, int | float) and not heading else "L"
            if count > 1:
                pdf.multi_cell(width, LINE, text, align=align, new_x="RIGHT", new_y="TOP")
            else:
                pdf.cell(width, LINE, text, align=align)
            x += width
        pdf.set_xy(pdf.l_margin, y + height)

    pdf.set_fill_color(225, 232, 240)
    if pdf.will_page_break(LINE * 3):
        pdf.add_page()
    draw(columns, heading=True)
    for row in rows:
        draw(row)


def _line(pdf: FPDF, height: float, text: str) -> None:
    """A paragraph across the page, then the next line at the left margin."""
    pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


def _draw_chart(pdf: FPDF, chart: Chart) -> None:
    """Horizontal bars, each with its label above and its value after, as on screen."""
    values = [value or 0 for value in chart.values]
    largest = max(values, default=0) or 1
    room = pdf.epw - 80
    pdf.set_font("DejaVuSans", size=10)
    _line(pdf, 14, chart.title)
    pdf.set_font("DejaVuSans", size=8)
    for label, value in zip(chart.labels, values, strict=True):
        if pdf.will_page_break(26):
            pdf.add_page()
        pdf.cell(0, 11, label, new_x="LMARGIN", new_y="NEXT")
        width = max(room * value / largest, 1)
        pdf.set_fill_color(29, 90, 138)
        pdf.rect(pdf.l_margin, pdf.get_y(), width, 9, style="F")
        pdf.set_xy(pdf.l_margin + width + 4, pdf.get_y())
        pdf.cell(70, 9, chart_value(value, chart.unit), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.ln(6)
