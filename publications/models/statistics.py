"""Statistics reports (Điều 9.1.g): posted within 10 working days of the decision to publish them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from .base import PostingLimitMixin, PublicationFile, PublicationIndexPage, PublicationPage, dmy


class Frequency(models.TextChoices):
    MONTHLY = "thang", _("Tháng")
    QUARTERLY = "quy", _("Quý")
    HALF_YEARLY = "6-thang", _("6 tháng")
    YEARLY = "nam", _("Năm")
    OCCASIONAL = "dot-xuat", _("Đột xuất, chuyên đề")


class StatisticsReportPage(PostingLimitMixin, PublicationPage):
    """A statistics report: the period it covers, when its publication was decided, a summary and its files."""

    POSTING_CATEGORY = "statistics"
    FILTERS = ("frequency",)
    LIST_PREFETCH = ("files__document",)

    frequency = models.CharField(_("kỳ báo cáo"), max_length=10, choices=Frequency.choices)
    period = models.CharField(
        _("thời kỳ số liệu"), max_length=100, help_text=_("Ví dụ: Quý III năm 2026; 9 tháng năm 2026; Năm 2025.")
    )
    trigger_date = models.DateField(
        _("ngày quyết định công bố"),
        db_index=True,
        help_text=_(
            "Ngày thủ trưởng cơ quan quyết định công bố thông tin thống kê. "
            "Phải đăng trong 10 ngày làm việc kể từ ngày này (Điều 9.1.g)."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("frequency"), FieldPanel("period")]), FieldPanel("trigger_date")],
            heading=_("Thông tin báo cáo thống kê"),
        ),
        FieldPanel("summary"),
        InlinePanel("files", label=_("tệp đính kèm"), min_num=1),
    ]
    search_fields = [*PublicationPage.search_fields, index.SearchField("period")]
    parent_page_types = ["publications.StatisticsIndexPage"]

    class Meta:
        verbose_name = _("báo cáo thống kê")
        verbose_name_plural = _("báo cáo thống kê")
        indexes = [models.Index(fields=["frequency", "trigger_date"], name="publications_stats_frequency")]

    def facts(self):
        return [
            (_("Kỳ báo cáo"), self.get_frequency_display()),
            (_("Thời kỳ số liệu"), self.period),
            (_("Ngày quyết định công bố"), dmy(self.trigger_date)),
        ]


class StatisticsReportFile(PublicationFile):
    page = ParentalKey(StatisticsReportPage, on_delete=models.CASCADE, related_name="files")


class StatisticsIndexPage(PublicationIndexPage):
    """A site's statistics reports (/quy-hoach-ke-hoach-du-an/thong-ke/)."""

    subpage_types = ["publications.StatisticsReportPage"]
    item_model = StatisticsReportPage

    class Meta:
        verbose_name = _("chuyên mục thống kê")
        verbose_name_plural = _("chuyên mục thống kê")
