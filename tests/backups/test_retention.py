"""The retention rule: the newest backup of each of the last N days, weeks and months is kept, the rest deleted."""

import json
import os
import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from backups.retention import backups_to_keep

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def name(moment: datetime) -> str:
    return moment.strftime("portal-%Y%m%dT%H%M%SZ")


def daily_from(first: date, last: date) -> list[str]:
    """A backup every day at 03:00 UTC (10:00 in Vietnam) from `first` to `last`."""
    days = (last - first).days + 1
    return [name(datetime(first.year, first.month, first.day, 3, tzinfo=UTC) + timedelta(days=n)) for n in range(days)]


def test_the_newest_of_each_of_the_last_days_weeks_and_months_are_kept():
    names = [*daily_from(date(2026, 9, 1), date(2026, 12, 3)), "portal-20261203T010000Z"]

    kept = backups_to_keep(names, VIETNAM, daily=7, weekly=4, monthly=3)

    # 3 December 2026 is a Thursday: its week began on Monday 30 November; earlier weeks end on Sundays.
    assert kept == {
        "portal-20261203T030000Z",  # today (the earlier backup of the day goes), this week, this month
        "portal-20261202T030000Z",
        "portal-20261201T030000Z",
        "portal-20261130T030000Z",  # also November's newest
        "portal-20261129T030000Z",  # also the newest of the week of 23–29 November
        "portal-20261128T030000Z",
        "portal-20261127T030000Z",  # the 7th day
        "portal-20261122T030000Z",  # weeks
        "portal-20261115T030000Z",
        "portal-20261031T030000Z",  # October's newest
    }


def test_days_are_the_installations_days_not_utcs():
    evening, night = "portal-20261202T100000Z", "portal-20261202T180000Z"  # 17:00 on the 2nd, 01:00 on the 3rd

    assert backups_to_keep([evening, night], VIETNAM, daily=2, weekly=0, monthly=0) == {evening, night}
    assert backups_to_keep([evening, night], UTC, daily=2, weekly=0, monthly=0) == {night}


def test_no_rule_keeps_only_the_newest():
    names = daily_from(date(2026, 11, 1), date(2026, 11, 5))
    assert backups_to_keep(names, VIETNAM, daily=0, weekly=0, monthly=0) == {"portal-20261105T030000Z"}


@pytest.mark.django_db
def test_the_backup_command_applies_the_rule_to_the_finished_backups_only(tmp_path, roots):
    folder = tmp_path / "backups"
    old = daily_from(date(2020, 11, 1), date(2020, 11, 3))
    for fake in old:
        (folder / fake).mkdir(parents=True)
        (folder / fake / "manifest.json").write_text(json.dumps({"name": fake}))
    unfinished = folder / "portal-20201104T030000Z"  # no manifest: a backup that never finished
    unfinished.mkdir()
    (folder / "notes.txt").write_text("Lịch sao lưu")
    abandoned = folder / ".portal-20201104T030000Z.k3j2.partial"  # a run killed two days ago
    running = folder / ".portal-20201105T030000Z.x1.partial"  # perhaps a run still going
    abandoned.mkdir()
    running.mkdir()
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(abandoned, (two_days_ago, two_days_ago))

    call_command("backup", "--to", str(folder), "--keep-daily", "2", verbosity=0)

    left = sorted(path.name for path in folder.iterdir())
    [made] = [entry for entry in left if entry.startswith("portal-") and entry[7:11] != "2020"]
    # A folder without a manifest is not a backup: the rule neither counts nor deletes it. The abandoned run's
    # temporary folder goes; the recent one stays.
    assert left == sorted(
        [".portal-20201105T030000Z.x1.partial", "notes.txt", "portal-20201103T030000Z", "portal-20201104T030000Z", made]
    )
