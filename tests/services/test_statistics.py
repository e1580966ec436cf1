"""Statistics of online services (R7, Điều 11.2): views counted per day, dossiers on time and late, per site."""

import csv
import io
import threading
from datetime import date, datetime, timedelta
from itertools import count
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Locale

from services import handling
from services.models import Channel, Dossier, ProcedureViewCount
from services.models.usage import record_views
from tests.services.test_catalogue import make_procedure

pytestmark = pytest.mark.django_db

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
BROWSER = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile"
STATISTICS = "/thu-tuc-hanh-chinh/thong-ke/"
ADMIN = reverse("services_statistics")
Status = Dossier.Status
numbers = count(1)


def last_year() -> int:
    """A whole year in the past: every due date in it has passed."""
    return timezone.localdate().year - 1


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    """A moment in the province's time."""
    return datetime(year, month, day, hour, minute, tzinfo=VIETNAM)


def add_dossier(procedure, submitted: datetime, due_on: date, finished: datetime | None = None, status=None):
    """A dossier of `procedure`, submitted, due and (if `finished`) with its result at the given moments."""
    if status is None:
        status = Status.RESULT_READY if finished else Status.PROCESSING
    return Dossier.objects.create(
        code=f"TEST-{next(numbers):06d}",
        procedure=procedure,
        agency=procedure.agency,
        applicant="Nguyễn Văn An",
        email="an@example.vn",
        submitted_at=submitted,
        due_on=due_on,
        finished_at=finished,
        status=status,
    )


def get(client, agency, path=STATISTICS, **params):
    response = client.get(path, params, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return response


def numbers_of(response, title: str) -> dict:
    """The procedure's views and dossiers (its ratings: tests/services/test_ratings.py)."""
    row = next(row for row in response.context["statistics"].rows if row.page.title == title)
    dossier_fields = ("views", "submitted", "processed", "on_time", "late", "overdue")
    return {name: getattr(row.numbers, name) for name in dossier_fields}


# Counting views ---------------------------------------------------------------------------------------------


@pytest.fixture
def written_at_once(settings):
    """Each beacon (reporting.usage) written as it comes."""
    settings.USAGE_FLUSH_HITS = 1


def beacon(client, agency, page, agent=BROWSER, **data):
    return client.post("/usage/view", {"page": page.pk, **data}, HTTP_HOST=agency.site.hostname, HTTP_USER_AGENT=agent)


def test_a_persons_reading_of_a_procedure_is_counted_in_one_row_a_day(client, other_agency, written_at_once):
    procedure = make_procedure(other_agency, "Đăng ký khai sinh", online_service="toan-trinh")
    yesterday = timezone.localdate() - timedelta(days=1)
    ProcedureViewCount.objects.create(procedure=procedure, day=yesterday, views=7)
    page = client.get(procedure.url, HTTP_HOST=other_agency.site.hostname, HTTP_USER_AGENT=BROWSER)
    assert f'data-page="{procedure.pk}" data-procedure="1"' in page.text
    assert not ProcedureViewCount.objects.filter(day=timezone.localdate()).exists()  # serving it wrote nothing

    for _ in range(3):
        assert beacon(client, other_agency, procedure, procedure="1").status_code == 204

    counts = dict(ProcedureViewCount.objects.filter(procedure=procedure).values_list("day", "views"))
    assert counts == {yesterday: 7, timezone.localdate(): 3}


@pytest.mark.parametrize(
    ("agent", "data"),
    [
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", {"procedure": "1"}),
        ("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", {"procedure": "1"}),
        ("python-requests/2.32.3", {"procedure": "1"}),
        ("", {"procedure": "1"}),
        (BROWSER, {}),  # the form's or the receipt's page: a view of the page, not of the procedure
    ],
)
def test_robots_and_other_routes_are_not_counted(client, other_agency, written_at_once, agent, data):
    procedure = make_procedure(other_agency, "Đăng ký khai sinh", online_service="toan-trinh")

    assert beacon(client, other_agency, procedure, agent=agent, **data).status_code == 204

    assert not ProcedureViewCount.objects.exists()


def test_the_form_route_carries_no_procedure_count(client, other_agency):
    procedure = make_procedure(other_agency, "Đăng ký khai sinh", online_service="toan-trinh")

    response = client.get(procedure.url + "nop-truc-tuyen/", HTTP_HOST=other_agency.site.hostname)

    assert response.status_code == 200 and "data-procedure" not in response.text


def test_a_preview_has_no_beacon(rf, other_agency):
    procedure = make_procedure(other_agency, "Đăng ký khai sinh")
    editing = rf.get("/admin/", HTTP_HOST=other_agency.site.hostname, HTTP_USER_AGENT=BROWSER)

    response = procedure.make_preview_request(original_request=editing)

    assert response.status_code == 200 and b"usage-beacon.js" not in response.content


@pytest.mark.django_db(transaction=True)
def test_simultaneous_views_are_all_counted(wagtail_roots, other_agency):
    procedure = make_procedure(other_agency, "Đăng ký khai sinh")
    day = timezone.localdate()
    errors = []

    def view():
        try:
            record_views({(procedure.pk, day): 1})
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=view) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert ProcedureViewCount.objects.get(procedure=procedure, day=day).views == 20


