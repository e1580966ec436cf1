"""Public consultation (R8): the period and its states, commenting, moderation, the section, the admin, exports."""

import csv
import io
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Locale
from wagtail.permissions import policy_registry

from feedback.models import ConsultationComment, ConsultationPage
from tests.home.helpers import section
from vietnam.text import slugify

pytestmark = pytest.mark.django_db

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
# The period runs from midnight to midnight, Vietnamese time: 17:00 UTC the day before.
OPENS = datetime(2026, 12, 1, 0, 0, tzinfo=VIETNAM)
CLOSES = datetime(2026, 12, 31, 0, 0, tzinfo=VIETNAM)
DURING = datetime(2026, 12, 10, 9, 30, tzinfo=VIETNAM)
SECOND = timedelta(seconds=1)
Status = ConsultationComment.Status


def make_consultation(agency, title="Dự thảo Quy chế hoạt động của Cổng thông tin điện tử", **fields):
    """A live consultation in the agency's /lay-y-kien/ section, open through December 2026 by default."""
    index = section(agency, "lay-y-kien")
    values = {
        "summary": "Dự thảo thay thế Quyết định 16/2017/QĐ-UBND, theo Nghị định 42/2022/NĐ-CP.",
        "body": "<p>Điều 1. Phạm vi điều chỉnh</p><p>Điều 2. Đối tượng áp dụng</p>",
        "opens_at": OPENS,
        "closes_at": CLOSES,
        "receiving_agency": "Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi",
        "address": "52 Hùng Vương, phường Cẩm Thành, tỉnh Quảng Ngãi",
        "email": "gopy@quangngai.gov.vn",
        **fields,
    }
    page = index.add_child(instance=ConsultationPage(title=title, slug=slugify(title), locale=index.locale, **values))
    page.save_revision().publish()
    return page


def translate(page, title="Draft regulation on the provincial web portal"):
    """The page's English translation, live under the site's English /en/public-consultation/."""
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = title
    english.summary = "A draft replacing Decision 16/2017/QĐ-UBND."
    english.save_revision().publish()
    return ConsultationPage.objects.get(pk=english.pk)


def add_comment(page, status=Status.APPROVED, **fields):
    values = {
        "name": "Trần Thị Bình",
        "organisation": "Hội Luật gia tỉnh",
        "email": "binh.tran@example.vn",
        "article": "Điều 2",
        "body": "Đề nghị bổ sung đối tượng áp dụng là các đơn vị sự nghiệp công lập.",
        **fields,
    }
    return ConsultationComment.objects.create(page=page, status=status, **values)


def url(page) -> str:
    return page.relative_url(page.get_site())


def host(page) -> dict:
    return {"HTTP_HOST": page.get_site().hostname}


def comment_data(**overrides) -> dict:
    return {
        "name": "Nguyễn Văn An",
        "organisation": "",
        "email": "an.nguyen@example.vn",
        "article": "Điều 1, khoản 2",
        "body": "Đề nghị quy định rõ thời hạn cập nhật thông tin trên cổng.",
        "website": "",
        **overrides,
    }


def post_comment(client, page, **overrides):
    return client.post(url(page), comment_data(**overrides), **host(page))


