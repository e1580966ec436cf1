"""The periodic operations report (Điều 16.1.c): its numbers per site and section, the period form, who reads what
(on screen and in every export), the charts, and the CSV, XLSX and PDF files."""

import csv
import io
import unicodedata
import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader
from wagtail import hooks
from wagtail.models import Page

from feedback.models import Question
from groundwork.reports import Chart, Period, ReportTable
from home.models import Agency
from reporting.models import PageViewCount
from tests.feedback.test_consultations import add_comment, make_consultation
from tests.finder.helpers import add_news
from tests.home.helpers import section
from tests.services.test_catalogue import make_procedure
from tests.services.test_statistics import add_dossier

pytestmark = pytest.mark.django_db

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
REPORT = reverse("reporting_report")
MARCH = {"kind": "thang", "year": "2026", "month": "3"}


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=VIETNAM)


def published_on(page, moment: datetime) -> None:
    Page.objects.filter(pk=page.pk).update(first_published_at=moment)


def question(agency, received: datetime, answered: datetime | None = None, **fields) -> Question:
    status = Question.Status.ANSWERED if answered else Question.Status.FORWARDED
    return Question.objects.create(
        agency=agency,
        name="Lê Thị Hoa",
        email="hoa@example.vn",
        title="Hỏi về cấp giấy phép",
        body="Xin hỏi thủ tục.",
        received_at=received,
        answered_at=answered,
        status=status,
        **fields,
    )


@pytest.fixture
def march(agency, other_agency):
    """March 2026 on Sở TT&TT's site and xã Tư Nghĩa's, and a little outside it."""
    for title, language, moment in [
        ("Hội nghị chuyển đổi số", "vi", at(3, 10)),
        ("Digital transformation conference", "en", at(3, 11)),
        ("Tin tháng tư", "vi", at(4, 2)),
    ]:
        published_on(add_news(agency, title, language=language), moment)
    published_on(add_news(other_agency, "Xã Tư Nghĩa ra quân làm đường"), at(3, 20))

    on_time = question(agency, at(3, 2))
    on_time.answered_at, on_time.status = at(3, 5), Question.Status.ANSWERED
    on_time.save()
    late = question(agency, at(2, 2))  # due in early March, answered at its end
    late.answered_at, late.status = at(3, 30), Question.Status.ANSWERED
    late.save()
    question(agency, at(3, 3))  # still open, long overdue
    question(other_agency, at(3, 4))
    question(agency, at(4, 6))  # outside

    consultation = make_consultation(agency, opens_at=at(3, 1, 0), closes_at=at(3, 31, 0))
    for _ in range(2):
        add_comment(consultation, created_at=at(3, 15))
    add_comment(consultation, created_at=at(2, 27))

    procedure = make_procedure(other_agency, "Đăng ký khai sinh", online_service="toan-trinh")
    add_dossier(procedure, at(3, 2), date(2026, 3, 5), at(3, 4))
    add_dossier(procedure, at(3, 2), date(2026, 3, 5), at(3, 9))
    add_dossier(procedure, at(3, 3), date(2026, 3, 6))

    news_key = section(agency, "tin-tuc").translation_key
    PageViewCount.objects.create(site=agency.site, section_key=news_key, day=date(2026, 3, 15), views=40)
    PageViewCount.objects.create(site=agency.site, section_key=news_key, day=date(2026, 4, 1), views=7)
    PageViewCount.objects.create(
        site=other_agency.site, section_key=other_agency.site.root_page.translation_key, day=date(2026, 3, 1), views=12
    )


def tables(response) -> dict[str, ReportTable]:
    assert response.status_code == 200
    return {table.key: table for table in response.context["tables"]}


@pytest.fixture
def superuser(make_user):
    return make_user("quantri", is_superuser=True)


# The numbers ------------------------------------------------------------------------------------------------------