# The numbers ------------------------------------------------------------------------------------------------


@pytest.fixture
def year_of_dossiers(other_agency, agency):
    """Last year's dossiers of a commune's procedure around a due date of 10 June, and one of another site."""
    year = last_year()
    procedure = make_procedure(other_agency, "Đăng ký thành lập hộ kinh doanh", online_service="toan-trinh")
    due = date(year, 6, 10)
    add_dossier(procedure, at(year, 6, 1), due, finished=at(year, 6, 10, 23, 30))  # on time: 16:30 UTC
    add_dossier(procedure, at(year, 6, 2), due, finished=at(year, 6, 11, 0, 30))  # late: still 10/6 in UTC
    add_dossier(procedure, at(year, 6, 3), due, finished=at(year, 6, 9), status=Status.REFUSED)  # on time
    add_dossier(procedure, at(year, 6, 4), due)  # still open, overdue
    add_dossier(procedure, at(year, 12, 30), date(year + 1, 1, 8), finished=at(year + 1, 1, 5))  # finished next year
    add_dossier(procedure, at(year - 1, 12, 29), date(year, 1, 6), finished=at(year, 1, 7))  # came in the year before
    ProcedureViewCount.objects.create(procedure=procedure, day=date(year, 3, 1), views=1200)
    ProcedureViewCount.objects.create(procedure=procedure, day=date(year, 12, 31), views=34)
    ProcedureViewCount.objects.create(procedure=procedure, day=date(year + 1, 1, 1), views=5)  # the next year's
    elsewhere = make_procedure(agency, "Cấp giấy phép xuất bản bản tin", sector="Xuất bản")
    add_dossier(elsewhere, at(year, 5, 5), date(year, 5, 8), finished=at(year, 5, 20))
    return procedure


def test_a_years_numbers_of_a_procedure(client, other_agency, year_of_dossiers):
    response = get(client, other_agency, nam=last_year())

    assert numbers_of(response, "Đăng ký thành lập hộ kinh doanh") == {
        "views": 1234,
        "submitted": 5,  # not the one that came in the year before
        "processed": 4,  # results and refusals in the year: not the one finished the next year
        "on_time": 2,
        "late": 2,  # one by an hour after midnight, one of the year before
        "overdue": 1,
    }
    statistics = response.context["statistics"]
    assert statistics.total.on_time_rate == 50
    assert [row.page.title for row in statistics.rows] == ["Đăng ký thành lập hộ kinh doanh"]  # not another site's
    assert "1.234" in response.text and "50%" in response.text  # Vietnamese number format


def test_a_dossier_handled_this_year_counts_this_year(client, other_agency, make_user):
    procedure = make_procedure(other_agency, "Đăng ký khai sinh", sector="Hộ tịch", online_service="toan-trinh")
    officer = make_user("motcua_tunghia", other_agency.officers)
    today = timezone.localdate()
    dossier = add_dossier(procedure, timezone.now(), today + timedelta(days=3), status=Status.RECEIVED)
    add_dossier(procedure, timezone.now(), today + timedelta(days=3), status=Status.RECEIVED)  # open, not yet due
    handling.start(dossier, officer)
    handling.finish(dossier, officer, "Giấy khai sinh bản chính, nhận tại bộ phận một cửa.")

    response = get(client, other_agency, nam="khong-phai-nam")

    assert response.context["statistics"].year == today.year
    assert numbers_of(response, "Đăng ký khai sinh") == {
        "views": 0,
        "submitted": 2,
        "processed": 1,
        "on_time": 1,
        "late": 0,
        "overdue": 0,
    }
    assert "100%" in response.text


