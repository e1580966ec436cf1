"""Importing with only the lists that migrations create (no demo, no list typed by hand): issuing authorities found
among the agencies, and the BBT told once per import, through the mail queue."""

import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult
from wagtail.users.models import UserProfile

from documents.models import Authority, LegalDocumentPage, LegalField
from tests.home.helpers import section

from .test_import import row, write_csv

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / "documents/samples/van-ban-mau.csv"


@pytest.fixture
def importer(make_user):
    return make_user("quantri", is_superuser=True)


def run_import(agency, path, *options):
    """The command's (stdout, stderr) for `agency`'s site; a CommandError carries the stderr as `.stderr`."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_documents", str(path), "--site", agency.code or "portal", *options, stdout=out, stderr=err)
    except CommandError as error:
        error.stderr = err.getvalue()
        raise
    return out.getvalue(), err.getvalue()


def imported(agency):
    return LegalDocumentPage.objects.child_of(section(agency, "van-ban"))


def test_the_sample_csv_imports_with_its_authority_taken_from_the_portal(portal, importer):
    assert not Authority.objects.exists()
    fields = LegalField.objects.count()

    out, _err = run_import(portal, SAMPLE, "--publish")

    assert "Đã tạo 4, cập nhật 0, không đổi 0, lỗi 0" in out
    authority = Authority.objects.get()
    assert (authority.name, authority.agency) == ("UBND tỉnh Quảng Ngãi", portal)
    assert authority.name_en == portal.name_en
    documents = {page.number: page for page in imported(portal)}
    assert documents["06/CT-UBND"].document_type.name == "Chỉ thị"
    assert documents["16/2017/QĐ-UBND"].document_type.is_legal and documents["16/2017/QĐ-UBND"].live
    assert LegalField.objects.count() == fields  # its fields are standard ones


def test_spellings_of_the_same_authority_share_one_entry(portal, importer, tmp_path):
    rows = [
        row("1/2026/QĐ-UBND", "Một", authority="Ủy ban nhân dân tỉnh Quảng Ngãi"),
        row("2/2026/QĐ-UBND", "Hai", authority="UBND tinh Quang Ngai"),
        row("3/2026/QĐ-UBND", "Ba", authority="Uỷ ban nhân dân tỉnh Quảng Ngãi"),
    ]

    run_import(portal, write_csv(tmp_path, rows), "--publish")

    assert Authority.objects.get().name == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert imported(portal).filter(authority__agency=portal).count() == 3


def test_a_communes_peoples_committee_is_the_local_government_of_that_name(other_agency, importer, tmp_path):
    run_import(other_agency, write_csv(tmp_path, [row("5/QĐ-UBND", "Quyết định của xã", authority="UBND xã Tư Nghĩa")]))

    authority = Authority.objects.get()
    assert (authority.name, authority.agency, authority.name_en) == ("UBND xã Tư Nghĩa", other_agency, "")


def test_an_authority_that_is_neither_listed_nor_an_agency_is_refused_with_how_to_add_it(portal, importer, tmp_path):
    rows = [row("1/2026/QĐ-SNgV", "Văn bản của sở chưa có trang", authority="Sở Ngoại vụ")]

    with pytest.raises(CommandError) as failure:
        run_import(portal, write_csv(tmp_path, rows), "--publish")

    assert "Dòng 2: Không có cơ quan ban hành “Sở Ngoại vụ” trong danh mục" in failure.value.stderr
    assert "Danh mục văn bản › Cơ quan ban hành" in failure.value.stderr
    assert "/admin/authorities/new/" in failure.value.stderr
    assert not Authority.objects.exists() and not imported(portal).exists()


@pytest.fixture
def board(agency, make_user):
    """Three members of Sở TT&TT's BBT, one of whom does not want "submitted" e-mails."""
    members = [make_user(f"bbt{number}", agency.moderators) for number in (1, 2, 3)]
    profile = UserProfile.get_for_user(members[2])
    profile.submitted_notifications = False
    profile.save()
    return members


def test_an_import_for_moderation_tells_each_bbt_member_once_through_the_queue(
    agency, board, importer, tmp_path, database_queue, run_worker
):
    rows = [
        row(f"{number}/2026/QĐ-UBND", f"Văn bản {number}", authority="Sở Thông tin và Truyền thông")
        for number in range(1, 6)
    ]

    out, _err = run_import(agency, write_csv(tmp_path, rows))

    assert "Đã tạo 5" in out
    assert all(page.workflow_in_progress for page in imported(agency))
    assert mail.outbox == []  # nothing was sent during the import: it waits in the queue
    assert DBTaskResult.objects.filter(task_path="groundwork.mail.deliver_mail").count() == 2

    run_worker()

    assert sorted(message.to[0] for message in mail.outbox) == ["bbt1@quangngai.gov.vn", "bbt2@quangngai.gov.vn"]
    message = mail.outbox[0]
    assert message.subject == "Văn bản chờ duyệt: 5"
    assert "5 văn bản vừa được nhập vào trang Sở Thông tin và Truyền thông" in message.body
    assert "http://quangngai.localhost/admin/" in message.body


def test_an_import_that_publishes_or_changes_nothing_tells_nobody(agency, board, importer, tmp_path):
    path = write_csv(tmp_path, [row("1/2026/QĐ-UBND", "Văn bản", authority="Sở Thông tin và Truyền thông")])

    run_import(agency, path, "--publish")
    run_import(agency, path)  # unchanged: not submitted again

    assert mail.outbox == []