def test_the_months_numbers_per_site_and_section(client, superuser, march):
    client.force_login(superuser)

    found = tables(client.get(REPORT, MARCH))

    published = found["published"].rows
    assert ["Sở Thông tin và Truyền thông", "Tin tức", 2] in published
    assert ["Xã Tư Nghĩa", "Tin tức", 1] in published
    assert found["questions"].rows[0] == ["Sở Thông tin và Truyền thông", 2, 1, 1, 1, 50.0]
    assert found["questions"].rows[1] == ["Xã Tư Nghĩa", 1, 0, 0, 1, None]
    assert found["consultations"].rows == [["Sở Thông tin và Truyền thông", 1, 2]]
    assert found["dossiers"].rows == [["Xã Tư Nghĩa", 3, 2, 1, 1, 1, 50.0]]
    assert found["dossiers-by-procedure"].rows == [
        ["Xã Tư Nghĩa", "Đăng ký khai sinh", "1.001612.000.00.00.H48", 3, 2, 1, 1, 1, 50.0]
    ]
    assert found["page-views"].rows == [
        ["Sở Thông tin và Truyền thông", "Tin tức", 40],
        ["Xã Tư Nghĩa", "Xã Tư Nghĩa", 12],
    ]


def test_a_quarter_a_year_and_dates(client, superuser, march):
    client.force_login(superuser)

    quarter = tables(client.get(REPORT, {"kind": "quy", "year": "2026", "quarter": "2"}))
    year = tables(client.get(REPORT, {"kind": "nam", "year": "2026"}))
    dates = tables(client.get(REPORT, {"kind": "khoang", "start": "01/04/2026", "end": "30/04/2026"}))

    assert quarter["page-views"].rows == [["Sở Thông tin và Truyền thông", "Tin tức", 7]]
    assert ["Sở Thông tin và Truyền thông", "Tin tức", 47] in year["page-views"].rows
    assert dates["page-views"].rows == quarter["page-views"].rows
    assert dates["questions"].rows == [["Sở Thông tin và Truyền thông", 1, 0, 0, 1, None]]


def test_the_number_of_queries_does_not_grow_with_sites_and_items(portal, agency, other_agency, march):
    period = Period(date(2026, 3, 1), date(2026, 3, 31))

    # This app's own sections: the others' (oversight, ratings) count their queries in their own tests.
    own = [
        function
        for function in hooks.get_hooks("register_report_sections")
        if function.__module__ == "reporting.sections"
    ]

    def count(agencies) -> int:
        scoped = Agency.objects.filter(pk__in=[a.pk for a in agencies]).select_related("site__root_page")
        with CaptureQueriesContext(connection) as queries:
            for function in own:
                list(function(period, scoped))
        return len(queries)

    assert len(own) == 5
    few = count([other_agency])
    published_on(add_news(portal, "Tin của tỉnh"), at(3, 9))
    question(portal, at(3, 9))
    assert count([portal, agency, other_agency]) == few <= 16


def test_a_registered_section_of_another_app_is_shown_with_its_chart(client, superuser, march):
    def satisfaction(period, agencies):
        yield ReportTable(
            key="ratings",
            title="Mức độ hài lòng",
            columns=["Trang", "Lượt đánh giá"],
            rows=[[agency.name, 3] for agency in agencies],
            chart=Chart("Đánh giá theo trang", [agency.name for agency in agencies], [3] * len(agencies)),
            order=5,
        )

    client.force_login(superuser)
    with hooks.register_temporarily("register_report_sections", satisfaction):
        response = client.get(REPORT, MARCH)

    assert list(tables(response))[0] == "ratings"
    assert "Mức độ hài lòng" in response.text and "<title>Đánh giá theo trang</title>" in response.text


