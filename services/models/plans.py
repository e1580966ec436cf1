"""Each agency's yearly roadmap of bringing its services online (Điều 12.2).

Every year each agency plans which procedures it will offer online (or at a higher level) and by when, keeps
its progress up to date, and the province reports the whole roadmap to the People's Committee.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .procedures import OnlineService
from .usage import FIRST_YEAR


def plan_years() -> range:
    """The years a roadmap may be written for: from FIRST_YEAR to next year (planned before it starts)."""
    return range(FIRST_YEAR, timezone.localdate().year + 2)


def validate_plan_year(value: int) -> None:
    years = plan_years()
    if value not in years:
        raise ValidationError(
            _("Năm của lộ trình phải từ %(first)s đến %(last)s."),
            code="invalid_year",
            params={"first": years[0], "last": years[-1]},
        )


class OnlineServicePlan(models.Model):
    """One procedure an agency plans to offer online (or at a higher level) in a year, and how far it has got."""

    class Progress(models.TextChoices):
        NOT_STARTED = "chua-thuc-hien", _("Chưa thực hiện")
        IN_PROGRESS = "dang-thuc-hien", _("Đang thực hiện")
        DONE = "da-hoan-thanh", _("Đã hoàn thành")

    # A roadmap brings a service online: "none" is not a target.
    TARGETS = [(level.value, level.label) for level in (OnlineService.FULL, OnlineService.PARTIAL)]

    agency = models.ForeignKey(
        "home.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="online_service_plans"
    )
    year = models.PositiveSmallIntegerField(_("năm"), validators=[validate_plan_year])
    procedure = models.ForeignKey(
        "services.ProcedurePage", verbose_name=_("thủ tục"), on_delete=models.PROTECT, related_name="+"
    )
    target_level = models.CharField(_("mức độ cần đạt"), max_length=12, choices=TARGETS)
    due_on = models.DateField(_("thời hạn hoàn thành"))
    progress = models.CharField(_("tiến độ"), max_length=20, choices=Progress.choices, default=Progress.NOT_STARTED)
    percent = models.PositiveSmallIntegerField(
        _("tỷ lệ hoàn thành (%)"),
        default=0,
        validators=[
            MinValueValidator(0, _("Tỷ lệ hoàn thành là một số từ 0 đến 100.")),
            MaxValueValidator(100, _("Tỷ lệ hoàn thành là một số từ 0 đến 100.")),
        ],
    )
    note = models.TextField(_("ghi chú"), max_length=2000, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("lộ trình dịch vụ công trực tuyến")
        verbose_name_plural = _("lộ trình dịch vụ công trực tuyến")
        ordering = ["-year", "agency", "due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "procedure"],
                name="services_plan_agency_year_procedure",
                violation_error_message=_("Thủ tục này đã có trong lộ trình năm đó của cơ quan."),
            ),
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="services_plan_percent_at_most_100"),
        ]

    def __str__(self):
        return f"{self.year}: {self.procedure}"

    def clean(self):
        super().clean()
        errors = {}
        if self.agency_id and self.procedure_id and self.procedure.agency_id != self.agency_id:
            errors["procedure"] = _("Thủ tục này không thuộc cơ quan đã chọn.")
        if self.year and self.due_on and self.due_on.year != self.year:
            errors["due_on"] = _("Thời hạn hoàn thành phải nằm trong năm %(year)s của lộ trình.") % {"year": self.year}
        if self.percent is not None:
            if self.progress == self.Progress.NOT_STARTED and self.percent != 0:
                errors["percent"] = _("Chưa thực hiện thì tỷ lệ hoàn thành là 0%.")
            elif self.progress == self.Progress.IN_PROGRESS and self.percent >= 100:
                errors["percent"] = _("Đã đạt 100% thì hãy chọn tiến độ “Đã hoàn thành”.")
            elif self.progress == self.Progress.DONE and self.percent != 100:
                errors["percent"] = _("Đã hoàn thành thì tỷ lệ hoàn thành là 100%.")
        if errors:
            raise ValidationError(errors)
