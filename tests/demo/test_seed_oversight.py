"""The demo shows the posting deadlines at work: Sở TT&TT's BBT has an overdue plan and one published late."""

from datetime import timedelta

import pytest
from django.utils import timezone

from demo.oversight import seed_deadlines
from groundwork.reports import Period
from home.models import Agency
from home.onboarding import Onboarding
from oversight.states import LATE, late_items, overdue_now

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_overdue_and_a_late_plan_once(agency):
    seed_deadlines({"stttt": agency}, Onboarding())
    second = Onboarding()
    seed_deadlines({"stttt": agency}, second)
    assert not second.created

    scope = Agency.objects.filter(pk=agency.pk)
    [overdue] = overdue_now(scope).items
    assert "quá hạn đăng" in overdue.title
    today = timezone.localdate()
    [late] = late_items(scope, Period(today - timedelta(days=60), today)).items
    assert "đăng chậm" in late.title and late.state == LATE
