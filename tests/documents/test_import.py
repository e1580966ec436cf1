"""manage.py import_documents: CSV in any Vietnamese encoding, files, relations, idempotence, bad input."""

import csv
import io
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex, Revision, Workflow, WorkflowState

from documents.models import DocumentRelation, LegalDocumentPage, LegalField
from finder.models import PAGE_SOURCE
from finder.models import SearchEntry as SiteSearchEntry
from tests.documents.conftest import pdf_bytes
from tests.home.helpers import section
from vietnam.legacy import _TCVN3_TABLE

pytestmark = pytest.mark.django_db

HEADER = [
    "so_ky_hieu",
    "loai_van_ban",
    "co_quan_ban_hanh",
    "nguoi_ky",
    "ngay_ban_hanh",
    "ngay_hieu_luc",
    "ngay_het_hieu_luc",
    "linh_vuc",
    "trich_yeu",
    "tep",
    "thay_the",
    "sua_doi",
]
UBND = "UBND tỉnh Quảng Ngãi"


def row(number, summary, *, type="Quyết định", authority=UBND, issued="15/01/2025", **cells):
    """A CSV row as a dict: the required cells, plus any other column by name."""
    return {
        "so_ky_hieu": number,
        "loai_van_ban": type,
        "co_quan_ban_hanh": authority,
        "ngay_ban_hanh": issued,
        "trich_yeu": summary,
        **cells,
    }


def csv_text(rows, header=HEADER) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_csv(tmp_path, rows, *, encoding="utf-8-sig", name="van-ban.csv", header=HEADER):
    path = tmp_path / name
    path.write_bytes(csv_text(rows, header).encode(encoding))
    return path


@pytest.fixture
def admin(make_user):
    return make_user("quantri", is_superuser=True)


@pytest.fixture
def run_import(agency, admin, lists):
    """run_import(path, *options) -> (stdout, stderr) of the command for the agency's site.

    A CommandError it raises carries the command's stderr as `.stderr`.
    """

    def run(path, *options):
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command("import_documents", str(path), "--site", agency.code, *options, stdout=out, stderr=err)
        except CommandError as error:
            error.stderr = err.getvalue()
            raise
        return out.getvalue(), err.getvalue()

    return run


@pytest.fixture
def files_dir(tmp_path):
    folder = tmp_path / "tep"
    folder.mkdir()
    for name in ["qd-12.pdf", "qd-13.pdf", "qd-13-phu-luc.pdf", "kh-40.pdf"]:
        (folder / name).write_bytes(pdf_bytes(name))
    return folder


def imported(agency):
    return LegalDocumentPage.objects.child_of(section(agency, "van-ban"))


@pytest.fixture
def three_documents(portal, other_agency, make_document):
    """Three rows with files and relations: one replacing another, one amending a document of the portal.

    The amended document is posted on the portal first and on another site after it.
    """
    for site in (portal, other_agency):
        make_document(site, "5/2020/QĐ-UBND", "Quy định cũ về cổng thông tin", issued_on=date(2020, 3, 1))
    return [
        row(
            "12/2025/QĐ-UBND",
            "Ban hành Quy chế quản lý cổng thông tin điện tử",
            nguoi_ky="Trần Hoàng Tuấn",
            ngay_hieu_luc="1/2/2025",
            linh_vuc="Công nghệ thông tin; Chuyển đổi số",
            tep="qd-12.pdf",
        ),
        row(
            "13/2025/QĐ-UBND",
            "Quy chế quản lý cổng thông tin điện tử (thay thế)",
            issued="20/03/2025",
            tep="qd-13.pdf; qd-13-phu-luc.pdf",
            thay_the="12/2025/QĐ-UBND",
            sua_doi="5/2020/qđ-ubnd",
        ),
        row("40/KH-UBND", "Kế hoạch chuyển đổi số năm 2025", type="Kế hoạch", tep="kh-40.pdf"),
    ]


