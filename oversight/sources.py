"""Where the items with a posting limit (R10) come from: one `Source` per kind of content, each giving, for the
sites asked about, the items of one or more rules (home.PostingRule codes) as querysets.

Deadlines count working days, which SQL does not know; but a due date grows with its trigger date
(`add_working_days` is monotonic in its start), so "due on or before day d" is "triggered on or before the last
trigger date whose due date is d or earlier" (`last_trigger`), found in Python from the calendar and compared in
SQL. Likewise an item that went live on day L is late when its trigger is on or before `last_trigger(L - 1)`.
Questions store their due date (`due_on`) and are compared with it directly.

Every queryset is annotated with `site_root` (the path of the site's Vietnamese root page, or of the agency's
root for questions), `trigger` (a date) and `live_on` (the Vietnamese date it went live, or NULL). Only the
Vietnamese tree is read: English versions are the English coverage's business (oversight.english).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Concat, Substr, TruncDate
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from documents.models import LegalDocumentPage
from feedback.models import Question
from home.posting import posting_limits
from procurement.models import NoticePage, ProjectPage
from publications.models import GuidancePage, PlanPage, ScienceProgrammePage, StatisticsReportPage
from vietnam.workdays import working_calendar

# A site's root page is a child of the tree's root: its path is two steps long.
ROOT_PATH_LENGTH = Page.steplen * 2


def last_trigger(day: date, limit: int, calendar=None) -> date:
    """The last trigger date whose deadline of `limit` working days falls on `day` or before: the day before the
    `limit`-th working day counted back from `day` (a few dozen days of `calendar`, a `working_calendar()`)."""
    calendar = calendar or working_calendar()
    trigger, counted = day, 0
    while counted < limit:
        counted += calendar.is_working_day(trigger)
        trigger -= timedelta(days=1)
    return trigger


@dataclass(frozen=True)
class Rule:
    """One rule a source applies: its code (home.PostingRule) and which of the source's rows it covers."""

    code: str
    covers: Q = Q()


class Source:
    """The pages of one model with a `trigger_date`, published when they first go live."""

    model: type[Page]
    rules: tuple[Rule, ...]

    def __init__(self, model, rules: tuple[Rule, ...]):
        self.model = model
        self.rules = rules

    def rows(self, roots: list[str]) -> QuerySet:
        """The source's rows on the sites whose Vietnamese root paths are `roots`, annotated (see the module)."""
        # One IN on the path's first steps, not a LIKE per site: the same plan, and a query that stays short.
        return self.model.objects.annotate(
            site_root=Substr("path", 1, ROOT_PATH_LENGTH),
            trigger=F(self.trigger_field),
            live_on=TruncDate("first_published_at", tzinfo=timezone.get_default_timezone()),
        ).filter(site_root__in=roots)

    trigger_field = "trigger_date"
    # A column holding each row's due date, when the model stores it (questions); else computed from the trigger.
    due_field: str | None = None

    def not_live(self) -> Q:
        """The rows not live yet."""
        return Q(first_published_at__isnull=True)

    def due_between(self, rule: Rule, limit: int, first: date | None, last: date) -> Q:
        """Rows of `rule` whose due date is in [first, last] (no lower bound when `first` is None)."""
        calendar = working_calendar()
        found = Q(**{f"{self.trigger_field}__lte": last_trigger(last, limit, calendar)})
        if first is not None:
            found &= Q(**{f"{self.trigger_field}__gt": last_trigger(first - timedelta(days=1), limit, calendar)})
        return found

    def live_between(self, start: date, end: date) -> Q:
        """Rows that went live from `start` to `end`, both included (Vietnamese dates)."""
        zone = timezone.get_default_timezone()
        return Q(
            first_published_at__gte=datetime.combine(start, time.min, tzinfo=zone),
            first_published_at__lt=datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
        )

    def late(self, limit: int, live_dates: list[date]) -> Q:
        """Among rows live on `live_dates`, those that went live after their due date."""
        calendar = working_calendar()
        found = Q(pk__in=[])
        for day in live_dates:
            cutoff = last_trigger(day - timedelta(days=1), limit, calendar)
            found |= Q(live_on=day, **{f"{self.trigger_field}__lte": cutoff})
        return found

    def edit_url(self, pk: int) -> str:
        return reverse("wagtailadmin_pages:edit", args=[pk])

    def titles(self) -> dict:
        """What `values()` reads for an item's title."""
        return {"label": F("title")}


class QuestionSource(Source):
    """Citizens' questions (Điều 9.1.đ): received on a site, "live" when answered, due on their `due_on`."""

    trigger_field = "received_at"
    due_field = "due_on"

    def __init__(self):
        super().__init__(Question, (Rule("questions"),))

    def rows(self, roots: list[str]) -> QuerySet:
        zone = timezone.get_default_timezone()
        return (
            Question.objects.filter(agency__site__root_page__path__in=roots)
            .exclude(status=Question.Status.OUT_OF_SCOPE)
            .annotate(
                site_root=F("agency__site__root_page__path"),
                trigger=TruncDate("received_at", tzinfo=zone),
                live_on=TruncDate("answered_at", tzinfo=zone),
            )
        )

    def not_live(self) -> Q:
        return Q(answered_at__isnull=True, status__in=Question.OPEN)

    def due_between(self, rule, limit, first, last) -> Q:
        found = Q(due_on__lte=last)
        if first is not None:
            found &= Q(due_on__gte=first)
        return found

    def live_between(self, start, end) -> Q:
        zone = timezone.get_default_timezone()
        return Q(
            answered_at__gte=datetime.combine(start, time.min, tzinfo=zone),
            answered_at__lt=datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
        )

    def late(self, limit, live_dates) -> Q:
        return Q(live_on__gt=F("due_on"))

    def edit_url(self, pk: int) -> str:
        return reverse("feedback_questions:handle", args=[pk])

    def titles(self) -> dict:
        return {"label": Concat("code", Value(": "), "title")}


class LegalDocumentSource(Source):
    """Legal documents (Điều 9.1.c): 2 working days on the issuing authority's own site, 10 on the others'."""

    trigger_field = "issued_on"

    def __init__(self):
        # The issuer's site: the authority's agency's site root is the page's own site root.
        issuer = Q(authority__agency__site__root_page__path=F("site_root"))
        super().__init__(LegalDocumentPage, (Rule("legal-issuer", issuer), Rule("legal-others", ~issuer)))


def sources() -> list[Source]:
    """Every source, in the rule table's order of their categories."""
    return [
        Source(GuidancePage, (Rule("dissemination"),)),
        LegalDocumentSource(),
        Source(PlanPage, (Rule("plans"),)),
        Source(ProjectPage, (Rule("procurement"),)),
        Source(NoticePage, (Rule("procurement"),)),
        QuestionSource(),
        Source(ScienceProgrammePage, (Rule("science"),)),
        Source(StatisticsReportPage, (Rule("statistics"),)),
    ]


def rule_querysets(roots: list[str], codes: set[str] | None = None):
    """(source, rule, limit, rows covered by the rule) for every rule of every source (those of `codes` only, when
    given), on the sites of `roots`."""
    limits = posting_limits()
    for source in sources():
        rows = source.rows(roots)
        for rule in source.rules:
            if codes is None or rule.code in codes:
                yield source, rule, limits[rule.code], rows.filter(rule.covers)
