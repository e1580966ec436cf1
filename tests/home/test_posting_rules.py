"""The rule table of R10 (home.PostingRule): created by migration, changed by the portal's administrators only,
and read by every deadline (publications, procurement, legal documents, questions) as soon as it is saved."""

from datetime import date

import pytest
from django.urls import reverse

from documents.timeliness import timeliness
from feedback.models.questions import due_date
from home.models import PostingRule
from home.posting import posting_limit
from procurement.models import NoticePage
from publications.models import GuidancePage, PlanPage
from tests.documents.conftest import lists, make_document  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def test_every_category_of_r10_has_its_rule():
    limits = dict(PostingRule.objects.values_list("code", "limit"))
    assert limits == {
        "dissemination": 15,
        "legal-issuer": 2,
        "legal-others": 10,
        "plans": 10,
        "procurement": 10,
        "questions": 15,
        "science": 20,
        "statistics": 10,
        "english": 0,
    }
    assert list(PostingRule.objects.values_list("code", flat=True))[:2] == ["dissemination", "legal-issuer"]


def test_the_page_kinds_name_their_rule():
    assert (PlanPage.POSTING_CATEGORY, PlanPage.POSTING_LIMIT) == ("plans", 10)
    assert (GuidancePage.POSTING_CATEGORY, GuidancePage.POSTING_LIMIT) == ("dissemination", 15)
    assert (NoticePage.POSTING_CATEGORY, NoticePage.POSTING_LIMIT) == ("procurement", 10)


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("quantri", is_superuser=True))
    return client


def edit_rule(client, code: str, limit: int):
    rule = PostingRule.objects.get(code=code)
    response = client.post(
        reverse("posting_rules:edit", args=[rule.pk]),
        {"name": rule.name, "name_en": rule.name_en, "trigger": rule.trigger, "limit": limit},
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_administrator_changes_a_limit_and_every_deadline_follows(admin_client, agency, make_document):  # noqa: F811
    assert posting_limit("plans") == 10  # cached now
    friday = date(2026, 3, 6)
    plan = PlanPage(trigger_date=friday)
    assert plan.posting_due == date(2026, 3, 20)
    document = make_document(agency, "05/QĐ-UBND", "Quyết định", issued_on=friday)
    assert timeliness(type(document).objects.filter(pk=document.pk))[0].due == date(2026, 3, 20)

    edit_rule(admin_client, "plans", 5)
    edit_rule(admin_client, "questions", 2)
    edit_rule(admin_client, "legal-others", 3)

    assert PlanPage.POSTING_LIMIT == 5
    assert plan.posting_due == date(2026, 3, 13)
    assert due_date(friday) == date(2026, 3, 10)
    assert timeliness(type(document).objects.filter(pk=document.pk))[0].due == date(2026, 3, 11)


def test_the_rules_are_listed_in_settings_without_add_or_delete(admin_client):
    response = admin_client.get(reverse("posting_rules:index"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Thời hạn đăng tin" in text and "Phổ biến, giáo dục pháp luật" in text
    assert reverse("posting_rules:add") not in text
    assert admin_client.get(reverse("posting_rules:add")).status_code in (302, 403)
    rule = PostingRule.objects.get(code="plans")
    assert admin_client.post(reverse("posting_rules:delete", args=[rule.pk])).status_code in (302, 403)
    assert PostingRule.objects.filter(pk=rule.pk).exists()


def test_a_bbt_member_cannot_change_the_rules(client, moderator):
    client.force_login(moderator)
    rule = PostingRule.objects.get(code="plans")
    assert client.get(reverse("posting_rules:index")).status_code in (302, 403)
    response = client.post(
        reverse("posting_rules:edit", args=[rule.pk]),
        {"name": rule.name, "name_en": rule.name_en, "trigger": rule.trigger, "limit": 1},
    )
    assert response.status_code in (302, 403)
    assert PostingRule.objects.get(pk=rule.pk).limit == 10