def test_imports_utf8_with_bom_files_and_relations(agency, portal, tmp_path, files_dir, three_documents, run_import):
    out, _err = run_import(write_csv(tmp_path, three_documents), "--files", str(files_dir), "--publish")

    assert "Bảng mã: utf-8-sig" in out
    assert "Đã tạo 3, cập nhật 0, không đổi 0, lỗi 0" in out
    assert "dòng/giây" in out
    pages = {page.number: page for page in imported(agency)}
    assert set(pages) == {"12/2025/QĐ-UBND", "13/2025/QĐ-UBND", "40/KH-UBND"}
    first, second = pages["12/2025/QĐ-UBND"], pages["13/2025/QĐ-UBND"]
    assert first.live and first.title == "Quyết định 12/2025/QĐ-UBND"
    assert first.signer == "Trần Hoàng Tuấn"
    assert (first.issued_on, first.effective_from) == (date(2025, 1, 15), date(2025, 2, 1))
    assert sorted(field.name for field in first.legal_fields.all()) == ["Chuyển đổi số", "Công nghệ thông tin"]
    assert [item.document.title for item in second.files.all()] == ["qd-13.pdf", "qd-13-phu-luc.pdf"]
    assert {item.document.collection for item in second.files.all()} == {agency.collection}
    assert sorted((relation.kind, relation.target.number) for relation in second.relations.all()) == [
        (DocumentRelation.Kind.AMENDS, "5/2020/QĐ-UBND"),
        (DocumentRelation.Kind.REPLACES, "12/2025/QĐ-UBND"),
    ]
    amended = second.relations.get(kind=DocumentRelation.Kind.AMENDS).target
    assert amended.url_path.startswith(portal.site.root_page.url_path)
    first.refresh_from_db()
    assert first.validity == "het"  # replaced by the live 13/2025
    assert "qd-12.pdf" in first.attachment_text  # the PDF's text is searchable


def test_reimport_changes_nothing(agency, tmp_path, files_dir, three_documents, run_import):
    path = write_csv(tmp_path, three_documents)
    run_import(path, "--files", str(files_dir), "--publish")
    counts = (Revision.objects.count(), get_document_model().objects.count(), LegalField.objects.count())

    out, _err = run_import(path, "--files", str(files_dir), "--publish")

    assert "Đã tạo 0, cập nhật 0, không đổi 3, lỗi 0" in out
    assert imported(agency).count() == 3
    assert (Revision.objects.count(), get_document_model().objects.count(), LegalField.objects.count()) == counts


def test_reimport_updates_a_changed_row(agency, tmp_path, files_dir, three_documents, run_import):
    run_import(write_csv(tmp_path, three_documents), "--files", str(files_dir), "--publish")
    three_documents[2]["trich_yeu"] = "Kế hoạch chuyển đổi số năm 2025 (sửa)"

    out, _err = run_import(write_csv(tmp_path, three_documents), "--files", str(files_dir), "--publish")

    assert "Đã tạo 0, cập nhật 1, không đổi 2, lỗi 0" in out
    assert imported(agency).get(number="40/KH-UBND").summary == "Kế hoạch chuyển đổi số năm 2025 (sửa)"
    assert imported(agency).count() == 3


def test_without_publish_documents_go_to_the_bbt(agency, tmp_path, files_dir, three_documents, run_import):
    path = write_csv(tmp_path, three_documents)
    run_import(path, "--files", str(files_dir))

    pages = list(imported(agency))
    assert len(pages) == 3
    assert not any(page.live for page in pages)
    assert all(page.workflow_in_progress for page in pages)
    assert {page.current_workflow_state.workflow for page in pages} == {agency.workflow}

    out, _err = run_import(path, "--files", str(files_dir))
    assert "không đổi 3" in out
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count() == 3

    out, _err = run_import(path, "--files", str(files_dir), "--publish")
    assert "cập nhật 3" in out
    assert all(page.live for page in imported(agency))
    assert not WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()


def tcvn3(text: str) -> bytes:
    """`text` typed with a TCVN3 (.VnTime) font and saved as 8-bit bytes."""
    to_tcvn3 = {letter: code for code, letter in _TCVN3_TABLE.items()}
    return "".join(to_tcvn3.get(char, char) for char in text).encode("latin-1")


def test_tcvn3_file_becomes_unicode(agency, tmp_path, run_import):
    rows = [
        row("12/2025/QĐ-UBND", "Ban hành quy chế quản lý cổng thông tin điện tử", linh_vuc="Hành chính nhà nước"),
        row("13/2025/QĐ-UBND", "Quy định về tiếp nhận và trả lời ý kiến của người dân", ngay_hieu_luc="01/05/2025"),
    ]
    path = tmp_path / "tcvn3.csv"
    path.write_bytes(tcvn3(csv_text(rows)))

    out, _err = run_import(path, "--publish")

    assert "Bảng mã: tcvn3" in out
    assert "Đã tạo 2" in out
    page = imported(agency).get(number="13/2025/QĐ-UBND")
    assert page.summary == "Quy định về tiếp nhận và trả lời ý kiến của người dân"
    assert unicodedata.is_normalized("NFC", page.summary)
    assert page.authority.name == UBND
    assert [field.name for field in imported(agency).get(number="12/2025/QĐ-UBND").legal_fields.all()] == [
        "Hành chính nhà nước"
    ]


