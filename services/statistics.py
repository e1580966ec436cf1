"""The numbers of online public services (Điều 11.2) and the progress of each agency's roadmap (Điều 12.2).

For each procedure in a year: how often its page was read, how many dossiers came in, how many were finished
(result ready or refused) and whether on or before their due date, how many of those that came in are still
open past it, and how the applicants rated their finished dossiers (Decree 224/2026: how many ratings, their
average on the 1–5 scale, the share satisfied; groundwork.ratings). A procedure's languages count as one
procedure. Whatever the number of procedures, everything is read in a constant number of grouped queries and put
together here; the public page, the admin page and the exports all read `procedure_statistics`.

Who sees what: the public page shows its site's procedures (the portal's: every agency's); in the admin, an
agency's editorial board (BBT) and one-stop desk see their agency's, superusers and the portal's BBT every
agency's. Each agency's BBT keeps its own roadmap; the province's report is for superusers and the portal's BBT.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Count, F, Q, Sum
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site

from groundwork.paging import paginate
from groundwork.ratings import RatingNumbers, summary_columns
from home.models import Agency
from vietnam.text import sort_key

from .models import Dossier, DossierRating, OnlineServicePlan, ProcedurePage, ProcedureViewCount
from .models.usage import FIRST_YEAR

# Robots, link previews, monitors and scripts: their visits are not people using a service.
ROBOT_AGENTS = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|curl|wget|python|java/|okhttp|"
    r"go-http-client|libwww|httpclient|headless|lighthouse|pingdom|uptime|monitor|scan",
    re.IGNORECASE,
)
PAGE_SIZE = 50
# The query-string names of the public page (Vietnamese, like the catalogue's).
YEAR_PARAM, AGENCY_PARAM = "nam", "co-quan"


# Years ---------------------------------------------------------------------------------------------------


def statistics_years() -> list[int]:
    """The years with statistics, newest first: from FIRST_YEAR to this year (Asia/Ho_Chi_Minh)."""
    return list(range(timezone.localdate().year, FIRST_YEAR - 1, -1))


def chosen_year(value: str | None) -> int:
    """The year asked for in a query string, or this year when it is missing or not a year with statistics."""
    years = statistics_years()
    try:
        year = int(value or "")
    except ValueError:
        return years[0]
    return year if year in years else years[0]


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """Midnight on 1 January of `year` and of the next year, in the province's time."""
    zone = timezone.get_default_timezone()
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


# Who sees what -------------------------------------------------------------------------------------------


def _member_of_portal_board(user) -> bool:
    return Agency.objects.filter(kind=Agency.Kind.PORTAL, moderators__in=user.groups.all()).exists()


def sees_every_agency(user) -> bool:
    """Superusers and the portal's editorial board see (and report on) every agency."""
    return user.is_active and (user.is_superuser or _member_of_portal_board(user))


def statistics_agencies(user):
    """The agencies whose statistics `user` reads in the admin: their BBT's or one-stop desk's, or every one."""
    if not user.is_active:
        return Agency.objects.none()
    if sees_every_agency(user):
        return Agency.objects.all()
    groups = user.groups.all()
    return Agency.objects.filter(Q(moderators__in=groups) | Q(officers__in=groups)).distinct()


def planning_agencies(user):
    """The agencies whose roadmap `user` keeps: their BBT's, or every one."""
    if not user.is_active:
        return Agency.objects.none()
    if sees_every_agency(user):
        return Agency.objects.all()
    return Agency.objects.filter(moderators__in=user.groups.all()).distinct()


def plans_for(user):
    """The roadmap lines `user` may read and change."""
    if not user.is_active:
        return OnlineServicePlan.objects.none()
    if sees_every_agency(user):
        return OnlineServicePlan.objects.all()
    return OnlineServicePlan.objects.filter(agency__in=planning_agencies(user))


# Use and handling of each procedure ----------------------------------------------------------------------


@dataclass
class Numbers:
    """A year's numbers of one procedure, one agency or all of them."""

    views: int = 0
    submitted: int = 0
    processed: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    # The applicants' ratings of the year (groundwork.ratings.summary_columns).
    rated: int = 0
    score_total: int = 0
    satisfied: int = 0

    FIELDS = ("views", "submitted", "processed", "on_time", "late", "overdue", "rated", "score_total", "satisfied")

    def add(self, other: "Numbers") -> None:
        for name in self.FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def any(self) -> bool:
        return any(getattr(self, name) for name in self.FIELDS)

    @property
    def on_time_rate(self) -> float | None:
        """The share of the finished dossiers finished on time, in percent (None when none was finished)."""
        return self.on_time * 100 / self.processed if self.processed else None

    @property
    def ratings(self) -> RatingNumbers:
        return RatingNumbers(self.rated, self.score_total, self.satisfied)

    @property
    def average(self) -> float | None:
        """The average rating on the 1–5 scale (None without ratings)."""
        return self.ratings.average

    @property
    def satisfied_rate(self) -> float | None:
        """The share of ratings of 4 or 5, in percent (None without ratings)."""
        return self.ratings.satisfied_rate


