"""Downloads for spreadsheets: CSV that Excel opens as UTF-8 and cannot run as formulas, and typed XLSX."""

import csv
import io
from datetime import date

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def spreadsheet_text(value: str) -> str:
    """Text Excel will not run as a formula when it opens a CSV file (a note starting with "=" is typed by people)."""
    return f"'{value}" if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


def vietnamese_decimal(value: float | None) -> str:
    """85.714… as "85,7" (the CSV is read by Excel set up for Vietnamese); "" for no value."""
    return "" if value is None else f"{value:.1f}".replace(".", ",")


def csv_response(filename: str, rows: list[list]) -> HttpResponse:
    """A CSV download Excel opens as UTF-8 (it starts with a byte-order mark), text cells defused."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    for row in rows:
        writer.writerow([spreadsheet_text(value) if isinstance(value, str) else value for value in row])
    return response


def xlsx_response(filename: str, sheets: list[tuple[str, list[list]]]) -> HttpResponse:
    """An XLSX download, one sheet per (title, rows); text is always text (never a formula), dates dd/mm/yyyy."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for cells in sheet.iter_rows(min_row=1):
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                elif isinstance(cell.value, date):
                    cell.number_format = "DD/MM/YYYY"
                elif isinstance(cell.value, float):
                    cell.number_format = "0.0"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