def test_charts_are_inline_svg_images_with_titles(client, superuser, march):
    client.force_login(superuser)

    response = client.get(REPORT, MARCH)

    text = response.text
    assert text.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') >= 3
    assert "<title>Lượt xem theo trang</title>" in text
    assert 'aria-label="Lượt xem theo trang. Sở Thông tin và Truyền thông: 40; Xã Tư Nghĩa: 12"' in text
    assert "<script" not in text.split("<main", 1)[-1].split("</main>")[0]


# The period form --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"kind": "khoang", "start": "31/03/2026", "end": "01/03/2026"}, "Ngày kết thúc phải cùng ngày hoặc sau"),
        ({"kind": "khoang", "start": "", "end": "01/03/2026"}, "Hãy nhập ngày bắt đầu, dạng dd/mm/yyyy."),
        ({"kind": "khoang", "start": "32/01/2026", "end": "01/03/2026"}, "Nhập một ngày hợp lệ."),
        ({"kind": "thang", "year": "2026", "month": ""}, "Hãy chọn tháng."),
        ({"kind": "quy", "year": "2026"}, "Hãy chọn quý."),
        ({"kind": "nam", "year": ""}, "Hãy chọn năm."),
    ],
)
def test_a_wrong_period_is_explained_in_vietnamese(client, superuser, params, error):
    client.force_login(superuser)

    response = client.get(REPORT, params)

    assert response.status_code == 200
    assert error in response.text
    assert "tables" not in response.context
    assert client.get(REPORT, {**params, "export": "pdf"})["Content-Type"].startswith("text/html")


def test_without_a_period_it_shows_this_month(client, superuser):
    client.force_login(superuser)

    response = client.get(REPORT)

    assert response.status_code == 200
    assert response.context["period"].start.day == 1


# Who reads what ---------------------------------------------------------------------------------------------------


def test_an_agencys_bbt_reads_only_its_own_site_even_when_it_asks_for_another(client, moderator, other_agency, march):
    client.force_login(moderator)

    found = tables(client.get(REPORT, {**MARCH, "site": other_agency.pk}))
    exported = client.get(REPORT, {**MARCH, "site": other_agency.pk, "export": "csv"}).content.decode("utf-8-sig")
    workbook = load_workbook(
        io.BytesIO(client.get(REPORT, {**MARCH, "site": other_agency.pk, "export": "xlsx"}).content)
    )
    pdf = pdf_text(client.get(REPORT, {**MARCH, "site": other_agency.pk, "export": "pdf"}).content)

    sites = {row[0] for table in found.values() if table.columns[0] == "Trang" for row in table.rows}
    assert sites == {"Sở Thông tin và Truyền thông"}
    for text in (exported, pdf, " ".join(str(cell.value) for sheet in workbook for row in sheet for cell in row)):
        assert "Sở Thông tin và Truyền thông" in text
        assert "Tư Nghĩa" not in text


def test_the_portals_bbt_reads_every_site_and_may_choose_one(client, portal, agency, other_agency, make_user, march):
    client.force_login(make_user("bbt_tinh", portal.moderators))

    every = tables(client.get(REPORT, MARCH))
    one = tables(client.get(REPORT, {**MARCH, "site": other_agency.pk}))

    assert {row[0] for row in every["page-views"].rows} == {"Sở Thông tin và Truyền thông", "Xã Tư Nghĩa"}
    assert {row[0] for table in one.values() if table.columns[0] == "Trang" for row in table.rows} == {"Xã Tư Nghĩa"}


@pytest.mark.parametrize("export", ["", "csv", "xlsx", "pdf"])
def test_editors_and_officers_without_the_bbt_get_403(client, editor, officer, export):
    for user in (editor, officer):
        client.force_login(user)
        assert client.get(REPORT, {**MARCH, "export": export}).status_code == 403


def test_the_menu_item_is_shown_to_the_bbt_only(client, moderator, editor):
    client.force_login(moderator)
    assert REPORT in client.get(reverse("wagtailadmin_home")).text
    client.force_login(editor)
    assert REPORT not in client.get(reverse("wagtailadmin_home")).text


# Exports ----------------------------------------------------------------------------------------------------------


