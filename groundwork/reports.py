"""The pieces of the periodic operations report (Điều 16.1.c) that each app contributes.

The report itself (its page, charts and exports) belongs to `reporting`; what it counts belongs to the apps that
own the data. Each app registers a function with Wagtail's `register_report_sections` hook:

    @hooks.register("register_report_sections")
    def dossier_sections(period: Period, agencies: QuerySet[Agency]) -> Iterable[ReportTable]: ...

`agencies` are the sites the reader may see (already scoped: one agency's BBT gets its own). A function reads its
numbers in a constant number of grouped queries, whatever the number of sites and items.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone


@dataclass(frozen=True)
class Period:
    """The days a report covers, both ends included, in the province's calendar (Asia/Ho_Chi_Minh)."""

    start: date
    end: date
    label: str = ""

    def bounds(self) -> tuple[datetime, datetime]:
        """Midnight at the start of `start` and after `end`, aware, for filters on datetimes: [first, after)."""
        zone = timezone.get_default_timezone()
        return (
            datetime.combine(self.start, time.min, tzinfo=zone),
            datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=zone),
        )


@dataclass
class Chart:
    """A bar chart of one table: a label and a value per bar (the report draws it as SVG, in the PDF too)."""

    title: str
    labels: list[str]
    values: list[float]
    unit: str = ""


@dataclass
class ReportTable:
    """One table of the report: a heading, its column headings and rows (cells: str, int, float, date or None),
    and at most one chart. Tables are shown by `order`, then by title."""

    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    chart: Chart | None = None
    note: str = ""
    order: int = 100
