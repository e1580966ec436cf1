"""Citizens' satisfaction (Decree 224/2026/NĐ-CP, R15): the one rule every rating follows.

A finished online dossier (services.DossierRating) and a published answer (feedback.QuestionRating) are rated by
the citizen who holds their code, once per code: each concrete model keeps the code under a unique constraint, so a
second rating, even two sent at the same instant, is refused by the database and `rate` says so. The scale is
1–5 with Vietnamese labels; the comment is optional, short, and never logged. The form appears on the page the
citizen reached with the code (a dossier's status page, a question's lookup) and posts back there, with the
honeypot and a per-visitor limit like every public form: `rating_panel` is that part of the page, the template
components/rating_form.html shows it.

`summary_columns` is what the services statistics and the operations report (`rating_report`, a
groundwork.reports.ReportTable per site) count: how many ratings, their average and the share of satisfied
citizens (4 or 5), in one grouped query whatever the number of ratings. The admin's read-only listing of ratings
is groundwork.viewsets.RatingViewSet.
"""

from dataclasses import dataclass

from django import forms
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from groundwork.abuse import HoneypotMixin, rate_limited
from groundwork.forms import DescribedFieldsMixin
from groundwork.reports import Chart, ReportTable
from vietnam.text import sort_key

# Ratings sent per visitor (IP address) and hour: one citizen rates a few dossiers, never dozens.
RATING_LIMIT = (10, 3600)
MAX_COMMENT_LENGTH = 1000
# The value of the status page's hidden `form` field that marks a post as a rating, not the page's own form.
FORM_NAME = "danh-gia"
SATISFIED = 4


class Score(models.IntegerChoices):
    """The five steps of the scale, from the least to the most satisfied."""

    VERY_UNSATISFIED = 1, _("Rất không hài lòng")
    UNSATISFIED = 2, _("Không hài lòng")
    NEUTRAL = 3, _("Bình thường")
    SATISFIED = 4, _("Hài lòng")
    VERY_SATISFIED = 5, _("Rất hài lòng")


class Rating(models.Model):
    """A citizen's rating of one thing done for them, found by its code. Abstract: the concrete model adds the code
    (unique), the agency and what was rated."""

    score = models.PositiveSmallIntegerField(_("mức độ hài lòng"), choices=Score.choices)
    comment = models.TextField(_("góp ý"), max_length=MAX_COMMENT_LENGTH, blank=True)
    language = models.CharField(_("ngôn ngữ"), max_length=5, default="vi", editable=False)
    rated_at = models.DateTimeField(_("ngày đánh giá"), default=timezone.now, editable=False)

    class Meta:
        abstract = True
        ordering = ["-rated_at", "-pk"]

    @property
    def is_satisfied(self) -> bool:
        return self.score >= SATISFIED


def score_check(name: str) -> models.CheckConstraint:
    """The database's own guard of the scale, for a concrete model's Meta.constraints."""
    return models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name=name)


class AlreadyRated(Exception):
    """The code was rated before (possibly a moment ago, from another tab)."""


def already_rated_message() -> str:
    return gettext("Mã này đã được đánh giá. Mỗi hồ sơ hoặc câu hỏi chỉ được đánh giá một lần; cảm ơn bạn.")


def rate(model: type[Rating], *, score: int, comment: str = "", **fields) -> Rating:
    """Save a rating of `model` with `fields` (the code, the agency, what was rated) in the active language.

    Raises AlreadyRated when the code already has one: the unique constraint decides, so two posts at once give
    one rating and one refusal.
    """
    rating = model(score=score, comment=comment.strip(), language=(get_language() or "vi")[:5], **fields)
    try:
        with transaction.atomic():
            rating.save(force_insert=True)
    except IntegrityError as error:
        raise AlreadyRated from error
    return rating


