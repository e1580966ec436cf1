"""The demo's generated PDF files (documents, gazette issues, drafts, dossier papers), in Vietnamese.

fpdf2 embeds a subset of DejaVu Sans, bundled in demo/fonts/ with its licence, so the files show Vietnamese on any
machine without an OS font, and their text is extractable (the library indexes it; pypdf reads it back).
"""

from pathlib import Path

from fpdf import FPDF

FONT = Path(__file__).resolve().parent / "fonts" / "DejaVuSans-Vietnamese.ttf"
MAX_LINES = 52  # what fits on one A4 page at this size: the demo's files are one page


def pdf_bytes(lines: list[str], title: str = "") -> bytes:
    """A one-page A4 PDF showing `lines` (any Unicode text; a long line wraps), titled `title` in its metadata;
    the same arguments always give the same bytes."""
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_margins(56, 52)
    pdf.add_font("DejaVuSans", fname=str(FONT))
    pdf.set_font("DejaVuSans", size=11)
    # No creation date (from which the file id is also made): the same lines give the same bytes on every run.
    pdf.creation_date = None
    if title:
        pdf.set_title(title)
    pdf.add_page()
    bottom = pdf.h - 52
    for line in lines[:MAX_LINES]:
        if pdf.get_y() + 14 > bottom:
            break
        pdf.multi_cell(0, 14, line or " ", align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
