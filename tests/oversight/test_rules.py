"""Every category's rule (R10) as the oversight counts it, on PostgreSQL: due dates in working days across Tết 2026
and a make-up Saturday, the 2-versus-10 rule of legal documents, questions; on time, late, overdue, pending."""

from datetime import date

import pytest

from documents.models import Authority
from groundwork.reports import Period
from home.models import Agency
from oversight.states import (
    LATE,
    ON_TIME,
    OVERDUE,
    PENDING,
    category_summary,
    due_this_week,
    late_items,
    live_items,
    overdue_now,
)
from procurement.models import ProjectPage
from publications.models import GuidancePage, PlanPage, ScienceProgrammePage, StatisticsReportPage
from tests.procurement.conftest import add_project
from vietnam.models import CalendarOverride
from vietnam.workdays import forget_overrides

from .conftest import ask, went_live

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_calendar():
    forget_overrides(2025, 2026, 2027)
    yield
    forget_overrides(2025, 2026, 2027)


def sites(*agencies):
    return Agency.objects.filter(pk__in=[agency.pk for agency in agencies])


def states(items) -> dict[str, tuple]:
    return {item.title: (item.category, item.due, item.state) for item in items}


@pytest.mark.parametrize(
    ("model", "category", "trigger", "due"),
    [
        # 10 working days from Friday 6/2/2026: 9–13/2, Tết (14–22/2), then 23–27/2.
        (PlanPage, "plans", date(2026, 2, 6), date(2026, 2, 27)),
        (StatisticsReportPage, "statistics", date(2026, 2, 6), date(2026, 2, 27)),
        # 15 from Friday 30/1/2026: 2–13/2 (10), then 23–27/2.
        (GuidancePage, "dissemination", date(2026, 1, 30), date(2026, 2, 27)),
        # 20 from Monday 2/2/2026: 3–13/2 (9), 23/2–6/3 (10), 9/3.
        (ScienceProgrammePage, "science", date(2026, 2, 2), date(2026, 3, 9)),
    ],
)
def test_each_publication_kind_is_due_its_rules_working_days_after_its_trigger_across_tet(
    agency, publish, model, category, trigger, due
):
    on_time = went_live(publish(agency, model, "Đúng hạn", trigger_date=trigger), due)
    late = went_live(publish(agency, model, "Đăng chậm", trigger_date=trigger), date(2026, 3, 10))
    assert on_time.posting_due == due
    found = states(live_items(sites(agency), Period(date(2026, 2, 1), date(2026, 3, 31)), today=date(2026, 4, 1)))
    assert found["Đúng hạn"] == (category, due, ON_TIME)
    assert found["Đăng chậm"] == (category, due, LATE)
    assert late.first_published_at is not None


def test_projects_are_due_ten_working_days_after_approval(agency):
    project = add_project(agency, trigger_date=date(2026, 2, 10), title="Dự án phê duyệt trước Tết")
    went_live(project, date(2026, 2, 27))  # 11–13/2, 23–27/2, 2–3/3: due 3/3
    assert ProjectPage.objects.get(pk=project.pk).posting_due == date(2026, 3, 3)
    found = states(live_items(sites(agency), Period(date(2026, 2, 1), date(2026, 2, 28)), today=date(2026, 3, 5)))
    assert found["Dự án phê duyệt trước Tết"] == ("procurement", date(2026, 3, 3), ON_TIME)


def test_a_make_up_saturday_brings_the_deadline_forward(agency, publish):
    CalendarOverride.objects.create(
        date=date(2026, 3, 14), kind=CalendarOverride.Kind.WORKING_DAY, name="Làm bù", decision="Thử nghiệm"
    )
    plan = went_live(publish(agency, PlanPage, "Kế hoạch", trigger_date=date(2026, 3, 6)), date(2026, 3, 20))
    # 9–13/3, Saturday 14/3, 16–19/3: due Thursday 19/3, not Friday 20/3; going live on the 20th is late.
    assert plan.posting_due == date(2026, 3, 19)
    found = states(late_items(sites(agency), Period(date(2026, 3, 1), date(2026, 3, 31)), today=date(2026, 4, 1)).items)
    assert found == {"Kế hoạch": ("plans", date(2026, 3, 19), LATE)}