class RatingForm(DescribedFieldsMixin, HoneypotMixin, forms.Form):
    """The scale as radio buttons (a fieldset with its legend) and an optional comment."""

    form = forms.CharField(widget=forms.HiddenInput, initial=FORM_NAME)
    score = forms.TypedChoiceField(
        label=_("Bạn hài lòng với kết quả giải quyết ở mức nào?"),
        choices=Score.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Hãy chọn một mức độ hài lòng.")},
    )
    comment = forms.CharField(
        label=_("Góp ý (không bắt buộc)"),
        required=False,
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Tối đa 1000 ký tự. Đừng ghi số điện thoại, số định danh hay thông tin cá nhân khác."),
    )

    def __init__(self, *args, of_answer: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if of_answer:
            self.fields["score"].label = _("Bạn hài lòng với câu trả lời ở mức nào?")
        # The honeypot last, out of the way.
        self.fields["website"] = self.fields.pop("website")


def is_rating_post(request) -> bool:
    """Whether this POST is the rating form (rather than the page's own form)."""
    return request.method == "POST" and request.POST.get("form") == FORM_NAME


@dataclass
class RatingPanel:
    """What a status page shows of the rating: the form (None once rated), the rating given, a message, and the
    HTTP status the page answers with."""

    form: RatingForm | None
    rating: Rating | None = None
    thanked: bool = False
    refused: str = ""
    status: int = 200


def rating_panel(request, model: type[Rating], existing: Rating | None, *, of_answer: bool = False, **fields):
    """The rating part of a status page of something rateable (`fields`: code, agency, what was rated), after
    handling a rating posted to it.

    `existing` is the code's rating if there is one (then no form is offered); `of_answer` asks about an answer
    rather than a dossier's handling. A posted rating is checked (honeypot, scale, the comment's length, the
    visitor's rate limit) and saved once; a second one is refused with a clear message.
    """
    if not is_rating_post(request):
        return RatingPanel(None, existing) if existing is not None else RatingPanel(RatingForm(of_answer=of_answer))
    if existing is not None:
        return RatingPanel(None, existing, refused=already_rated_message(), status=409)
    form = RatingForm(request.POST, of_answer=of_answer)
    if not form.is_valid():
        return RatingPanel(form, status=400)
    if rate_limited(request, "rating", *RATING_LIMIT):
        form.add_error(None, gettext("Bạn đã gửi nhiều đánh giá trong thời gian ngắn; hãy thử lại sau."))
        return RatingPanel(form, status=429)
    try:
        rating = rate(model, score=form.cleaned_data["score"], comment=form.cleaned_data["comment"], **fields)
    except AlreadyRated:  # rated meanwhile, from another tab or device
        existing = model.objects.filter(code=fields["code"]).first()
        return RatingPanel(None, existing, refused=already_rated_message(), status=409)
    return RatingPanel(None, rating, thanked=True)


def summary_columns() -> dict:
    """Aggregates of ratings for .annotate() or .aggregate(): `rated` (count), `score_total` (the sum of the
    scores) and `satisfied` (how many 4 or 5); see RatingNumbers."""
    return {
        "rated": Count("pk"),
        "score_total": Sum("score"),
        "satisfied": Count("pk", filter=Q(score__gte=SATISFIED)),
    }


@dataclass
class RatingNumbers:
    """How many ratings, the sum of their scores and how many were satisfied: added up, then averaged."""

    rated: int = 0
    score_total: int = 0
    satisfied: int = 0

    def __post_init__(self):
        self.score_total = self.score_total or 0  # Sum() of no rows is None

    def add(self, rated: int, score_total: int | None, satisfied: int) -> None:
        """Add the numbers of one group of summary_columns."""
        self.rated += rated
        self.score_total += score_total or 0
        self.satisfied += satisfied

    @property
    def average(self) -> float | None:
        return self.score_total / self.rated if self.rated else None

    @property
    def satisfied_rate(self) -> float | None:
        """The share of satisfied ratings (4 or 5), in percent (None without ratings)."""
        return self.satisfied * 100 / self.rated if self.rated else None


def rating_report(ratings, period, agencies, *, key: str, title) -> ReportTable:
    """A table of the operations report (groundwork.reports): per site of `agencies` (by name, Vietnamese order),
    the `ratings` (a queryset of a Rating model) given in `period`: how many, the average score and the share
    satisfied, and a chart of that share. Sites without ratings are listed with 0. One grouped query."""
    agencies = sorted(agencies, key=lambda agency: sort_key(agency.local_name))
    first, after = period.bounds()
    given = ratings.filter(agency__in=[agency.pk for agency in agencies], rated_at__gte=first, rated_at__lt=after)
    grouped = given.values("agency_id").annotate(**summary_columns()).order_by()
    numbers = {row.pop("agency_id"): RatingNumbers(**row) for row in grouped}
    rows = []
    for agency in agencies:
        found = numbers.get(agency.pk, RatingNumbers())
        rows.append([agency.local_name, found.rated, _rounded(found.average), _rounded(found.satisfied_rate)])
    return ReportTable(
        key=key,
        title=str(title),
        columns=[
            gettext("Trang thông tin điện tử"),
            gettext("Lượt đánh giá"),
            gettext("Điểm trung bình (1–5)"),
            gettext("Tỷ lệ hài lòng (%)"),
        ],
        rows=rows,
        chart=Chart(
            title=gettext("Tỷ lệ người dân hài lòng (mức 4 và 5)"),
            labels=[row[0] for row in rows],
            values=[row[3] or 0 for row in rows],
            unit="%",
        ),
        note=gettext("Hài lòng: đánh giá mức Hài lòng hoặc Rất hài lòng (4 hoặc 5 trên thang 1–5)."),
        order=80,
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
