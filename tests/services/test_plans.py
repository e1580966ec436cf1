"""Each agency's yearly roadmap of online services (R7, Điều 12.2): kept by its BBT, reported for the province."""

import csv
import io
from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.permissions import policy_registry

from services.models import OnlineServicePlan
from tests.services.test_catalogue import make_procedure

pytestmark = pytest.mark.django_db

INDEX = reverse("services_plans:index")
ADD = reverse("services_plans:add")
REPORT = reverse("services_plans:report")
Progress = OnlineServicePlan.Progress


def this_year() -> int:
    return timezone.localdate().year


@pytest.fixture
def procedures(agency, other_agency):
    """Two procedures of the Sở (one already partly online), one of the commune."""
    return {
        "permit": make_procedure(
            agency,
            "Cấp giấy phép xuất bản bản tin",
            sector="Xuất bản",
            code="1.004572.000.00.00.H48",
            online_service="mot-phan",
            partial_reason="Nhận bản gốc giấy phép trực tiếp.",
            service_level=3,
        ),
        "licence": make_procedure(agency, "Cấp phép hoạt động in", sector="In", code="1.004600.000.00.00.H48"),
        "births": make_procedure(other_agency, "Đăng ký khai sinh", sector="Hộ tịch", code="1.001193.000.00.00.H48"),
    }


def plan(agency, procedure, year=None, **fields):
    year = year or this_year()
    values = {"target_level": "toan-trinh", "due_on": date(year, 6, 30), **fields}
    return OnlineServicePlan.objects.create(agency=agency, year=year, procedure=procedure, **values)


def plan_data(agency, page, **fields) -> dict:
    """The add or edit form for the procedure `page`, as a BBT fills it in."""
    return {
        "agency": agency.pk,
        "year": this_year(),
        "procedure": page.pk,
        "target_level": "toan-trinh",
        "due_on": f"30/09/{this_year()}",
        "progress": Progress.IN_PROGRESS,
        "percent": "40",
        "note": "Đang kết nối Cổng dịch vụ công quốc gia.",
        **fields,
    }


# Keeping the roadmap ----------------------------------------------------------------------------------------


def test_an_agencys_board_adds_a_line_to_its_roadmap(client, agency, moderator, procedures):
    client.force_login(moderator)

    form = client.get(ADD)
    response = client.post(ADD, plan_data(agency, procedures["permit"]))

    assert form.status_code == 200
    assert procedures["permit"].title in form.text and procedures["births"].title not in form.text
    assert response.status_code == 302
    saved = OnlineServicePlan.objects.get()
    assert (saved.agency, saved.procedure.pk, saved.due_on, saved.percent) == (
        agency,
        procedures["permit"].pk,
        date(this_year(), 9, 30),
        40,
    )


def test_a_board_sees_and_changes_only_its_own_agencys_roadmap(
    client, agency, other_agency, moderator, make_user, procedures
):
    ours = plan(agency, procedures["permit"])
    theirs = plan(other_agency, procedures["births"])
    client.force_login(moderator)

    listing = client.get(INDEX)

    assert listing.status_code == 200
    assert procedures["permit"].title in listing.text and procedures["births"].title not in listing.text
    for name in ("edit", "delete", "history", "usage"):
        assert client.get(reverse(f"services_plans:{name}", args=(theirs.pk,))).status_code == 404, name
        assert client.get(reverse(f"services_plans:{name}", args=(ours.pk,))).status_code == 200, name
    edit = reverse("services_plans:edit", args=(theirs.pk,))
    assert client.post(edit, plan_data(other_agency, procedures["births"], percent="90")).status_code == 404
    assert client.post(reverse("services_plans:delete", args=(theirs.pk,))).status_code == 404
    theirs.refresh_from_db()
    assert theirs.progress == Progress.NOT_STARTED and theirs.percent == 0
    their_board = make_user("bbt_tunghia", other_agency.moderators)
    keepers = policy_registry.get_by_type(OnlineServicePlan).users_with_any_permission_for_instance(["change"], theirs)
    assert their_board in keepers and moderator not in keepers

    done = client.post(
        reverse("services_plans:edit", args=(ours.pk,)),
        plan_data(agency, procedures["permit"], progress=Progress.DONE, percent="100"),
    )
    assert done.status_code == 302
    ours.refresh_from_db()
    assert ours.progress == Progress.DONE


