"""The government's yearly decisions on days off and make-up working days (R10), kept by administrators."""

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _


class CalendarOverride(models.Model):
    """One day whose working status a government decision sets, whatever the weekend and the Labour Code say.

    Each year the Prime Minister (through the Government Office) approves the Tết break and the swaps
    that join a holiday to a weekend; the ministry in charge (Bộ Nội vụ since 2025) then announces
    them. The `holidays` package knows the statutory holidays and some of those decisions;
    `vietnam.workdays` lets a row here win over both.
    """

    class Kind(models.TextChoices):
        # A weekday made a holiday: a Tết bridge day, the weekday given in a swap.
        DAY_OFF = "day_off", _("Ngày nghỉ")
        # A Saturday or Sunday worked in exchange ("làm bù"), or any day declared a working day.
        WORKING_DAY = "working_day", _("Ngày làm bù")

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("tên"), max_length=255, help_text=_("Ví dụ: Nghỉ Tết Dương lịch (hoán đổi)"))
    decision = models.CharField(
        _("văn bản quyết định"),
        max_length=255,
        help_text=_("Số, ngày và cơ quan ban hành, ví dụ: Thông báo số 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ"),
    )
    source_url = models.URLField(_("đường dẫn văn bản"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("ngày nghỉ, ngày làm bù")
        verbose_name_plural = _("lịch nghỉ lễ, làm bù")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y}: {self.name}"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remembered (and again on each save) so that moving a row to another year also refreshes the year it left.
        instance._loaded_date = instance.__dict__.get("date")
        return instance


@receiver([post_save, post_delete], sender=CalendarOverride)
def forget_cached_overrides(sender, instance, **kwargs):
    """Drop the cached decisions of the years a saved or deleted row touches, so deadlines use it at once."""
    from .workdays import forget_overrides

    years = {instance.date.year}
    saved_before = getattr(instance, "_loaded_date", None)
    if saved_before is not None:
        years.add(saved_before.year)
    instance._loaded_date = instance.date
    forget_overrides(*years)
    # Again once committed: another process may have cached the old rows in between.
    transaction.on_commit(lambda: forget_overrides(*years))