def test_legal_documents_have_two_working_days_on_the_issuers_site_and_ten_elsewhere(
    agency, other_agency, make_document
):
    Authority.objects.filter(name="Sở Thông tin và Truyền thông").update(agency=agency)
    friday = date(2026, 10, 9)
    for site in (agency, other_agency):
        make_document(
            site, "07/QĐ-STTTT", "Quyết định", authority="Sở Thông tin và Truyền thông", issued_on=friday, live=False
        )
    # On Wednesday 14/10 the issuer's copy (due Tuesday 13/10) is overdue; the other site's (due 23/10) pending.
    wednesday = date(2026, 10, 14)
    overdue = overdue_now(sites(agency, other_agency), today=wednesday)
    assert [(item.agency, item.category, item.due, item.state) for item in overdue.items] == [
        (agency, "legal-issuer", date(2026, 10, 13), OVERDUE)
    ]
    assert overdue.counts == {(agency.pk, "legal-issuer"): 1}
    this_week = due_this_week(sites(agency, other_agency), today=date(2026, 10, 19))
    assert [(item.agency, item.category, item.due, item.state) for item in this_week.items] == [
        (other_agency, "legal-others", date(2026, 10, 23), PENDING)
    ]


def test_questions_are_due_fifteen_working_days_after_receipt(agency):
    ask(agency, date(2026, 2, 5), answered=date(2026, 3, 5), title="Trả lời đúng hạn")  # due 5/3 (Tết between)
    ask(agency, date(2026, 2, 5), answered=date(2026, 3, 6), title="Trả lời chậm")
    ask(agency, date(2026, 2, 5), title="Chưa trả lời")
    today = date(2026, 3, 10)
    found = states(live_items(sites(agency), Period(date(2026, 3, 1), date(2026, 3, 31)), today=today))
    by_title = {title.split(": ", 1)[1]: value for title, value in found.items()}
    assert by_title == {
        "Trả lời đúng hạn": ("questions", date(2026, 3, 5), ON_TIME),
        "Trả lời chậm": ("questions", date(2026, 3, 5), LATE),
    }
    overdue = overdue_now(sites(agency), today=today)
    assert [(item.title.split(": ", 1)[1], item.state) for item in overdue.items] == [("Chưa trả lời", OVERDUE)]


def test_the_summary_counts_per_site_and_category(agency, other_agency, publish):
    for title, live_on in (("A", date(2026, 3, 10)), ("B", date(2026, 3, 25)), ("C", None)):
        went_live(publish(agency, PlanPage, title, trigger_date=date(2026, 3, 6)), live_on)
    went_live(publish(other_agency, PlanPage, "D", trigger_date=date(2026, 3, 6)), date(2026, 3, 9))
    rows = category_summary(sites(agency, other_agency), Period(date(2026, 3, 1), date(2026, 3, 31)), date(2026, 4, 1))
    plans = {row.agency: row for row in rows if row.category == "plans"}
    assert (plans[agency].published, plans[agency].on_time, plans[agency].late, plans[agency].overdue) == (2, 1, 1, 1)
    assert plans[agency].on_time_rate == 50.0
    assert (plans[other_agency].published, plans[other_agency].on_time_rate, plans[other_agency].overdue) == (
        1,
        100.0,
        0,
    )


def test_the_queries_do_not_grow_with_the_items(agency, other_agency, publish, django_assert_max_num_queries):
    everyone = sites(agency, other_agency)
    today = date(2026, 4, 1)
    with django_assert_max_num_queries(40) as few:
        overdue_now(everyone, today=today)
    for n in range(6):
        publish(agency if n % 2 else other_agency, PlanPage, f"Kế hoạch {n}", trigger_date=date(2026, 3, 2), live=False)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert overdue_now(everyone, today=today).total == 6