@pytest.mark.parametrize(
    ("which", "message"),
    [
        ("their_agency", "Chỉ chọn được cơ quan mình phụ trách."),
        ("their_procedure", "Hãy chọn một thủ tục của cơ quan mình phụ trách."),
    ],
)
def test_a_board_cannot_plan_for_another_agency(client, agency, other_agency, moderator, procedures, which, message):
    client.force_login(moderator)
    if which == "their_agency":
        data = plan_data(other_agency, procedures["births"])
    else:
        data = plan_data(agency, procedures["births"])

    response = client.post(ADD, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OnlineServicePlan.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"year": "2020"}, "Năm của lộ trình phải từ 2025 đến"),
        ({"percent": "150"}, "Tỷ lệ hoàn thành là một số từ 0 đến 100."),
        ({"percent": "-5"}, "Tỷ lệ hoàn thành là một số từ 0 đến 100."),
        ({"progress": Progress.DONE, "percent": "80"}, "Đã hoàn thành thì tỷ lệ hoàn thành là 100%."),
        ({"progress": Progress.NOT_STARTED, "percent": "10"}, "Chưa thực hiện thì tỷ lệ hoàn thành là 0%."),
        ({"progress": Progress.IN_PROGRESS, "percent": "100"}, "hãy chọn tiến độ “Đã hoàn thành”"),
        ({"due_on": "15/01/2019"}, "Thời hạn hoàn thành phải nằm trong năm"),
        ({"due_on": "31/02/2026"}, "Nhập một ngày hợp lệ"),
        ({"target_level": "khong"}, "không phải là một trong các lựa chọn"),
        ({"procedure": ""}, "Trường này là bắt buộc."),
    ],
)
def test_a_roadmap_line_is_validated(client, agency, moderator, procedures, fields, message):
    client.force_login(moderator)

    response = client.post(ADD, plan_data(agency, procedures["permit"], **fields))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OnlineServicePlan.objects.exists()


def test_a_procedure_is_planned_once_a_year(client, agency, moderator, procedures):
    plan(agency, procedures["permit"])
    client.force_login(moderator)

    again = client.post(ADD, plan_data(agency, procedures["permit"]))
    next_year = client.post(ADD, plan_data(agency, procedures["permit"], year=this_year() + 1,
                                           due_on=f"31/03/{this_year() + 1}"))  # fmt: skip

    assert "Thủ tục này đã có trong lộ trình năm đó của cơ quan." in again.content.decode()
    assert next_year.status_code == 302
    assert sorted(OnlineServicePlan.objects.values_list("year", flat=True)) == [this_year(), this_year() + 1]


@pytest.mark.parametrize("who", ["portal_board", "superuser"])
def test_the_portals_board_and_superusers_keep_every_agencys_roadmap(
    client, portal, agency, other_agency, make_user, procedures, who
):
    plan(agency, procedures["permit"])
    user = (
        make_user("bbt_tinh", portal.moderators) if who == "portal_board" else make_user("quantri", is_superuser=True)
    )
    client.force_login(user)

    listing = client.get(INDEX)
    added = client.post(ADD, plan_data(other_agency, procedures["births"]))
    mismatched = client.post(ADD, plan_data(agency, procedures["births"]))

    assert procedures["permit"].title in listing.text
    assert added.status_code == 302
    assert OnlineServicePlan.objects.filter(agency=other_agency).count() == 1
    assert "Thủ tục này không thuộc cơ quan đã chọn." in mismatched.content.decode()


def test_editors_and_desks_do_not_keep_the_roadmap(client, agency, editor, make_user, procedures):
    ours = plan(agency, procedures["permit"])
    for user in (editor, make_user("motcua_stttt", agency.officers)):
        client.force_login(user)
        assert client.get(INDEX).status_code in (302, 403)
        assert client.get(reverse("services_plans:edit", args=(ours.pk,))).status_code in (302, 403, 404)
        assert client.post(ADD, plan_data(agency, procedures["licence"])).status_code in (302, 403)
    assert OnlineServicePlan.objects.count() == 1


def test_the_roadmap_filters_by_year_and_progress(client, agency, moderator, procedures):
    plan(agency, procedures["permit"], progress=Progress.DONE, percent=100)
    plan(agency, procedures["licence"], year=this_year() + 1, due_on=date(this_year() + 1, 3, 31))
    client.force_login(moderator)

    done = client.get(INDEX, {"progress": Progress.DONE}).text
    next_year = client.get(INDEX, {"year": this_year() + 1}).text

    assert procedures["permit"].title in done and procedures["licence"].title not in done
    assert procedures["licence"].title in next_year and procedures["permit"].title not in next_year


# The province's report --------------------------------------------------------------------------------------