def pdf_text(content: bytes) -> str:
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def test_the_pdf_has_the_period_the_sites_the_tables_and_the_charts_in_vietnamese(client, superuser, march):
    client.force_login(superuser)

    response = client.get(REPORT, {**MARCH, "export": "pdf"})

    assert response["Content-Type"] == "application/pdf"
    assert "bao-cao-hoat-dong-20260301-20260331.pdf" in response["Content-Disposition"]
    text = pdf_text(response.content)
    for words in [
        "Báo cáo hoạt động",
        "Tháng 03/2026",
        "01/03/2026",
        "31/03/2026",
        "Sở Thông tin và Truyền thông",
        "Xã Tư Nghĩa",
        "Hỏi đáp, kiến nghị",
        "Lượt xem theo trang",  # a chart's title
        "Hồ sơ dịch vụ công trực tuyến theo thủ tục",
        "Đăng ký khai sinh",
        "50,0",
        "40",
    ]:
        assert words in text, words


def test_the_csv_and_xlsx_hold_every_table(client, superuser, march):
    client.force_login(superuser)

    text = client.get(REPORT, {**MARCH, "export": "csv"}).content.decode("utf-8-sig")
    workbook = load_workbook(io.BytesIO(client.get(REPORT, {**MARCH, "export": "xlsx"}).content))

    rows = list(csv.reader(io.StringIO(text)))
    assert ["Báo cáo hoạt động", "Tháng 03/2026"] == rows[0]
    assert ["Xã Tư Nghĩa", "3", "2", "1", "1", "1", "50,0"] in rows
    assert ["Sở Thông tin và Truyền thông", "Tin tức", "40"] in rows
    assert workbook.sheetnames[0] == "Kỳ báo cáo"
    assert "Hỏi đáp, kiến nghị" in workbook.sheetnames
    sheet = workbook["Hỏi đáp, kiến nghị"]
    assert [cell.value for cell in sheet[2]] == ["Sở Thông tin và Truyền thông", 2, 1, 1, 1, 50.0]


@pytest.mark.parametrize(
    ("params", "start", "end", "label"),
    [
        ({"kind": "thang", "year": "2026", "month": "2"}, date(2026, 2, 1), date(2026, 2, 28), "Tháng 02/2026"),
        ({"kind": "quy", "year": "2025", "quarter": "4"}, date(2025, 10, 1), date(2025, 12, 31), "Quý IV/2025"),
        ({"kind": "nam", "year": "2025"}, date(2025, 1, 1), date(2025, 12, 31), "Năm 2025"),
        ({"kind": "khoang", "start": "29/01/2026", "end": "2026-02-03"}, date(2026, 1, 29), date(2026, 2, 3), None),
    ],
)
def test_each_kind_of_period_covers_its_days(client, superuser, params, start, end, label):
    client.force_login(superuser)

    period = client.get(REPORT, params).context["period"]

    assert (period.start, period.end) == (start, end)
    assert period.label == (label or "29/01/2026 – 03/02/2026")


def test_an_error_is_tied_to_its_field(client, superuser):
    client.force_login(superuser)

    response = client.get(REPORT, {"kind": "khoang", "start": "", "end": "01/03/2026"})

    assert 'aria-describedby="id_start_errors"' in response.text
    assert 'id="id_start_errors"' in response.text


def test_the_views_of_a_deleted_section_stay_in_their_sites_total(client, superuser, agency):
    PageViewCount.objects.create(site=agency.site, section_key=uuid.uuid4(), day=date(2026, 3, 2), views=9)
    PageViewCount.objects.create(site=agency.site, section_key=uuid.uuid4(), day=date(2026, 3, 3), views=4)
    client.force_login(superuser)

    found = tables(client.get(REPORT, MARCH))

    assert found["page-views"].rows == [["Sở Thông tin và Truyền thông", "(chuyên mục đã xóa)", 13]]
