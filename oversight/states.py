"""Every item's state against its posting limit (R10), for the dashboard, the listing, the digest and the report.

An item is on time (went live by its due date), late (went live after it), overdue (not live, due date passed) or
pending (not live, not yet due). The functions here read a constant number of queries per rule, whatever the number
of items and sites: counts are grouped in SQL, lists are capped, and due dates are computed once per distinct
trigger date (see oversight.sources).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groundwork.reports import Period
from home.models import Agency, PostingRule
from vietnam.workdays import add_working_days

from .sources import rule_querysets

ON_TIME, LATE, OVERDUE, PENDING = "dung-han", "tre-han", "qua-han", "chua-den-han"
STATES = {
    ON_TIME: _("Đúng hạn"),
    LATE: _("Đăng chậm"),
    OVERDUE: _("Quá hạn, chưa đăng"),
    PENDING: _("Chưa đến hạn"),
}


@dataclass(frozen=True)
class Item:
    """One item with a posting limit, as the dashboard, the listing and the digest show it."""

    agency: Agency
    category: str
    title: str
    edit_url: str
    trigger: date
    live_on: date | None
    due: date
    state: str

    @property
    def state_label(self) -> str:
        return str(STATES[self.state])

    @property
    def site_role(self) -> str:
        return site_role(self.agency)


@dataclass
class Block:
    """Items in one state: how many per (site, category), and the first of them (a capped list)."""

    counts: dict[tuple[int, str], int] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def site_role(agency: Agency) -> str:
    """How the portal sees a site (Decree 224/2026): the portal itself, or one of its sub-sites, of which kind."""
    if agency.is_portal:
        return str(_("Cổng tỉnh"))
    return str(_("Trang thành phần (%(kind)s)") % {"kind": agency.get_kind_display()})


def roots_of(agencies) -> dict[str, Agency]:
    """The Vietnamese root page's path of each agency's site, mapped to the agency (one query)."""
    return {agency.site.root_page.path: agency for agency in agencies.select_related("site__root_page")}


def state_of(due: date, live_on: date | None, today: date) -> str:
    """The state of an item due on `due` that went live on `live_on` (None: not yet), seen on `today`."""
    if live_on is not None:
        return LATE if live_on > due else ON_TIME
    return OVERDUE if due < today else PENDING


def rule_names() -> dict[str, str]:
    """Each rule's name in the language being served, by code (one query)."""
    return {rule.code: rule.local_name for rule in PostingRule.objects.all()}


def _count(rows) -> dict[str, int]:
    return dict(rows.order_by().values("site_root").annotate(n=Count("pk")).values_list("site_root", "n"))


def open_items(
    agencies, first_due: date | None, last_due: date, cap: int | None = 10, today: date | None = None, codes=None
) -> Block:
    """The items not live yet whose due date is in [first_due, last_due] (no lower bound for None), on the sites of
    `agencies`: counts per (agency id, category) and up to `cap` items per category (all for None). `codes`, when
    given, limits them to those categories (here and below)."""
    today = today or timezone.localdate()
    owners = roots_of(agencies)
    block = Block()
    for source, rule, limit, rows in rule_querysets(list(owners), codes):
        chosen = rows.filter(source.not_live(), source.due_between(rule, limit, first_due, last_due))
        counts = _count(chosen)
        _add(block, rule.code, counts, owners)
        if counts and cap != 0:  # no list to read when nothing was counted
            block.items += _listed(source, rule, limit, chosen, owners, today, cap)
    return block


def late_items(agencies, period: Period, cap: int | None = 10, today: date | None = None, codes=None) -> Block:
    """The items that went live during `period` after their due date, on the sites of `agencies`."""
    today = today or timezone.localdate()
    owners = roots_of(agencies)
    days = [period.start + timedelta(days=n) for n in range((period.end - period.start).days + 1)]
    block = Block()
    for source, rule, limit, rows in rule_querysets(list(owners), codes):
        chosen = rows.filter(source.live_between(period.start, period.end)).filter(source.late(limit, days))
        counts = _count(chosen)
        _add(block, rule.code, counts, owners)
        if counts and cap != 0:  # no list to read when nothing was counted
            block.items += _listed(source, rule, limit, chosen, owners, today, cap)
    return block


def live_items(agencies, period: Period, cap: int | None = None, today: date | None = None, codes=None) -> list[Item]:
    """Every item that went live during `period` (on time or late), on the sites of `agencies`."""
    today = today or timezone.localdate()
    owners = roots_of(agencies)
    found = []
    for source, rule, limit, rows in rule_querysets(list(owners), codes):
        chosen = rows.filter(source.live_between(period.start, period.end))
        found += _listed(source, rule, limit, chosen, owners, today, cap)
    return found


