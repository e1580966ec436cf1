"""Document files: checked by content when uploaded, searchable by their text, downloaded with their name."""

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import rich_text

from .conftest import empty_pdf, encrypted_pdf, office_file, pdf_bytes

pytestmark = pytest.mark.django_db


def test_text_inside_an_attached_pdf_is_searchable(client, agency, make_document):
    make_document(
        agency,
        "05/2026/QĐ-UBND",
        "Quy định chung",
        files={"Quyết định 05.pdf": pdf_bytes("Noi dung ve tiep nhan phan anh")},
    )

    response = client.get("/van-ban/", {"q": "tiep nhan phan anh"}, HTTP_HOST=agency.site.hostname)

    assert [document.number for document in response.context["search"].results] == ["05/2026/QĐ-UBND"]


def test_download_keeps_the_vietnamese_name_and_content_type(client, agency, make_document):
    page = make_document(agency, "06/2026/QĐ-UBND", "Quy định", files={"Quyết định số 06.pdf": pdf_bytes("sau")})
    document = page.files.get().document

    response = client.get(document.url, HTTP_HOST=agency.site.hostname)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert quote("Quyết_định_số_06") in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content", "refusal"),
    [
        ("that.pdf", pdf_bytes("ok"), None),
        ("khoa-trong.pdf", encrypted_pdf(""), None),  # encrypted, but opens without a password
        ("gia.pdf", b"MZ\x90\x00 not a pdf", "không đúng định dạng"),
        ("rac.pdf", b"%PDF-1.4 junk", "Tệp “rac.pdf” bị hỏng hoặc không phải PDF"),
        ("trang.pdf", empty_pdf(), "Tệp “trang.pdf” bị hỏng hoặc không phải PDF"),
        ("mat-khau.pdf", encrypted_pdf("bi-mat"), "Tệp “mat-khau.pdf” có mật khẩu"),
        ("gia.docx", b"PK\x03\x04 but not a real archive", "không đúng định dạng"),
        ("cu.doc", b"plain text pretending to be Word", "không đúng định dạng"),
    ],
)
def test_uploads_are_checked_by_content(client, agency, editor, name, content, refusal):
    client.force_login(editor)

    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": agency.collection.pk},
    )

    assert get_document_model().objects.filter(title=name).exists() is (refusal is None)
    if refusal:
        assert refusal in response.content.decode()


def test_a_zip_bomb_dressed_as_a_spreadsheet_is_refused(client, agency, editor):
    client.force_login(editor)
    bomb = office_file({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": 200 * 1024 * 1024})

    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "bang.xlsx", "file": SimpleUploadedFile("bang.xlsx", bomb), "collection": agency.collection.pk},
    )

    assert not get_document_model().objects.filter(title="bang.xlsx").exists()
    assert "không được nhận: khi giải nén lên tới 200,0\xa0MB" in response.content.decode()


def test_uploads_over_the_limit_are_refused(client, agency, editor, settings):
    settings.PORTAL_MAX_UPLOAD_SIZE = 1000
    client.force_login(editor)

    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "lon.pdf",
            "file": SimpleUploadedFile("lon.pdf", pdf_bytes("x" * 2000)),
            "collection": agency.collection.pk,
        },
    )

    assert not get_document_model().objects.filter(title="lon.pdf").exists()
    assert "Tệp quá lớn" in response.content.decode()


def test_the_editor_refuses_a_second_document_with_the_same_authority_and_number(client, agency, editor, make_document):
    first = make_document(agency, "07/2026/QĐ-UBND", "Quy định")
    client.force_login(editor)
    parent = first.get_parent()
    data = {
        "title": "Trùng số",
        "slug": "trung-so",
        "number": "07/2026/qđ-ubnd",
        "summary": "Trùng",
        "document_type": first.document_type_id,
        "authority": first.authority_id,
        "issued_on": "2025-03-02",
        "body": rich_text("<p>Toàn văn</p>"),
        "files-TOTAL_FORMS": "0",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "relations-TOTAL_FORMS": "0",
        "relations-INITIAL_FORMS": "0",
        "relations-MIN_NUM_FORMS": "0",
        "relations-MAX_NUM_FORMS": "1000",
    }

    response = client.post(
        reverse("wagtailadmin_pages:add", args=("legal_documents", "legaldocumentpage", parent.pk)), data
    )

    assert response.status_code == 200
    assert "đã có văn bản số" in response.content.decode()
    assert not parent.get_children().filter(slug="trung-so").exists()
