"""Strategies, master plans and development plans (Điều 8.2.đ; posted within 10 working days of approval, 9.1.d)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models.pages import RICH_TEXT_FEATURES

from .base import PostingLimitMixin, PublicationFile, PublicationIndexPage, PublicationPage, decision

YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]


class PlanKind(models.TextChoices):
    STRATEGY = "chien-luoc", _("Chiến lược")
    MASTER_PLAN = "quy-hoach", _("Quy hoạch")
    PLAN = "ke-hoach", _("Kế hoạch")


class PlanStatus(models.TextChoices):
    DRAFT = "du-thao", _("Dự thảo")
    APPROVED = "da-phe-duyet", _("Đã phê duyệt")
    IN_FORCE = "dang-thuc-hien", _("Đang thực hiện, còn hiệu lực")
    EXPIRED = "het-hieu-luc", _("Hết hiệu lực")


class PlanPage(PostingLimitMixin, PublicationPage):
    """A strategy, master plan or development plan: its period, status, approving decision, issuing body, summary,
    full text and files."""

    POSTING_CATEGORY = "plans"
    FILTERS = ("kind", "status")
    LIST_PREFETCH = ("files__document",)

    kind = models.CharField(_("loại"), max_length=20, choices=PlanKind.choices, default=PlanKind.PLAN)
    period_start = models.PositiveSmallIntegerField(
        _("từ năm"), validators=YEAR_VALIDATORS, help_text=_("Năm đầu của thời kỳ, ví dụ: 2026.")
    )
    period_end = models.PositiveSmallIntegerField(
        _("đến năm"),
        validators=YEAR_VALIDATORS,
        help_text=_("Năm cuối của thời kỳ; kế hoạch một năm: bằng năm đầu."),
    )
    status = models.CharField(_("tình trạng"), max_length=20, choices=PlanStatus.choices)
    decision_number = models.CharField(
        _("số quyết định, văn bản phê duyệt"),
        max_length=100,
        blank=True,
        help_text=_("Ví dụ: 121/KH-UBND, 47/NQ-HĐND. Bắt buộc trừ khi còn là dự thảo."),
    )
    trigger_date = models.DateField(
        _("ngày phê duyệt"),
        db_index=True,
        help_text=_(
            "Ngày ký văn bản phê duyệt, ban hành (với dự thảo: ngày công bố dự thảo). "
            "Phải đăng trong 10 ngày làm việc kể từ ngày này (Điều 9.1.d)."
        ),
    )
    issuing_body = models.CharField(
        _("cơ quan ban hành, phê duyệt"), max_length=255, help_text=_("Ví dụ: HĐND tỉnh Quảng Ngãi, UBND tỉnh.")
    )
    body = RichTextField(_("nội dung"), blank=True, features=["h2", "h3", *RICH_TEXT_FEATURES])

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("issuing_body"),
                FieldRowPanel([FieldPanel("decision_number"), FieldPanel("trigger_date")]),
            ],
            heading=_("Thông tin chiến lược, quy hoạch, kế hoạch"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("files", label=_("tệp đính kèm")),
    ]
    search_fields = [
        *PublicationPage.search_fields,
        index.SearchField("decision_number"),
        index.SearchField("issuing_body"),
        index.SearchField("body"),
    ]
    parent_page_types = ["publications.PlanIndexPage"]

    class Meta:
        verbose_name = _("chiến lược, quy hoạch, kế hoạch")
        verbose_name_plural = _("chiến lược, quy hoạch, kế hoạch")
        indexes = [
            models.Index(fields=["kind", "trigger_date"], name="publications_plan_kind"),
            models.Index(fields=["status", "trigger_date"], name="publications_plan_status"),
        ]

    @property
    def period(self) -> str:
        """ "2026–2030", or "2026" for one year."""
        if self.period_start == self.period_end or not self.period_end:
            return str(self.period_start)
        return f"{self.period_start}–{self.period_end}"

    def validation_errors(self):
        errors = super().validation_errors()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("Năm cuối không được trước năm đầu.")
        if self.status != PlanStatus.DRAFT and not (self.decision_number or "").strip():
            errors["decision_number"] = _("Hãy ghi số văn bản phê duyệt (chỉ dự thảo mới được để trống).")
        return errors

    def facts(self):
        return [
            (_("Loại"), self.get_kind_display()),
            (_("Thời kỳ"), self.period),
            (_("Tình trạng"), self.get_status_display()),
            (_("Cơ quan ban hành"), self.issuing_body),
            (_("Văn bản phê duyệt"), decision(self.decision_number, self.trigger_date)),
        ]


class PlanFile(PublicationFile):
    page = ParentalKey(PlanPage, on_delete=models.CASCADE, related_name="files")


class PlanIndexPage(PublicationIndexPage):
    """A site's strategies, master plans and development plans (/quy-hoach-ke-hoach-du-an/chien-luoc-quy-hoach-…)."""

    subpage_types = ["publications.PlanPage"]
    item_model = PlanPage

    class Meta:
        verbose_name = _("chuyên mục chiến lược, quy hoạch, kế hoạch")
        verbose_name_plural = _("chuyên mục chiến lược, quy hoạch, kế hoạch")