def cp1258(text: str) -> bytes:
    """`text` as Windows-1258 writes it: precomposed letters where it has them, tone marks combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in tones))
            out += (base + "".join(mark for mark in decomposed if mark in tones)).encode("cp1258")
    return out


def test_windows_1258_file(agency, tmp_path, run_import):
    rows = [row("7/2025/CT-UBND", "Tăng cường kỷ luật, kỷ cương hành chính", type="Chỉ thị", nguoi_ky="Đặng Văn Minh")]
    path = tmp_path / "cp1258.csv"
    path.write_bytes(cp1258(csv_text(rows)))

    out, _err = run_import(path, "--publish")

    assert "Bảng mã: cp1258" in out
    page = imported(agency).get()
    assert (page.summary, page.signer) == ("Tăng cường kỷ luật, kỷ cương hành chính", "Đặng Văn Minh")
    assert page.document_type.name == "Chỉ thị"


def test_bad_rows_are_reported_and_good_rows_imported(
    agency, other_agency, tmp_path, files_dir, make_document, run_import
):
    (files_dir / "gia.pdf").write_text("Đây không phải PDF")
    make_document(other_agency, "99/QĐ-UBND", "Văn bản cũng đăng ở trang khác")
    documents = get_document_model().objects.count()
    rows = [
        row("1/2025/QĐ-UBND", "Văn bản tốt", tep="qd-12.pdf"),  # row 2
        row("2/2025/QĐ-UBND", "Ngày sai", issued="31/02/2025"),  # row 3
        row("3/2025/QĐ-UBND", "Loại lạ", type="Thông báo mật"),  # row 4
        row("1/2025/qđ-ubnd", "Trùng số với dòng 2"),  # row 5
        row("4/2025/QĐ-UBND", "Thiếu tệp", tep="khong-co.pdf"),  # row 6
        row("5/2025/QĐ-UBND", "Tệp giả", tep="gia.pdf"),  # row 7
        row("6/2025/QĐ-UBND", "Thay văn bản không có", thay_the="123/XYZ"),  # row 8
        row("99/QĐ-UBND", "Cũng đăng ở trang này", tep="kh-40.pdf", linh_vuc="Lĩnh vực mới"),  # row 9
        row("7/2025/QĐ-UBND", "Hết hiệu lực trước khi có", ngay_hieu_luc="01/06/2025", ngay_het_hieu_luc="1/1/2025"),
        row("9" * 101, "Số quá dài"),  # row 11
        row("8/2025/QĐ-UBND", "Văn bản tốt thứ hai", thay_the="8/2025/QĐ-UBND"),  # row 12
        row("9/2025/QĐ-UBND", "Văn bản tốt thứ ba", issued="1/3/2025", sua_doi="1/2025/QĐ-UBND"),  # row 13
    ]

    with pytest.raises(CommandError, match="9 dòng bị lỗi") as failure:
        run_import(write_csv(tmp_path, rows), "--files", str(files_dir), "--publish")

    reported = [line.split(":")[0] for line in failure.value.stderr.splitlines()]
    assert reported == [f"Dòng {number}" for number in (3, 4, 5, 6, 7, 8, 10, 11, 12)]
    assert "Dòng 12: Văn bản không thể liên quan đến chính nó (cột thay_the)." in failure.value.stderr
    assert sorted(page.number for page in imported(agency)) == ["1/2025/QĐ-UBND", "9/2025/QĐ-UBND", "99/QĐ-UBND"]
    assert get_document_model().objects.count() == documents + 2  # qd-12.pdf and kh-40.pdf
    assert LegalField.objects.filter(name="Lĩnh vực mới").exists()


def test_a_row_failing_at_the_last_step_leaves_nothing(agency, tmp_path, files_dir, run_import, settings, monkeypatch):
    """A failure after the page and its files were stored (here: submitting to the BBT) undoes all of them."""
    media_documents = Path(settings.MEDIA_ROOT) / "documents"
    stored = set(media_documents.glob("kh-40*"))
    documents = get_document_model().objects.count()

    def failing_start(workflow, page, user):
        raise RuntimeError("không gửi được thư báo")

    monkeypatch.setattr(Workflow, "start", failing_start)
    rows = [row("40/KH-UBND", "Kế hoạch", type="Kế hoạch", tep="kh-40.pdf", linh_vuc="Lĩnh vực mới")]

    with pytest.raises(CommandError) as failure:
        run_import(write_csv(tmp_path, rows), "--files", str(files_dir))

    assert failure.value.stderr == "Dòng 2: Lỗi khi lưu văn bản: không gửi được thư báo\n"
    assert not imported(agency).exists()
    assert get_document_model().objects.count() == documents
    assert set(media_documents.glob("kh-40*")) == stored
    assert not LegalField.objects.filter(name="Lĩnh vực mới").exists()


def test_bad_rows_messages(agency, tmp_path, files_dir, run_import):
    (files_dir / "gia.pdf").write_text("Đây không phải PDF")
    rows = [
        row("1/2025/QĐ-UBND", "Tốt"),
        row("2/2025/QĐ-UBND", "Ngày sai", issued="2025-01-15"),
        row("3/2025/QĐ-UBND", "Loại lạ", type="Thông báo mật"),
        row("1/2025/QĐ-UBND", "Trùng"),
        row("4/2025/QĐ-UBND", "Thiếu tệp", tep="khong-co.pdf"),
        row("5/2025/QĐ-UBND", "Tệp giả", tep="gia.pdf"),
    ]
    with pytest.raises(CommandError) as failure:
        run_import(write_csv(tmp_path, rows), "--files", str(files_dir))
    assert failure.value.stderr.splitlines() == [
        "Dòng 3: Ngày ban hành “2025-01-15” không hợp lệ; cần ghi theo dạng ngày/tháng/năm, ví dụ 19/04/2017.",
        "Dòng 4: Không có hình thức văn bản “Thông báo mật” trong danh mục; "
        "hãy sửa cho đúng tên trong danh mục hoặc nhờ quản trị thêm vào.",
        f"Dòng 5: Số ký hiệu 1/2025/QĐ-UBND của {UBND} trùng với dòng 2.",
        f"Dòng 6: Không tìm thấy tệp “khong-co.pdf” trong thư mục {files_dir.resolve()}.",
        "Dòng 7: Nội dung tệp “gia.pdf” không đúng định dạng .pdf; hãy dùng đúng tệp văn bản.",
    ]


@pytest.mark.usefixtures("admin", "lists")
def test_oversized_csv_is_refused_before_reading(agency, tmp_path):
    path = tmp_path / "qua-lon.csv"
    with path.open("wb") as handle:
        handle.write(csv_text([row("1/2025/QĐ-UBND", "Văn bản")]).encode())
        handle.truncate(50 * 1024 * 1024)

    with pytest.raises(CommandError, match="quá lớn"):
        call_command("import_documents", str(path), "--site", agency.code, stdout=io.StringIO())
    assert not imported(agency).exists()


def test_missing_column_is_refused(agency, tmp_path, run_import):
    header = [column for column in HEADER if column not in {"ngay_ban_hanh", "trich_yeu"}]
    path = write_csv(tmp_path, [{"so_ky_hieu": "1/2025/QĐ-UBND"}], header=header)

    with pytest.raises(CommandError, match="Tệp thiếu cột: ngay_ban_hanh, trich_yeu"):
        run_import(path)
    assert not imported(agency).exists()


@pytest.mark.usefixtures("lists")
def test_no_user_to_import_as(agency, tmp_path):
    with pytest.raises(CommandError, match="Chưa có quản trị viên"):
        call_command("import_documents", str(write_csv(tmp_path, [])), "--site", agency.code, stdout=io.StringIO())


def test_imported_documents_are_in_wagtails_indexes_once(agency, tmp_path, files_dir, three_documents, run_import):
    """The import updates Wagtail's search and reference indexes once per document, not on each save."""
    run_import(write_csv(tmp_path, three_documents), "--files", str(files_dir), "--publish")
    replacing = imported(agency).get(number="13/2025/QĐ-UBND")
    replaced = imported(agency).get(number="12/2025/QĐ-UBND")

    assert list(LegalDocumentPage.objects.live().search("thay the")) == [replacing]
    usages = ReferenceIndex.get_references_to(replaced).values_list("object_id", flat=True)
    assert str(replacing.pk) in list(usages)
    # After the import, an editor's save updates the search index again by itself.
    replaced.title = "Quyết định về ngư trường"
    replaced.save_revision().publish()
    assert list(LegalDocumentPage.objects.live().search("ngư trường")) == [replaced]


def test_imported_documents_are_in_the_site_search_once_and_its_receiver_is_back(
    agency, tmp_path, files_dir, three_documents, run_import
):
    """The site search (finder) describes each imported document once, at the end, not on each of its saves; after
    the import an editor's publish is followed again."""
    run_import(write_csv(tmp_path, three_documents), "--files", str(files_dir), "--publish")
    pages = list(imported(agency))
    assert pages
    for page in pages:
        assert SiteSearchEntry.objects.filter(source=PAGE_SOURCE, object_id=page.pk).count() == 1
    page = pages[0]
    page.title = "Quyết định về ngư trường Lý Sơn"
    page.save_revision().publish()
    assert SiteSearchEntry.objects.get(source=PAGE_SOURCE, object_id=page.pk).title == page.title
