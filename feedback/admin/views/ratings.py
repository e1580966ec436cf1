"""The askers' ratings of the published answers (Decree 224/2026), read-only, for each agency's BBT
(QuestionRatingPermissionPolicy): the score, the comment, the question's title."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from feedback.models import QuestionRating
from groundwork.viewsets import RatingViewSet


class QuestionRatingViewSet(RatingViewSet):
    model = QuestionRating
    menu_label = _("Đánh giá câu trả lời")
    extra_columns = (
        Column(
            "question",
            label=_("Câu hỏi"),
            accessor=lambda rating: rating.question.title if rating.question else "",
        ),
    )
    select_related = ("agency", "question")
