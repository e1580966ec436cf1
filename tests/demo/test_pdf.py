"""The demo's PDF files: Vietnamese text that reads back, and the same bytes for the same lines."""

import io
import time

from pypdf import PdfReader

from demo.pdf import pdf_bytes


def test_a_demo_pdf_shows_vietnamese_text_that_reads_back():
    data = pdf_bytes(["ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Đường tỉnh ĐT.622B qua xã Tư Nghĩa – “nâng cấp”"])

    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()

    assert "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" in text and "Đường tỉnh ĐT.622B qua xã Tư Nghĩa – “nâng cấp”" in text


def test_the_same_lines_give_the_same_file():
    first = pdf_bytes(["Quyết định"])
    time.sleep(1.1)  # a creation date in the file would differ by now

    assert pdf_bytes(["Quyết định"]) == first