def test_the_portal_sums_every_agency_and_a_commune_shows_only_its_own(client, portal, agency, other_agency):
    year = last_year()
    births = make_procedure(other_agency, "Đăng ký khai sinh", sector="Hộ tịch", online_service="toan-trinh")
    permit = make_procedure(agency, "Cấp giấy phép xuất bản bản tin", sector="Xuất bản", online_service="mot-phan",
                            partial_reason="Nhận bản gốc trực tiếp.")  # fmt: skip
    for day in (1, 2, 3):
        add_dossier(births, at(year, 3, day), date(year, 3, 10), finished=at(year, 3, 9))
    add_dossier(permit, at(year, 4, 1), date(year, 4, 5), finished=at(year, 4, 20))
    add_dossier(permit, at(year, 4, 2), date(year, 4, 6))

    on_portal = get(client, portal, nam=year)
    commune = get(client, other_agency, nam=year)

    statistics = on_portal.context["statistics"]
    summary = {
        line.agency.name: (line.procedures, line.numbers.submitted, line.numbers.on_time)
        for line in statistics.agencies
    }
    assert summary == {"Sở Thông tin và Truyền thông": (1, 2, 0), "Xã Tư Nghĩa": (1, 3, 3)}
    assert (statistics.total.submitted, statistics.total.processed, statistics.total.on_time) == (5, 4, 3)
    assert statistics.total.late == statistics.total.overdue == 1
    assert "Theo cơ quan, địa phương" in on_portal.text and "Sở Thông tin và Truyền thông" in on_portal.text
    assert [row.page.title for row in commune.context["statistics"].rows] == ["Đăng ký khai sinh"]
    assert "Cấp giấy phép xuất bản bản tin" not in commune.text
    assert "Theo cơ quan, địa phương" not in commune.text

    narrowed = get(client, portal, nam=year, **{"co-quan": other_agency.code})
    assert [row.page.title for row in narrowed.context["rows"]] == ["Đăng ký khai sinh"]
    assert len(narrowed.context["statistics"].agencies) == 2  # the summary stays whole


def test_an_unlisted_procedure_stays_in_the_years_it_has_numbers(client, other_agency):
    year = last_year()
    retired = make_procedure(other_agency, "Thủ tục đã bãi bỏ", online_service="toan-trinh")
    add_dossier(retired, at(year, 2, 1), date(year, 2, 5), finished=at(year, 2, 4))
    make_procedure(other_agency, "Thủ tục chưa dùng")
    retired.unpublish()

    in_its_year = get(client, other_agency, nam=year)
    this_year = get(client, other_agency)

    titles = [row.page.title for row in in_its_year.context["statistics"].rows]
    assert titles == ["Thủ tục chưa dùng", "Thủ tục đã bãi bỏ"]  # Vietnamese order
    assert not next(row for row in in_its_year.context["statistics"].rows if row.page.pk == retired.pk).linked
    assert [row.page.title for row in this_year.context["statistics"].rows] == ["Thủ tục chưa dùng"]


def test_the_year_is_chosen_from_the_years_with_statistics(client, other_agency):
    make_procedure(other_agency, "Đăng ký khai sinh")
    this_year = timezone.localdate().year

    chosen = get(client, other_agency, nam=last_year())
    for wrong in ("1999", str(this_year + 1), "2026abc", ""):
        assert get(client, other_agency, nam=wrong).context["statistics"].year == this_year

    assert chosen.context["statistics"].year == last_year()
    assert f'<option value="{last_year()}" selected>' in chosen.text
    assert '<label class="form-field__label" for="statistics-year">' in chosen.text
    assert f'<option value="{this_year + 1}"' not in chosen.text


def test_the_english_page_names_translated_procedures_and_counts_both_languages(client, other_agency):
    year = last_year()
    procedure = make_procedure(other_agency, "Chứng thực bản sao từ bản chính", sector="Chứng thực",
                               online_service="toan-trinh", used_by_foreigners=True)  # fmt: skip
    english = procedure.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Certifying copies from originals"
    english.save_revision().publish()
    add_dossier(procedure, at(year, 5, 1), date(year, 5, 3), finished=at(year, 5, 2))
    add_dossier(english, at(year, 5, 1), date(year, 5, 3), finished=at(year, 5, 4))
    ProcedureViewCount.objects.create(procedure=procedure, day=date(year, 5, 1), views=10)
    ProcedureViewCount.objects.create(procedure=english, day=date(year, 5, 1), views=3)

    response = get(client, other_agency, "/en/administrative-procedures/statistics/", nam=year)

    assert numbers_of(response, "Certifying copies from originals") == {
        "views": 13,
        "submitted": 2,
        "processed": 2,
        "on_time": 1,
        "late": 1,
        "overdue": 0,
    }
    assert 'href="/en/administrative-procedures/' in response.text
    assert "Chứng thực bản sao từ bản chính" not in response.text