@dataclass
class ProcedureRow:
    """One procedure: the page shown for it (in the language asked for, if translated), its agency, its numbers."""

    page: ProcedurePage
    agency: Agency
    numbers: Numbers
    linked: bool  # whether `page` is live and public, so a link to it works


@dataclass
class AgencyRow:
    agency: Agency
    procedures: int
    numbers: Numbers


@dataclass
class Statistics:
    year: int
    rows: list[ProcedureRow]
    agencies: list[AgencyRow]
    total: Numbers = field(default_factory=Numbers)


def procedure_statistics(agencies, year: int, language: str | None = None) -> Statistics:
    """Each procedure of `agencies` (Agency objects or a queryset) with its numbers in `year`, sorted by name.

    A procedure is listed while it is live and public, and in any year it has numbers. It is named in `language`
    (default: the active one) when translated into it. Dossiers count in the year they came in (submitted, still
    open past their due date) and in the year they were finished (processed, on time or late); views in the year
    they were read; ratings in the year they were given. Six queries, however many procedures and dossiers.
    """
    agencies = {agency.pk: agency for agency in agencies}
    ids = list(agencies)
    language = language or get_language() or settings.LANGUAGE_CODE
    start, end = year_bounds(year)
    private_paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    pages = list(
        ProcedurePage.objects.filter(agency_id__in=ids)
        .annotate(language=F("locale__language_code"))
        .only("title", "url_path", "path", "live", "translation_key", "code", "agency_id", "online_service")
        .order_by()
    )
    key_of = {page.pk: page.translation_key for page in pages}
    numbers = defaultdict(Numbers)
    for row in dossier_numbers(Q(agency_id__in=ids), start, end):
        numbers[key_of.get(row.pop("procedure_id"))].add(Numbers(**row))
    views = (
        ProcedureViewCount.objects.filter(procedure__agency_id__in=ids, day__gte=start.date(), day__lt=end.date())
        .values("procedure_id")
        .annotate(total=Sum("views"))
        .order_by()
    )
    for row in views:
        numbers[key_of.get(row["procedure_id"])].views += row["total"]
    for row in _rating_numbers(Q(agency_id__in=ids), start, end):
        numbers[key_of.get(row.pop("procedure_id"))].add(Numbers(**row))

    by_key = defaultdict(dict)
    for page in pages:
        page.is_public = page.live and not any(page.path.startswith(path) for path in private_paths)
        by_key[page.translation_key][page.language] = page
    rows = []
    for key, translations in by_key.items():
        source = translations.get(settings.LANGUAGE_CODE) or next(iter(translations.values()))
        found = numbers.get(key, Numbers())
        if not (source.is_public or found.any):
            continue
        shown = translations.get(language)
        if shown is None or not shown.is_public:
            shown = source
        rows.append(ProcedureRow(shown, agencies[source.agency_id], found, shown.is_public))
    rows.sort(key=lambda row: (sort_key(row.page.title), row.page.code))

    per_agency = {}
    total = Numbers()
    for row in rows:
        summary = per_agency.setdefault(row.agency.pk, AgencyRow(row.agency, 0, Numbers()))
        summary.procedures += 1
        summary.numbers.add(row.numbers)
        total.add(row.numbers)
    agency_rows = sorted(per_agency.values(), key=lambda summary: sort_key(summary.agency.local_name))
    return Statistics(year, rows, agency_rows, total)


def numbers_of(procedure: ProcedurePage, year: int) -> Numbers:
    """One procedure's numbers in `year`, all its languages together (shown on its page, Điều 11.2)."""
    start, end = year_bounds(year)
    pages = ProcedurePage.objects.filter(translation_key=procedure.translation_key).values("pk")
    numbers = Numbers()
    for row in dossier_numbers(Q(procedure__in=pages), start, end):
        del row["procedure_id"]
        numbers.add(Numbers(**row))
    views = ProcedureViewCount.objects.filter(procedure__in=pages, day__gte=start.date(), day__lt=end.date())
    numbers.views = views.aggregate(total=Sum("views"))["total"] or 0
    for row in _rating_numbers(Q(procedure__in=pages), start, end):
        del row["procedure_id"]
        numbers.add(Numbers(**row))
    return numbers


