"""Citizens' ratings of the answers to their questions (Decree 224/2026/NĐ-CP, R15): the rule is
groundwork.ratings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from groundwork.ratings import Rating, score_check


class QuestionRating(Rating):
    """The asker's rating of a published answer: one per question code."""

    wagtail_reference_index_ignore = True

    code = models.CharField(_("mã tra cứu"), max_length=20)
    question = models.OneToOneField(
        "feedback.Question",
        verbose_name=_("câu hỏi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rating",
    )
    agency = models.ForeignKey("home.Agency", verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="+")

    class Meta(Rating.Meta):
        verbose_name = _("đánh giá câu trả lời")
        verbose_name_plural = _("đánh giá câu trả lời")
        constraints = [
            models.UniqueConstraint(fields=["code"], name="feedback_rating_once_per_code"),
            score_check("feedback_rating_score_1_to_5"),
        ]
        indexes = [models.Index(fields=["agency", "rated_at"], name="feedback_rating_agency")]

    def __str__(self):
        return f"{self.code}: {self.get_score_display()}"