def test_the_statistics_page_takes_the_same_queries_however_many_procedures(client, portal, agency, other_agency):
    year = last_year()

    def procedures(agency, start, end):
        for number in range(start, end):
            page = make_procedure(agency, f"Thủ tục {number}", sector=f"Lĩnh vực {number}", online_service="toan-trinh")
            add_dossier(page, at(year, 3, 1), date(year, 3, 5), finished=at(year, 3, 4))
            add_dossier(page, at(year, 3, 2), date(year, 3, 5))
            ProcedureViewCount.objects.create(procedure=page, day=date(year, 3, 1), views=number)

    def queries():
        get(client, portal, nam=year)
        with CaptureQueriesContext(connection) as captured:
            response = get(client, portal, nam=year)
        return len(captured), response

    procedures(other_agency, 0, 2)
    procedures(agency, 2, 3)
    few, response = queries()
    assert len(response.context["statistics"].rows) == 3
    procedures(other_agency, 3, 13)
    procedures(agency, 13, 20)
    many, response = queries()
    assert len(response.context["statistics"].rows) == 20
    assert many == few


def test_the_catalogue_links_to_its_statistics(client, other_agency):
    response = client.get("/thu-tuc-hanh-chinh/", HTTP_HOST=other_agency.site.hostname)

    assert 'href="/thu-tuc-hanh-chinh/thong-ke/"' in response.text


# The admin page and its downloads ---------------------------------------------------------------------------


@pytest.fixture
def two_sites(agency, other_agency):
    """A procedure with last year's dossiers on each site; one procedure's title looks like a formula."""
    year = last_year()
    ours = make_procedure(agency, '=HYPERLINK("http://x.example")', sector="Xuất bản", online_service="toan-trinh")
    theirs = make_procedure(other_agency, "Đăng ký khai sinh", sector="Hộ tịch", online_service="toan-trinh")
    add_dossier(ours, at(year, 3, 1), date(year, 3, 5), finished=at(year, 3, 4))
    add_dossier(ours, at(year, 3, 2), date(year, 3, 5), finished=at(year, 3, 6))
    add_dossier(ours, at(year, 3, 3), date(year, 3, 5), finished=at(year, 3, 7))
    add_dossier(theirs, at(year, 3, 2), date(year, 3, 5))
    ProcedureViewCount.objects.create(procedure=ours, day=date(year, 3, 1), views=1500)
    return {"ours": ours, "theirs": theirs}


def download(client, spreadsheet: str, **params) -> list[list]:
    response = client.get(ADMIN, {"year": last_year(), "export": spreadsheet, **params})
    assert response.status_code == 200
    assert f"thong-ke-dich-vu-cong-{last_year()}" in response["Content-Disposition"]
    if spreadsheet == "csv":
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response.content.startswith(b"\xef\xbb\xbf")
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Theo thủ tục", "Theo cơ quan"]
    return [[cell.value for cell in row] for row in workbook["Theo thủ tục"].iter_rows()]


HEADINGS = [
    "Cơ quan",
    "Mã thủ tục",
    "Tên thủ tục",
    "Dịch vụ công trực tuyến",
    "Lượt xem",
    "Hồ sơ tiếp nhận",
    "Đã giải quyết",
    "Đúng hạn",
    "Trễ hạn",
    "Quá hạn chưa giải quyết",
    "Tỷ lệ đúng hạn (%)",
    "Lượt đánh giá",
    "Mức hài lòng trung bình (1–5)",
]


def test_an_agencys_board_downloads_its_own_statistics_as_csv(client, agency, moderator, two_sites):
    client.force_login(moderator)

    rows = download(client, "csv")

    assert rows[0] == HEADINGS
    assert rows[1:] == [
        ["Sở Thông tin và Truyền thông", "1.001612.000.00.00.H48", '\'=HYPERLINK("http://x.example")',
         "Dịch vụ công trực tuyến toàn trình", "1500", "3", "3", "1", "2", "0", "33,3", "0", ""],
        ["Tổng cộng", "", "", "", "1500", "3", "3", "1", "2", "0", "33,3", "0", ""],
    ]  # fmt: skip


def test_an_agencys_desk_downloads_its_own_statistics_as_xlsx(client, agency, make_user, two_sites):
    client.force_login(make_user("motcua_stttt", agency.officers))

    rows = download(client, "xlsx")

    assert rows[0] == HEADINGS
    assert rows[1] == ["Sở Thông tin và Truyền thông", "1.001612.000.00.00.H48", '=HYPERLINK("http://x.example")',
                       "Dịch vụ công trực tuyến toàn trình", 1500, 3, 3, 1, 2, 0, 33.3, 0, None]  # fmt: skip
    assert rows[2][0] == "Tổng cộng" and len(rows) == 3
    sheet = load_workbook(io.BytesIO(client.get(ADMIN, {"year": last_year(), "export": "xlsx"}).content))[
        "Theo thủ tục"
    ]
    assert sheet["C2"].data_type == "s"  # text, not a formula