def _rating_numbers(which: Q, start: datetime, end: datetime) -> list[dict]:
    """Per procedure (page) of the ratings `which` selects, given in a year: rated, score_total, satisfied."""
    ratings = DossierRating.objects.filter(which, rated_at__gte=start, rated_at__lt=end)
    rows = ratings.values("procedure_id").annotate(**summary_columns()).order_by()
    return [{**row, "score_total": row["score_total"] or 0} for row in rows]


def dossier_numbers(which: Q, start: datetime, end: datetime) -> list[dict]:
    """Per procedure (page) of the dossiers `which` selects: submitted, finished on time or late, and still open
    past due, between `start` and `end` (a year, or the operations report's period)."""
    came_in = Q(submitted_at__gte=start, submitted_at__lt=end)
    finished = Q(finished_at__gte=start, finished_at__lt=end)
    # The result's day in the province's time (the current time zone), against the promised day.
    on_time = finished & Q(finished_at__date__lte=F("due_on"))
    late = finished & Q(finished_at__date__gt=F("due_on"))
    overdue = came_in & Q(status__in=Dossier.RUNNING, due_on__lt=timezone.localdate())
    return list(
        Dossier.objects.filter(which, came_in | finished)
        .values("procedure_id")
        .annotate(
            submitted=Count("pk", filter=came_in),
            processed=Count("pk", filter=finished),
            on_time=Count("pk", filter=on_time),
            late=Count("pk", filter=late),
            overdue=Count("pk", filter=overdue),
        )
        .order_by()
    )


# The public page -----------------------------------------------------------------------------------------


def statistics_page(request, section: Page):
    """The site's statistics page (thong-ke/ under its procedures section); the portal's covers every agency.

    ?nam= chooses the year (anything else: this year); on the portal ?co-quan= narrows the list of procedures
    to one agency (the summary by agency stays whole).
    """
    site = Site.find_for_request(request)
    agency = Agency.objects.filter(site=site).first() if site else None
    if agency is None:
        raise Http404
    portal_wide = agency.is_portal
    year = chosen_year(request.GET.get(YEAR_PARAM))
    statistics = procedure_statistics(Agency.objects.all() if portal_wide else [agency], year)
    rows, chosen_agency = statistics.rows, None
    if portal_wide:
        chosen_agency = next(
            (
                summary.agency
                for summary in statistics.agencies
                if (summary.agency.code or "cong-tinh") == request.GET.get(AGENCY_PARAM)
            ),
            None,
        )
        if chosen_agency is not None:
            rows = [row for row in rows if row.agency == chosen_agency]
    context = Page.get_context(section, request)
    context.update(
        {
            "statistics": statistics,
            "rows": paginate(request, rows, PAGE_SIZE),
            "years": statistics_years(),
            "portal_wide": portal_wide,
            "chosen_agency": chosen_agency,
            "year_param": YEAR_PARAM,
            "agency_param": AGENCY_PARAM,
        }
    )
    return TemplateResponse(request, "services/statistics.html", context)


# The roadmap ---------------------------------------------------------------------------------------------


@dataclass
class PlanSummary:
    agency: Agency
    planned: int
    done: int

    @property
    def done_rate(self) -> float | None:
        return self.done * 100 / self.planned if self.planned else None


@dataclass
class PlanReport:
    year: int
    plans: list[OnlineServicePlan]
    agencies: list[PlanSummary]
    planned: int
    done: int

    @property
    def done_rate(self) -> float | None:
        return self.done * 100 / self.planned if self.planned else None


def plan_report(year: int) -> PlanReport:
    """Every agency's roadmap for `year`, by agency and procedure name, and each agency's planned and done.

    Every agency is in the summary, those without a roadmap with 0: the report shows who has not made one.
    Two queries.
    """
    plans = list(OnlineServicePlan.objects.filter(year=year).select_related("agency", "procedure").order_by())
    plans.sort(key=lambda plan: (sort_key(plan.agency.name), sort_key(plan.procedure.title), plan.pk))
    counts = defaultdict(lambda: [0, 0])
    for plan in plans:
        counts[plan.agency_id][0] += 1
        counts[plan.agency_id][1] += plan.progress == OnlineServicePlan.Progress.DONE
    agencies = sorted(Agency.objects.all(), key=lambda agency: sort_key(agency.name))
    summaries = [PlanSummary(agency, *counts[agency.pk]) for agency in agencies]
    return PlanReport(
        year,
        plans,
        summaries,
        planned=sum(summary.planned for summary in summaries),
        done=sum(summary.done for summary in summaries),
    )
