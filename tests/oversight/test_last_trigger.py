"""`last_trigger` is the inverse of `add_working_days` that the SQL filters rely on: for every day and limit, a trigger
on or before it is due on that day or earlier, and the next day's is not."""

from datetime import date, timedelta

import pytest

from oversight.sources import last_trigger
from vietnam.workdays import add_working_days

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("limit", [0, 2, 10, 15, 20])
def test_last_trigger_inverts_add_working_days_through_tet_2026(limit):
    for offset in range(0, 80):
        day = date(2026, 1, 20) + timedelta(days=offset)
        cutoff = last_trigger(day, limit)
        assert add_working_days(cutoff, limit) <= day
        assert add_working_days(cutoff + timedelta(days=1), limit) > day