def _add(block: Block, code: str, counts: dict[str, int], owners: dict[str, Agency]) -> None:
    for root, n in counts.items():
        key = (owners[root].pk, code)
        block.counts[key] = block.counts.get(key, 0) + n


def _due(dues: dict[date, date], trigger: date, limit: int) -> date:
    """The due date of `trigger`, computed once per distinct trigger date (`dues` remembers them)."""
    if trigger not in dues:
        dues[trigger] = add_working_days(trigger, limit)
    return dues[trigger]


def _listed(source, rule, limit, rows, owners, today, cap) -> list[Item]:
    """Up to `cap` items of `rows`, oldest trigger first, each with its due date and state."""
    extra = [source.due_field] if source.due_field else []
    values = rows.order_by("trigger", "pk").values("pk", "site_root", "trigger", "live_on", *extra, **source.titles())
    dues: dict[date, date] = {}
    items = []
    for row in values[:cap] if cap is not None else values:
        if source.due_field:
            due = row[source.due_field]
        else:
            due = _due(dues, row["trigger"], limit)
        items.append(
            Item(
                agency=owners[row["site_root"]],
                category=rule.code,
                title=row["label"],
                edit_url=source.edit_url(row["pk"]),
                trigger=row["trigger"],
                live_on=row["live_on"],
                due=due,
                state=state_of(due, row["live_on"], today),
            )
        )
    return items


@dataclass
class SummaryRow:
    """One site's numbers in one category over a period."""

    agency: Agency
    category: str
    published: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0

    @property
    def on_time_rate(self) -> float | None:
        """The share of items published on time, in percent (None when nothing was published)."""
        return round(100 * self.on_time / self.published, 1) if self.published else None


def category_summary(agencies, period: Period, today: date | None = None) -> list[SummaryRow]:
    """Per site and category: items published in `period`, on time, late, the on-time rate, and overdue now.

    Reads grouped counts of (site, trigger date, go-live date) and compares them with due dates computed once per
    distinct trigger date; two queries per rule, whatever the number of items.
    """
    today = today or timezone.localdate()
    owners = roots_of(agencies)
    rows_by_key: dict[tuple[int, str], SummaryRow] = {}

    def row_for(root: str, code: str) -> SummaryRow:
        agency = owners[root]
        return rows_by_key.setdefault((agency.pk, code), SummaryRow(agency, code))

    for source, rule, limit, rows in rule_querysets(list(owners)):
        live = rows.filter(source.live_between(period.start, period.end)).order_by()
        if source.due_field:
            grouped = live.values("site_root", "live_on", source.due_field).annotate(n=Count("pk"))
            for group in grouped:
                late = group["live_on"] > group[source.due_field]
                _tally(row_for(group["site_root"], rule.code), late, group["n"])
        else:
            dues: dict[date, date] = {}
            grouped = live.values("site_root", "trigger", "live_on").annotate(n=Count("pk"))
            for group in grouped:
                due = _due(dues, group["trigger"], limit)
                _tally(row_for(group["site_root"], rule.code), group["live_on"] > due, group["n"])
        overdue = rows.filter(source.not_live(), source.due_between(rule, limit, None, today - timedelta(days=1)))
        for root, n in _count(overdue).items():
            row_for(root, rule.code).overdue += n
    return list(rows_by_key.values())


def _tally(row: SummaryRow, late: bool, n: int) -> None:
    row.published += n
    if late:
        row.late += n
    else:
        row.on_time += n


# The dashboard's three blocks ------------------------------------------------------------------------------


def overdue_now(agencies, cap: int | None = 10, today: date | None = None, codes=None) -> Block:
    """Items not live whose due date has passed."""
    today = today or timezone.localdate()
    return open_items(agencies, None, today - timedelta(days=1), cap, today, codes)


def due_this_week(agencies, cap: int | None = 10, today: date | None = None, codes=None) -> Block:
    """Items not live due from today to the end of this week (Sunday: a make-up Saturday is included)."""
    today = today or timezone.localdate()
    return open_items(agencies, today, today + timedelta(days=6 - today.weekday()), cap, today, codes)


def last_month(today: date | None = None) -> Period:
    """The calendar month before `today`'s."""
    today = today or timezone.localdate()
    end = today.replace(day=1) - timedelta(days=1)
    return Period(end.replace(day=1), end, f"{end:%m/%Y}")


def late_last_month(agencies, cap: int | None = 10, today: date | None = None) -> Block:
    """Items that went live last month after their due date."""
    return late_items(agencies, last_month(today), cap, today)