@pytest.fixture
def roadmap(agency, other_agency, procedures):
    plan(agency, procedures["licence"], due_on=date(this_year(), 9, 30), progress=Progress.IN_PROGRESS, percent=40,
         note="=cmd|' /C calc'!A0")  # fmt: skip
    plan(agency, procedures["permit"], due_on=date(this_year(), 3, 31), progress=Progress.DONE, percent=100)
    plan(agency, procedures["permit"], year=this_year() + 1, due_on=date(this_year() + 1, 6, 30))  # another year


HEADINGS = [
    "Cơ quan",
    "Mã thủ tục",
    "Tên thủ tục",
    "Mức độ hiện tại",
    "Mức độ cần đạt",
    "Thời hạn hoàn thành",
    "Tiến độ",
    "Tỷ lệ hoàn thành (%)",
    "Ghi chú",
]


def test_the_provinces_report_as_xlsx(client, portal, make_user, roadmap):
    client.force_login(make_user("bbt_tinh", portal.moderators))

    response = client.get(REPORT, {"year": this_year(), "export": "xlsx"})

    assert response.status_code == 200
    assert f"lo-trinh-dich-vu-cong-truc-tuyen-{this_year()}.xlsx" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Lộ trình", "Tổng hợp theo cơ quan"]
    plans = [[cell.value for cell in row] for row in workbook["Lộ trình"].iter_rows()]
    assert plans == [
        HEADINGS,
        ["Sở Thông tin và Truyền thông", "1.004572.000.00.00.H48", "Cấp giấy phép xuất bản bản tin",
         "Dịch vụ công trực tuyến một phần (Mức độ 3)", "Dịch vụ công trực tuyến toàn trình",
         datetime(this_year(), 3, 31), "Đã hoàn thành", 100, None],
        ["Sở Thông tin và Truyền thông", "1.004600.000.00.00.H48", "Cấp phép hoạt động in",
         "Chưa có dịch vụ công trực tuyến", "Dịch vụ công trực tuyến toàn trình", datetime(this_year(), 9, 30),
         "Đang thực hiện", 40, "=cmd|' /C calc'!A0"],
    ]  # fmt: skip
    assert workbook["Lộ trình"]["I3"].data_type == "s"  # the note is text, not a formula
    assert workbook["Lộ trình"]["F2"].number_format == "DD/MM/YYYY"
    summary = [[cell.value for cell in row] for row in workbook["Tổng hợp theo cơ quan"].iter_rows()]
    assert summary == [
        ["Cơ quan", "Số thủ tục trong lộ trình", "Đã hoàn thành", "Tỷ lệ hoàn thành (%)"],
        ["Sở Thông tin và Truyền thông", 2, 1, 50],
        ["Ủy ban nhân dân tỉnh Quảng Ngãi", 0, 0, None],  # no roadmap yet: shown
        ["Xã Tư Nghĩa", 0, 0, None],
        ["Toàn tỉnh", 2, 1, 50],
    ]


def test_the_provinces_report_as_csv(client, make_user, portal, agency, other_agency, roadmap):
    client.force_login(make_user("quantri", is_superuser=True))

    response = client.get(REPORT, {"year": this_year(), "export": "csv"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == HEADINGS
    assert rows[2][5:] == [f"30/09/{this_year()}", "Đang thực hiện", "40", "'=cmd|' /C calc'!A0"]
    assert rows[3] == []
    assert rows[4:] == [
        ["Cơ quan", "Số thủ tục trong lộ trình", "Đã hoàn thành", "Tỷ lệ hoàn thành (%)"],
        ["Sở Thông tin và Truyền thông", "2", "1", "50,0"],
        ["Ủy ban nhân dân tỉnh Quảng Ngãi", "0", "0", ""],
        ["Xã Tư Nghĩa", "0", "0", ""],
        ["Toàn tỉnh", "2", "1", "50,0"],
    ]


def test_the_report_page_shows_who_has_no_roadmap(client, portal, make_user, roadmap):
    client.force_login(make_user("bbt_tinh", portal.moderators))

    page = client.get(REPORT, {"year": "not-a-year"})

    assert page.status_code == 200
    assert f'<option value="{this_year()}" selected>' in page.text
    assert "Chưa có lộ trình" in page.text and "50%" in page.text
    assert reverse("services_plans:report") in client.get(INDEX).text  # the listing links to it


def test_only_the_province_gets_the_provinces_report(client, agency, moderator, editor, roadmap):
    for user in (moderator, editor):
        client.force_login(user)
        for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
            response = client.get(REPORT, params)
            assert response.status_code in (302, 403)
            assert "Cấp phép hoạt động in" not in response.content.decode()
    client.force_login(moderator)
    assert REPORT not in client.get(INDEX).text
