"""Citizens' ratings of their online dossiers (Decree 224/2026/NĐ-CP, R15): the rule is groundwork.ratings.

A rating keeps the dossier's code, agency and procedure, so it outlives the dossier (purged at the end of its
retention period, services.retention) and still counts in the statistics.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from groundwork.ratings import Rating, score_check


class DossierRating(Rating):
    """The applicant's rating of a finished dossier (result ready, handed back or refused): one per code."""

    wagtail_reference_index_ignore = True

    code = models.CharField(_("mã hồ sơ"), max_length=40)
    dossier = models.OneToOneField(
        "services.Dossier",
        verbose_name=_("hồ sơ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rating",
    )
    agency = models.ForeignKey("home.Agency", verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="+")
    procedure = models.ForeignKey(
        "services.ProcedurePage",
        verbose_name=_("thủ tục"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(Rating.Meta):
        verbose_name = _("đánh giá hồ sơ trực tuyến")
        verbose_name_plural = _("đánh giá hồ sơ trực tuyến")
        constraints = [
            models.UniqueConstraint(fields=["code"], name="services_rating_once_per_code"),
            score_check("services_rating_score_1_to_5"),
        ]
        indexes = [
            # The admin's listing and the report count by agency and time; the statistics by procedure too.
            models.Index(fields=["agency", "rated_at"], name="services_rating_agency"),
            models.Index(fields=["procedure", "rated_at"], name="services_rating_procedure"),
        ]

    def __str__(self):
        return f"{self.code}: {self.get_score_display()}"
