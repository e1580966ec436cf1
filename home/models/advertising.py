"""Advertising on a site (Điều 14): slots its editorial board schedules, shown only between their dates and always
labelled as advertisements."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="pick")
class AdvertisingSettings(ClusterableModel, BaseSiteSetting):
    """A site's advertising slots. A site setting: only the BBT of that site may see or change it."""

    panels = [InlinePanel("slots", heading=_("Vị trí quảng cáo"), label=_("quảng cáo"))]

    class Meta:
        verbose_name = _("quảng cáo")
        verbose_name_plural = _("quảng cáo")


class AdvertisementSlot(Orderable):
    """One advertisement, shown in its position from `starts_at` until `ends_at` (Điều 14)."""

    class Position(models.TextChoices):
        HOME = "home", _("Trang chủ, dưới khối dịch vụ công")
        ASIDE = "aside", _("Trang chủ, cột bên")
        FOOTER = "footer", _("Mọi trang, trên chân trang")

    class Language(models.TextChoices):
        BOTH = "", _("Cả hai ngôn ngữ")
        VI = "vi", _("Chỉ trang tiếng Việt")
        EN = "en", _("Chỉ trang tiếng Anh")

    setting = ParentalKey(AdvertisingSettings, on_delete=models.CASCADE, related_name="slots")
    title = models.CharField(
        _("tiêu đề"), max_length=120, help_text=_("Tên nhà quảng cáo hoặc nội dung, hiện dưới ảnh.")
    )
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("ảnh"), on_delete=models.PROTECT, related_name="+")
    image_alt = models.CharField(
        _("mô tả ảnh"),
        max_length=255,
        help_text=_("Nội dung của ảnh cho người dùng trình đọc màn hình, ví dụ chữ in trên ảnh."),
    )
    link = models.URLField(_("liên kết"), help_text=_("Trang của nhà quảng cáo, bắt đầu bằng https://."))
    position = models.CharField(_("vị trí"), max_length=12, choices=Position.choices, default=Position.ASIDE)
    language = models.CharField(
        _("ngôn ngữ"), max_length=2, choices=Language.choices, default=Language.BOTH, blank=True
    )
    starts_at = models.DateTimeField(_("bắt đầu hiện"), help_text=_("Ngày giờ Việt Nam, dd/mm/yyyy hh:mm."))
    ends_at = models.DateTimeField(_("thôi hiện"), help_text=_("Sau thời điểm này quảng cáo không còn hiện."))

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        FieldPanel("link"),
        FieldRowPanel([FieldPanel("position"), FieldPanel("language")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("quảng cáo")
        verbose_name_plural = _("quảng cáo")
        indexes = [models.Index(fields=["setting", "ends_at", "starts_at"], name="ad_slot_schedule")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Thời điểm thôi hiện phải sau thời điểm bắt đầu hiện.")})
