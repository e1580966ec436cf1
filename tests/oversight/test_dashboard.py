"""The BBT's dashboard panel and the full listing of posting deadlines: each BBT sees its own site(s), the portal's BBT
and superusers every site, editors nothing; every line links to the item's edit view; CSV export scoped the same."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from groundwork.reports import Period
from home.models import Agency
from oversight.report import deadline_sections
from publications.models import PlanPage

from .conftest import ask, went_live

pytestmark = pytest.mark.django_db

LONG_AGO = date(2026, 6, 1)


@pytest.fixture
def overdue_plans(agency, other_agency, publish):
    """A plan approved long ago and never published on each of the two sites."""
    return {
        site: publish(site, PlanPage, f"Kế hoạch chưa đăng của {site.name}", trigger_date=LONG_AGO, live=False)
        for site in (agency, other_agency)
    }


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_bbt_sees_its_own_sites_overdue_items_linked_to_their_edit_view(client, moderator, agency, overdue_plans):
    text = dashboard(client, moderator)
    assert "Thời hạn đăng tin" in text
    assert "Kế hoạch chưa đăng của Sở Thông tin và Truyền thông" in text
    assert reverse("wagtailadmin_pages:edit", args=[overdue_plans[agency].pk]) in text
    assert "Xã Tư Nghĩa" not in text
    assert 'data-count="qua-han">1<' in text


def test_the_portals_bbt_and_superusers_see_every_site(client, portal, make_user, overdue_plans):
    for user in (make_user("bbt_tinh", portal.moderators), make_user("quantri", is_superuser=True)):
        text = dashboard(client, user)
        assert "Kế hoạch chưa đăng của Sở Thông tin và Truyền thông" in text
        assert "Kế hoạch chưa đăng của Xã Tư Nghĩa" in text
        assert 'data-count="qua-han">2<' in text


def test_an_editor_sees_no_deadlines(client, editor, overdue_plans):
    text = dashboard(client, editor)
    assert "Kế hoạch chưa đăng" not in text
    client.force_login(editor)
    assert client.get(reverse("oversight_deadlines")).status_code in (302, 403)  # Wagtail: back to the dashboard


def test_late_last_month_and_due_this_week(client, moderator, agency, publish):
    today = timezone.localdate()
    month_end = today.replace(day=1) - timedelta(days=1)
    late = publish(agency, PlanPage, "Kế hoạch đăng chậm", trigger_date=month_end - timedelta(days=60), live=False)
    went_live(late, month_end)
    text = dashboard(client, moderator)
    assert "Kế hoạch đăng chậm" in text
    assert 'data-count="thang-truoc">1<' in text


def test_the_listing_filters_and_exports_only_the_users_sites(client, moderator, agency, other_agency, overdue_plans):
    client.force_login(moderator)
    response = client.get(reverse("oversight_deadlines"), {"tinh-trang": "qua-han"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Kế hoạch chưa đăng của Sở Thông tin và Truyền thông" in text
    assert "Xã Tư Nghĩa" not in text

    response = client.get(reverse("oversight_deadlines"), {"tinh-trang": "qua-han", "export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Trang"
    assert [row[3] for row in rows[1:]] == ["Kế hoạch chưa đăng của Sở Thông tin và Truyền thông"]
    assert rows[1][5] == "15/06/2026" and rows[1][8].startswith("http")

    plans_only = client.get(reverse("oversight_deadlines"), {"tinh-trang": "qua-han", "loai": "plans"})
    assert "Kế hoạch chưa đăng của Sở" in plans_only.content.decode()
    questions_only = client.get(reverse("oversight_deadlines"), {"tinh-trang": "qua-han", "loai": "questions"})
    assert "Kế hoạch chưa đăng của Sở" not in questions_only.content.decode()

    for query in ({"trang": other_agency.pk}, {"trang": other_agency.pk, "export": "csv"}):
        assert client.get(reverse("oversight_deadlines"), query).status_code == 404


def test_the_listing_explains_bad_dates(client, moderator, agency):
    client.force_login(moderator)
    response = client.get(reverse("oversight_deadlines"), {"tinh-trang": "tre-han", "tu": "31/02/2026"})
    assert response.status_code == 200
    assert "Nhập một ngày hợp lệ" in response.content.decode() or "Enter a valid date" in response.content.decode()


def test_the_panel_takes_the_same_queries_however_many_items(
    client, portal, make_user, agency, other_agency, publish, django_assert_max_num_queries
):
    user = make_user("bbt_tinh", portal.moderators)
    client.force_login(user)
    publish(agency, PlanPage, "Kế hoạch đầu tiên", trigger_date=LONG_AGO, live=False)
    ask(agency, LONG_AGO, title="Câu hỏi đầu tiên")
    client.get(reverse("wagtailadmin_home"))
    with django_assert_max_num_queries(200) as before:
        client.get(reverse("wagtailadmin_home"))
    for n in range(8):
        publish(agency if n % 2 else other_agency, PlanPage, f"Kế hoạch {n}", trigger_date=LONG_AGO, live=False)
        ask(agency, LONG_AGO, title=f"Câu hỏi {n}")
    with django_assert_max_num_queries(len(before.captured_queries)):
        assert 'data-count="qua-han">18<' in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_report_sections(agency, other_agency, publish, overdue_plans):
    went_live(publish(agency, PlanPage, "Đúng hạn", trigger_date=date(2026, 3, 6)), date(2026, 3, 9))
    went_live(publish(agency, PlanPage, "Chậm", trigger_date=date(2026, 3, 6)), date(2026, 3, 31))
    tables = {
        table.key: table
        for table in deadline_sections(Period(date(2026, 3, 1), date(2026, 3, 31)), Agency.objects.all())
    }
    plans = next(row for row in tables["oversight-categories"].rows if row[0].startswith("Chiến lược"))
    assert plans == ["Chiến lược, định hướng, quy hoạch, kế hoạch", 2, 1, 1, 50.0, 2]
    assert tables["oversight-categories"].chart.values == [50.0]
    sites = {row[0]: row for row in tables["oversight-sites"].rows}
    assert sites["Sở Thông tin và Truyền thông"][1:] == ["Trang thành phần (Sở, ban, ngành)", 2, 1, 1, 50.0, 1]
    assert "Xã Tư Nghĩa" in {row[0] for row in tables["oversight-english"].rows}
