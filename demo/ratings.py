"""Demo ratings (Decree 224/2026): citizens' ratings of some finished demo dossiers and published demo answers, so
the statistics, the operations report and the admin listings have something to show. Every other one is left
unrated, so the rating form can be tried on the demo too."""

from datetime import timedelta

from django.utils import timezone

from feedback.models import Question, QuestionRating
from home.models import Agency
from home.onboarding import Onboarding
from services.models import Dossier, DossierRating

# (score, comment) given in turn: mostly satisfied, as the province's surveys find, with a few complaints.
RATINGS = [
    (5, "Cán bộ hướng dẫn tận tình, trả kết quả trước hẹn."),
    (4, ""),
    (2, "Phải bổ sung giấy tờ nhiều lần, hướng dẫn ban đầu chưa đầy đủ."),
    (5, ""),
    (3, "Kết quả đúng hẹn nhưng khó theo dõi tiến độ."),
    (4, "Trả lời rõ ràng, dễ hiểu."),
]


def seed_ratings(agencies: dict[str, Agency], result: Onboarding) -> None:
    """Rate every other finished dossier and published answer of the sites in `agencies` (keyed by code), a day
    after its result or answer (not in the future). A code already rated is left as it is."""
    now = timezone.now()
    dossiers = (
        Dossier.objects.filter(agency__in=agencies.values(), finished_at__isnull=False)
        .exclude(status__in=Dossier.OPEN)
        .order_by("finished_at", "pk")
    )
    questions = Question.objects.filter(agency__in=agencies.values(), status=Question.Status.PUBLISHED).order_by(
        "published_at", "pk"
    )
    rated = set(DossierRating.objects.values_list("code", flat=True)) | set(
        QuestionRating.objects.values_list("code", flat=True)
    )
    created = existing = 0
    for number, dossier in enumerate(dossiers[::2]):
        if dossier.code in rated:
            existing += 1
        else:
            score, comment = RATINGS[number % len(RATINGS)]
            DossierRating.objects.create(
                code=dossier.code,
                dossier=dossier,
                agency_id=dossier.agency_id,
                procedure_id=dossier.procedure_id,
                score=score,
                comment=comment,
                rated_at=min(dossier.finished_at + timedelta(days=1), now),
            )
            created += 1
    for number, question in enumerate(questions[::2]):
        if question.code in rated:
            existing += 1
        else:
            score, comment = RATINGS[(number + 1) % len(RATINGS)]
            QuestionRating.objects.create(
                code=question.code,
                question=question,
                agency_id=question.agency_id,
                score=score,
                comment=comment,
                rated_at=min((question.published_at or now) + timedelta(days=1), now),
            )
            created += 1
    if created:
        result.note(True, f"đánh giá mức độ hài lòng mẫu ({created})")
    if existing:
        result.note(False, f"đánh giá mức độ hài lòng mẫu ({existing})")
