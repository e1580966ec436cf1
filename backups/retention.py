"""Which backups to keep: the newest of each of the last N days, N weeks and N months (as restic and borg count)."""

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, tzinfo


def backup_time(name: str) -> datetime:
    """When backup 'portal-20261203T190000Z' was made (UTC)."""
    return datetime.strptime(name.removeprefix("portal-"), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


PERIODS: dict[str, Callable[[datetime], tuple]] = {
    "daily": lambda moment: (moment.date(),),
    "weekly": lambda moment: tuple(moment.isocalendar()[:2]),
    "monthly": lambda moment: (moment.year, moment.month),
}


def backups_to_keep(names: Iterable[str], zone: tzinfo, *, daily: int, weekly: int, monthly: int) -> set[str]:
    """The names kept: for each rule, the newest backup of each of its last `count` periods that have one (days,
    ISO weeks, months in `zone`, the installation's time zone). A backup kept by any rule is kept."""
    newest_first = sorted(names, key=backup_time, reverse=True)
    kept = set(newest_first[:1])  # the newest, just made, whatever the rules say
    for rule, count in (("daily", daily), ("weekly", weekly), ("monthly", monthly)):
        periods: set[tuple] = set()
        for name in newest_first:
            if len(periods) >= count:
                break
            period = PERIODS[rule](backup_time(name).astimezone(zone))
            if period not in periods:
                periods.add(period)
                kept.add(name)
    return kept