@pytest.fixture
def clock(monkeypatch):
    """clock(moment): from now on, the server's time is `moment`."""

    def set_time(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_time


@pytest.fixture
def consultation(agency):
    return make_consultation(agency)


# --- The period ------------------------------------------------------------------------------------------------------


def test_the_state_follows_the_clock_around_midnight_in_vietnam(consultation):
    assert consultation.state(OPENS - SECOND) == ConsultationPage.State.UPCOMING
    assert consultation.state(OPENS) == ConsultationPage.State.OPEN
    assert consultation.state(CLOSES - SECOND) == ConsultationPage.State.OPEN
    assert consultation.state(CLOSES) == ConsultationPage.State.CLOSED
    # 30/12 at 17:00 UTC is already 31/12 at midnight in Quảng Ngãi.
    assert consultation.state(datetime(2026, 12, 30, 17, 0, tzinfo=ZoneInfo("UTC"))) == ConsultationPage.State.CLOSED


@pytest.mark.parametrize(
    "moment, label, has_form",
    [
        (OPENS - SECOND, "Sắp lấy ý kiến", False),
        (OPENS, "Đang lấy ý kiến", True),
        (CLOSES - SECOND, "Đang lấy ý kiến", True),
        (CLOSES, "Đã kết thúc", False),
    ],
)
def test_the_page_shows_the_period_in_vietnamese_time_and_the_form_only_while_open(
    client, consultation, clock, moment, label, has_form
):
    clock(moment)

    response = client.get(url(consultation), **host(consultation))

    assert response.status_code == 200
    html = response.text
    assert label in html
    assert "01/12/2026 00:00" in html and "31/12/2026 00:00" in html
    assert "30/12/2026 17:00" not in html
    assert ('name="body"' in html) is has_form
    assert "Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi" in html and "52 Hùng Vương" in html
    assert 'href="mailto:gopy@quangngai.gov.vn"' in html


def test_the_form_closes_by_itself_at_the_deadline(client, consultation, clock):
    clock(CLOSES - SECOND)
    assert 'name="body"' in client.get(url(consultation), **host(consultation)).text

    clock(CLOSES + SECOND)  # the visitor pressed "send" a second too late
    response = post_comment(client, consultation, body="Ý kiến gửi sau hạn chót.")

    assert response.status_code == 403
    assert "Đã hết thời hạn góp ý." in response.text
    assert "Ý kiến của quý vị chưa được ghi nhận." in response.text
    assert "Ý kiến gửi sau hạn chót." in response.text  # given back, to keep or send by e-mail
    assert 'name="body"' not in response.text
    assert not ConsultationComment.objects.exists()


def test_a_comment_before_the_opening_is_refused(client, consultation, clock):
    clock(OPENS - SECOND)

    response = post_comment(client, consultation)

    assert response.status_code == 403
    assert "Chưa đến thời gian lấy ý kiến." in response.text
    assert not ConsultationComment.objects.exists()


# --- Commenting ------------------------------------------------------------------------------------------------------


def test_a_comment_is_saved_thanked_and_waits_for_moderation(client, consultation, clock):
    clock(DURING)

    response = post_comment(client, consultation)

    assert response.status_code == 302
    assert response["Location"].endswith(f"{url(consultation)}#gop-y")
    comment = ConsultationComment.objects.get()
    assert (comment.page, comment.status, comment.name, comment.email, comment.article) == (
        consultation,
        Status.PENDING,
        "Nguyễn Văn An",
        "an.nguyen@example.vn",
        "Điều 1, khoản 2",
    )
    page = client.get(url(consultation), **host(consultation)).text
    assert "Cảm ơn quý vị đã góp ý. Ý kiến sẽ được công khai tại đây sau khi Ban biên tập duyệt." in page
    assert "Đề nghị quy định rõ thời hạn cập nhật" not in page  # not public before the BBT approves it
    # The thank-you is shown once.
    assert "Cảm ơn quý vị đã góp ý" not in client.get(url(consultation), **host(consultation)).text


def test_a_comment_on_the_english_page_returns_to_it(client, consultation, clock):
    english = translate(consultation)
    clock(DURING)

    response = post_comment(client, english)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/public-consultation/")
    assert ConsultationComment.objects.get().page == english


def test_decomposed_vietnamese_is_stored_composed(client, consultation, clock):
    clock(DURING)

    post_comment(client, consultation, name="Nguye\u0302\u0303n Va\u0306n An")

    assert ConsultationComment.objects.get().name == "Nguyễn Văn An"


ERRORS = {
    "vi": {
        "required": "Trường này là bắt buộc.",
        "email": "Nhập địa chỉ email.",
        "long": "Giá trị này chỉ có tối đa 10000 kí tự (hiện có 10001)",
        "summary": "Chưa gửi được ý kiến. Vui lòng sửa các lỗi sau:",
    },
    "en": {
        "required": "This field is required.",
        "email": "Enter a valid email address.",
        "long": "Ensure this value has at most 10000 characters (it has 10001).",
    },
}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_bad_input_gets_clear_errors_in_the_pages_language_and_saves_nothing(client, consultation, clock, language):
    page = translate(consultation) if language == "en" else consultation
    errors = ERRORS[language]
    clock(DURING)

    missing = post_comment(client, page, name="", email="", body="")
    bad_email = post_comment(client, page, email="an.nguyen@", body="Nội dung vẫn được giữ lại.")
    too_long = post_comment(client, page, body="x" * 10001)

    assert not ConsultationComment.objects.exists()
    assert missing.status_code == bad_email.status_code == too_long.status_code == 200
    html = missing.text
    assert html.count(errors["required"]) == 2 * 3  # in the summary and at the field, for three fields
    assert errors.get("summary", "") in html
    # Each error is tied to its field, and the summary links to it.
    name_input = re.search(r'<input[^>]*name="name"[^>]*>', html).group()
    assert 'aria-invalid="true"' in name_input and 'aria-describedby="id_name_errors"' in name_input
    assert 'id="id_name_errors"' in html
    assert 'href="#id_email"' in html and 'href="#id_body"' in html
    assert errors["email"] in bad_email.text
    assert "Nội dung vẫn được giữ lại." in bad_email.text  # nothing typed is lost
    assert errors["long"] in too_long.text


def test_a_filled_honeypot_saves_nothing(client, consultation, clock):
    clock(DURING)

    response = post_comment(client, consultation, website="http://spam.example")

    assert response.status_code == 200
    assert "Không gửi được biểu mẫu này." in response.text
    assert not ConsultationComment.objects.exists()


def test_one_address_may_send_five_comments_in_ten_minutes(client, consultation, clock):
    clock(DURING)
    for number in range(5):
        assert post_comment(client, consultation, body=f"Ý kiến số {number + 1}.").status_code == 302

    sixth = post_comment(client, consultation, body="Ý kiến số 6.")

    assert sixth.status_code == 429
    assert "Quý vị đã gửi nhiều ý kiến trong thời gian ngắn. Vui lòng thử lại sau ít phút." in sixth.text
    assert "Ý kiến số 6." in sixth.text
    assert ConsultationComment.objects.count() == 5
    other_address = client.post(
        url(consultation), comment_data(body="Từ máy khác."), REMOTE_ADDR="10.0.0.9", **host(consultation)
    )
    assert other_address.status_code == 302
    assert ConsultationComment.objects.count() == 6


def test_the_form_keeps_csrf_protection(consultation, clock):
    from django.test import Client

    clock(DURING)
    strict = Client(enforce_csrf_checks=True)

    assert post_comment(strict, consultation).status_code == 403
    assert not ConsultationComment.objects.exists()


# --- What is public --------------------------------------------------------------------------------------------------


def test_only_approved_comments_are_public_and_no_email_ever(client, consultation, clock):
    clock(DURING)
    add_comment(consultation, name="Trần Thị Bình", body="Ý kiến đã duyệt.", email="binh@example.vn")
    add_comment(consultation, Status.PENDING, name="Lê Văn Chờ", body="Ý kiến chờ duyệt.", email="cho@example.vn")
    add_comment(
        consultation, Status.REJECTED, name="Phạm Văn Loại", body="Ý kiến không duyệt.", email="loai@example.vn"
    )
    english = translate(consultation)
    add_comment(english, name="John Smith", organisation="", article="", body="A comment in English.")

    for page in (consultation, english):
        html = client.get(url(page), **host(page)).text
        assert "Trần Thị Bình" in html and "Hội Luật gia tỉnh" in html and "Ý kiến đã duyệt." in html
        assert "John Smith" in html and "A comment in English." in html  # one consultation, both languages
        assert "Chờ" not in html and "Ý kiến chờ duyệt." not in html
        assert "Phạm Văn Loại" not in html and "Ý kiến không duyệt." not in html
        assert "@example.vn" not in html


def test_comment_text_is_escaped(client, consultation, clock):
    clock(DURING)
    add_comment(consultation, name="<b>Kẻ xấu</b>", body='<script>alert("x")</script>\nDòng hai')

    html = client.get(url(consultation), **host(consultation)).text

    assert "<script>alert" not in html and "<b>Kẻ xấu</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>Dòng hai" in html
    assert "&lt;b&gt;Kẻ xấu&lt;/b&gt;" in html


def test_after_closing_the_report_and_its_file_are_shown(client, agency, clock):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from tests.documents.conftest import pdf_bytes

    report_file = get_document_model().objects.create(
        title="Báo cáo tiếp thu, giải trình ý kiến",
        file=ContentFile(pdf_bytes("Bao cao tiep thu"), name="bao-cao-tiep-thu.pdf"),
        collection=agency.collection,
    )
    page = make_consultation(agency, report="<p>Tiếp thu 12 ý kiến, giải trình 3 ý kiến.</p>", report_file=report_file)
    clock(DURING)
    assert "Tiếp thu 12 ý kiến" not in client.get(url(page), **host(page)).text

    clock(CLOSES)
    html = client.get(url(page), **host(page)).text

    assert "Kết quả tiếp thu, giải trình ý kiến" in html and "Tiếp thu 12 ý kiến, giải trình 3 ý kiến." in html
    assert report_file.url in html
    assert html.index("Kết quả tiếp thu") < html.index("Nội dung lấy ý kiến")  # before the draft's text
    assert 'name="body"' not in html


# --- The section -----------------------------------------------------------------------------------------------------


def test_the_section_lists_open_then_upcoming_then_closed_with_counts(client, agency, clock):
    closed_early = make_consultation(
        agency, "Dự thảo đã kết thúc sớm", opens_at=OPENS - timedelta(60), closes_at=OPENS - timedelta(30)
    )
    closed_late = make_consultation(
        agency, "Dự thảo vừa kết thúc", opens_at=OPENS - timedelta(30), closes_at=DURING - SECOND
    )
    upcoming = make_consultation(agency, "Dự thảo sắp lấy ý kiến", opens_at=CLOSES, closes_at=CLOSES + timedelta(30))
    open_later = make_consultation(agency, "Dự thảo hạn cuối tháng", opens_at=OPENS, closes_at=CLOSES)
    open_sooner = make_consultation(agency, "Dự thảo hạn giữa tháng", opens_at=OPENS, closes_at=DURING + timedelta(5))
    for _number in range(3):
        add_comment(open_sooner)
    add_comment(open_sooner, Status.PENDING)
    add_comment(translate(open_sooner, "Draft due mid-month"))
    clock(DURING)

    response = client.get(url(section(agency, "lay-y-kien")), **host(open_sooner))

    html = response.text
    titles = [open_sooner, open_later, upcoming, closed_late, closed_early]
    positions = [html.index(page.title) for page in titles]
    assert positions == sorted(positions)
    assert "4 ý kiến đã công khai" in html  # three approved here and one on the English page
    assert html.count("Đang lấy ý kiến") == 2 and html.count("Sắp lấy ý kiến") == 1
    assert html.count("Đã kết thúc") == 2


def test_the_section_costs_the_same_queries_for_many_consultations(client, agency, clock):
    clock(DURING)
    index = section(agency, "lay-y-kien")
    make_consultation(agency, "Dự thảo thứ nhất")
    client.get(url(index), **host(index))  # warm the per-site caches
    with CaptureQueriesContext(connection) as one:
        client.get(url(index), **host(index))
    for number in range(2, 7):
        page = make_consultation(agency, f"Dự thảo thứ {number}")
        add_comment(page)
    client.get(url(index), **host(index))  # new pages renew the cached site frame
    with CaptureQueriesContext(connection) as six:
        response = client.get(url(index), **host(index))

    assert response.text.count("consultation-item") == 6
    assert len(six) == len(one)


# --- Moderation in the admin -----------------------------------------------------------------------------------------


@pytest.fixture
def two_sites(agency, other_agency, moderator, make_user):
    """A pending comment on a consultation of each site, and each site's BBT member."""
    ours = add_comment(make_consultation(agency, "Dự thảo của Sở"), Status.PENDING, name="Người góp ý Sở")
    theirs = add_comment(make_consultation(other_agency, "Dự thảo của xã"), Status.PENDING, name="Người góp ý xã")
    return {
        "ours": ours,
        "theirs": theirs,
        "moderator": moderator,
        "other_moderator": make_user("bbt_tunghia", other_agency.moderators),
    }


INDEX = reverse("consultation-comments:index")


def exported_rows(response, export: str) -> list[list]:
    """The rows (headings first) of an exported CSV or XLSX listing."""
    return parse_export(b"".join(response.streaming_content), export)


def parse_export(content: bytes, export: str) -> list[list]:
    if export == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    return [[cell.value for cell in row] for row in load_workbook(io.BytesIO(content)).active.iter_rows()]


def bulk_url(action: str, *comments) -> str:
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    return reverse("wagtail_bulk_action", args=("feedback", "consultationcomment", action)) + f"?{ids}&next={INDEX}"


def test_a_moderator_sees_and_approves_only_their_sites_comments(client, two_sites):
    ours = two_sites["ours"]
    client.force_login(two_sites["moderator"])

    listing = client.get(INDEX)
    assert listing.status_code == 200
    assert "Người góp ý Sở" in listing.text and "Người góp ý xã" not in listing.text

    confirm = client.get(bulk_url("approve", ours))
    assert confirm.status_code == 200 and "Người góp ý Sở" in confirm.text
    assert client.post(bulk_url("approve", ours)).status_code == 302

    ours.refresh_from_db()
    assert ours.status == Status.APPROVED and ours.moderated_by == two_sites["moderator"]
    assert ours.moderated_at is not None
    public = client.get(url(ours.page), **host(ours.page))
    assert "Người góp ý Sở" in public.text


def test_rejecting_from_the_edit_form_records_who_and_when(client, two_sites):
    ours = two_sites["ours"]
    client.force_login(two_sites["moderator"])
    edit = reverse("consultation-comments:edit", args=(ours.pk,))

    form = client.get(edit)
    assert form.status_code == 200 and ours.email in form.text and ours.body in form.text

    response = client.post(edit, {"status": Status.REJECTED})

    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.status == Status.REJECTED and ours.moderated_by == two_sites["moderator"]
    assert ours.body == "Đề nghị bổ sung đối tượng áp dụng là các đơn vị sự nghiệp công lập."  # read-only


def test_another_sites_moderator_cannot_reach_a_comment_by_any_url(client, two_sites):
    ours = two_sites["ours"]
    client.force_login(two_sites["other_moderator"])

    listing = client.get(INDEX)
    assert listing.status_code == 200 and "Người góp ý Sở" not in listing.text
    for name in ("edit", "history", "usage", "delete"):
        assert client.get(reverse(f"consultation-comments:{name}", args=(ours.pk,))).status_code == 404, name
    edit = reverse("consultation-comments:edit", args=(ours.pk,))
    assert client.post(edit, {"status": Status.APPROVED}).status_code == 404
    assert client.post(reverse("consultation-comments:delete", args=(ours.pk,))).status_code == 404
    for action in ("approve", "reject"):
        assert client.get(bulk_url(action, ours)).status_code == 404
        assert client.post(bulk_url(action, ours)).status_code == 404
        assert client.post(bulk_url(action, ours, two_sites["theirs"])).status_code == 302
    for export in ("csv", "xlsx"):
        rows = exported_rows(client.get(INDEX, {"export": export}), export)
        assert [row[1] for row in rows[1:]] == ["Người góp ý xã"]
    filtered = client.get(INDEX, {"consultation": ours.page.pk})
    assert "Người góp ý Sở" not in filtered.text
    assert ours.page.title not in filtered.text  # not even offered as a filter

    policy = policy_registry.get_by_type(ConsultationComment)
    allowed = policy.users_with_any_permission_for_instance(["change"], ours)
    assert two_sites["moderator"] in allowed and two_sites["other_moderator"] not in allowed
    ours.refresh_from_db()
    assert ours.status == Status.PENDING and ours.moderated_by is None
    assert ConsultationComment.objects.filter(pk=ours.pk).exists()


def test_editors_do_not_moderate_and_superusers_moderate_everywhere(client, two_sites, editor, make_user):
    client.force_login(editor)
    assert client.get(INDEX).status_code in (302, 403)
    assert client.get(bulk_url("approve", two_sites["ours"])).status_code == 404

    client.force_login(make_user("quantri", is_superuser=True))
    listing = client.get(INDEX)
    assert "Người góp ý Sở" in listing.text and "Người góp ý xã" in listing.text


def test_the_inbox_filters_by_consultation_and_status(client, agency, two_sites):
    ours = two_sites["ours"]
    other = make_consultation(agency, "Dự thảo khác của Sở")
    add_comment(other, Status.PENDING, name="Góp ý dự thảo khác")
    add_comment(ours.page, Status.APPROVED, name="Góp ý đã duyệt")
    client.force_login(two_sites["moderator"])

    by_consultation = client.get(INDEX, {"consultation": ours.page.pk}).text
    pending = client.get(INDEX, {"status": Status.PENDING}).text

    assert "Người góp ý Sở" in by_consultation and "Góp ý đã duyệt" in by_consultation
    assert "Góp ý dự thảo khác" not in by_consultation
    assert "Người góp ý Sở" in pending and "Góp ý dự thảo khác" in pending and "Góp ý đã duyệt" not in pending


# --- Export ----------------------------------------------------------------------------------------------------------

HEADINGS = [
    "Dự thảo lấy ý kiến",
    "Họ và tên",
    "Cơ quan, tổ chức",
    "Thư điện tử",
    "Điều, khoản góp ý",
    "Nội dung góp ý",
    "Trạng thái",
    "Ngày gửi",
    "Ngày duyệt",
    "Người duyệt",
]


@pytest.fixture
def exported(agency, two_sites):
    """Two comments on the Sở's consultation (one sent at 23:30 on 10/12 Vietnamese time), one on another."""
    ours = two_sites["ours"]
    ConsultationComment.objects.filter(pk=ours.pk).update(
        created_at=datetime(2026, 12, 10, 23, 30, tzinfo=VIETNAM), body="Dòng một,\n“trích dẫn” và dấu phẩy"
    )
    add_comment(ours.page, Status.APPROVED, name="Đặng Thị Duyệt")
    add_comment(make_consultation(agency, "Dự thảo khác của Sở"), name="Không thuộc dự thảo này")
    return ours


def test_a_consultations_comments_export_to_csv_for_excel(client, two_sites, exported):
    client.force_login(two_sites["moderator"])

    response = client.get(INDEX, {"consultation": exported.page.pk, "export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"y-kien-{exported.page.slug}-" in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = parse_export(content, "csv")
    assert rows[0] == HEADINGS
    assert sorted(row[1] for row in rows[1:]) == ["Người góp ý Sở", "Đặng Thị Duyệt"]
    first = next(row for row in rows if row[1] == "Người góp ý Sở")
    assert first[0] == exported.page.title
    assert first[3] == "binh.tran@example.vn"
    assert first[5] == "Dòng một,\n“trích dẫn” và dấu phẩy"
    assert first[6] == "Chờ duyệt"
    assert first[7] == "10/12/2026 23:30"


def test_exported_comments_cannot_run_as_formulas_in_excel(client, two_sites):
    add_comment(two_sites["ours"].page, name='=HYPERLINK("http://x.example")', body="+1 đồng ý")
    client.force_login(two_sites["moderator"])

    csv_rows = exported_rows(client.get(INDEX, {"export": "csv"}), "csv")
    xlsx = client.get(INDEX, {"export": "xlsx"})

    assert ['\'=HYPERLINK("http://x.example")', "'+1 đồng ý"] in [[row[1], row[5]] for row in csv_rows]
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    name = next(row[1] for row in sheet.iter_rows() if row[5].value == "+1 đồng ý")
    assert name.value == '=HYPERLINK("http://x.example")' and name.data_type == "s"  # text, not a formula


def test_a_consultations_comments_export_to_xlsx(client, two_sites, exported):
    client.force_login(two_sites["moderator"])

    response = client.get(INDEX, {"consultation": exported.page.pk, "export": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = exported_rows(response, "xlsx")
    assert rows[0] == HEADINGS
    assert len(rows) == 3
    first = next(row for row in rows if row[1] == "Người góp ý Sở")
    assert first[0] == exported.page.title and first[2] == "Hội Luật gia tỉnh" and first[6] == "Chờ duyệt"
    assert first[5] == "Dòng một,\n“trích dẫn” và dấu phẩy"
    assert first[7] == datetime(2026, 12, 10, 23, 30)  # the province's wall-clock time
