"""What the operations app stores: the announced maintenance windows, and the portal's page listing its sub-sites."""

from datetime import datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.models.records import PublishedRecordMixin
from vietnam.text import local_text

from .maintenance import earliest_start

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class MaintenanceWindow(models.Model):
    """A planned downtime of every site (Decree 224/2026): announced at least 7 working days before it starts.

    From `announced_at` until `ends_at` every site shows a notice (operations_tags.maintenance_notice); between
    `starts_at` and `ends_at` the public gets the maintenance page (operations.middleware). `announced_at` is the
    moment the window was first saved; the 7 working days are counted from its date, also when the window is edited.
    """

    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    reason = models.TextField(_("lý do"), max_length=500, help_text=_("Hiện trong thông báo trên mọi trang."))
    reason_en = models.TextField(_("lý do (tiếng Anh)"), max_length=500, blank=True)
    announced_at = models.DateTimeField(_("ngày thông báo"), default=timezone.now, editable=False)
    announced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thông báo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("lịch tạm ngừng để bảo trì")
        verbose_name_plural = _("lịch tạm ngừng để bảo trì")
        ordering = ["-starts_at"]
        # Every request asks for the windows not over yet (maintenance.scheduled_windows).
        indexes = [models.Index(fields=["ends_at"], name="maintenance_ends_at")]

    def __str__(self):
        return f"{format_moment(self.starts_at)} – {format_moment(self.ends_at)}"

    @property
    def local_reason(self) -> str:
        """The reason in the language being served."""
        return local_text(self.reason, self.reason_en)

    def clean(self):
        """Refuse a start earlier than 7 working days after the announcement's date, or an end not after the start."""
        errors = {}
        if self.starts_at:
            earliest = earliest_start(self.announced_at or timezone.now())
            start_day = timezone.localtime(self.starts_at).date()
            if start_day < earliest:
                errors["starts_at"] = _(
                    "Lịch tạm ngừng phải được thông báo trước ít nhất 7 ngày làm việc: thời điểm bắt đầu sớm nhất "
                    "là ngày %(date)s."
                ) % {"date": f"{earliest:%d/%m/%Y}"}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Thời điểm kết thúc phải sau thời điểm bắt đầu.")
        if errors:
            raise ValidationError(errors)


def format_moment(value: datetime) -> str:
    """`value` as dd/mm/yyyy HH:MM, Vietnamese time."""
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")


def start_of_day(day) -> datetime:
    """Midnight, Vietnamese time, at the start of `day`."""
    return timezone.make_aware(datetime.combine(day, time.min))


class SubsiteIndexPage(PublishedRecordMixin, Page):
    """ "Cổng thành phần": the portal's list of its sub-sites (Decree 224/2026), every agency and commune site with
    its address, kind, last update and status ("chưa cập nhật" after `stale_after_days` days without a publication).

    Made by onboarding on the portal only, under "Giới thiệu" (home/sections.py).
    """

    intro = RichTextField(_("giới thiệu"), blank=True, features=RICH_TEXT_FEATURES)
    stale_after_days = models.PositiveSmallIntegerField(
        _("số ngày không cập nhật"),
        default=30,
        help_text=_("Một cổng thành phần không đăng tin bài mới trong số ngày này được ghi “chưa cập nhật”."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("stale_after_days")]
    parent_page_types = ["home.IndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "operations/subsite_index_page.html"

    class Meta:
        verbose_name = _("danh sách cổng thành phần")
        verbose_name_plural = _("danh sách cổng thành phần")

    def get_context(self, request, *args, **kwargs):
        from .subsites import subsite_statuses

        context = super().get_context(request, *args, **kwargs)
        context["subsites"] = subsite_statuses(self.stale_after_days)
        return context