def test_another_agencys_people_and_editors_get_nothing_of_it(client, agency, other_agency, make_user, two_sites):
    client.force_login(make_user("bbt_tunghia", other_agency.moderators))
    rows = download(client, "csv")
    assert [row[2] for row in rows[1:-1]] == ["Đăng ký khai sinh"]
    assert client.get(ADMIN, {"agency": agency.pk}).context["chosen_agency"] == other_agency  # theirs only

    client.force_login(make_user("bientap_stttt", agency.editors))
    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(ADMIN, params)
        assert response.status_code in (302, 403)
        assert "HYPERLINK" not in response.content.decode()


@pytest.mark.parametrize("who", ["portal_board", "superuser"])
def test_the_portals_board_and_superusers_get_every_agency(client, portal, make_user, two_sites, who):
    user = (
        make_user("bbt_tinh", portal.moderators) if who == "portal_board" else make_user("quantri", is_superuser=True)
    )
    client.force_login(user)

    rows = download(client, "csv")
    page = client.get(ADMIN, {"year": last_year()})

    assert [row[0] for row in rows[1:]] == ["Sở Thông tin và Truyền thông", "Xã Tư Nghĩa", "Tổng cộng"]
    assert rows[-1][5] == "4"
    assert page.status_code == 200
    assert "Sở Thông tin và Truyền thông" in page.text and "Xã Tư Nghĩa" in page.text
    by_agency = load_workbook(io.BytesIO(client.get(ADMIN, {"year": last_year(), "export": "xlsx"}).content))
    assert [[cell.value for cell in row] for row in by_agency["Theo cơ quan"].iter_rows(min_row=2)] == [
        ["Sở Thông tin và Truyền thông", 1, 1500, 3, 3, 1, 2, 0, 33.3, 0, None],
        ["Xã Tư Nghĩa", 1, 0, 1, 0, 0, 0, 1, None, 0, None],
        ["Tổng cộng", 2, 1500, 4, 3, 1, 2, 1, 33.3, 0, None],
    ]


def test_the_admin_page_shows_one_agencys_procedures(client, agency, moderator, two_sites):
    client.force_login(moderator)

    response = client.get(ADMIN, {"year": last_year()})

    assert response.status_code == 200
    assert "=HYPERLINK(&quot;http://x.example&quot;)" in response.text
    assert "33,3%" in response.text
    assert "Đăng ký khai sinh" not in response.text


def test_a_procedure_without_dossiers_has_zeros_and_no_rate(client, other_agency):
    offline = make_procedure(other_agency, "Chứng thực chữ ký", online_service="khong")
    offline.channels = [Channel(kind="truc-tiep", working_days=1)]
    offline.save_revision().publish()

    response = get(client, other_agency)

    assert numbers_of(response, "Chứng thực chữ ký") == {
        "views": 0,
        "submitted": 0,
        "processed": 0,
        "on_time": 0,
        "late": 0,
        "overdue": 0,
    }
    assert "chưa có hồ sơ đã giải quyết" in response.text


def test_each_procedure_page_shows_its_years_use(client, other_agency, settings):
    """Điều 11.2: each service shows how often it is used and how many dossiers were processed."""
    procedure = make_procedure(other_agency, "Đăng ký khai sinh", online_service="toan-trinh")
    this_year = timezone.localdate().year
    due = date(this_year, 1, 12)
    add_dossier(procedure, at(this_year, 1, 5), due, finished=at(this_year, 1, 9))  # on time
    add_dossier(procedure, at(this_year, 1, 5), due, finished=at(this_year, 1, 20))  # late
    add_dossier(procedure, at(this_year - 1, 12, 1), due)  # another year's

    settings.USAGE_FLUSH_HITS = 1
    for _ in range(2):  # two readings, counted by the page's beacon (reporting.usage)
        beacon(client, other_agency, procedure, procedure="1")
    page = client.get(procedure.url, HTTP_HOST=other_agency.site.hostname, HTTP_USER_AGENT=BROWSER)

    usage = page.context["usage"]
    assert (usage.views, usage.submitted, usage.processed, usage.on_time) == (2, 2, 2, 1)
    assert f"Tình hình sử dụng năm {this_year}" in page.text and "50% đúng hạn" in page.text
