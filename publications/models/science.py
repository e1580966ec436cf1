"""Science and technology programmes and topics (Điều 9.1.e): posted within 20 working days of their approval or
acceptance."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from .base import PostingLimitMixin, PublicationFile, PublicationIndexPage, PublicationPage, dmy


class ScienceKind(models.TextChoices):
    PROGRAMME = "chuong-trinh", _("Chương trình")
    TOPIC = "de-tai", _("Đề tài")
    PROJECT = "du-an", _("Dự án khoa học và công nghệ")


class ScienceStatus(models.TextChoices):
    APPROVED = "phe-duyet", _("Đã phê duyệt")
    IN_PROGRESS = "dang-thuc-hien", _("Đang thực hiện")
    ACCEPTED = "nghiem-thu", _("Đã nghiệm thu")


class ScienceProgrammePage(PostingLimitMixin, PublicationPage):
    """A science and technology programme, topic or project: its host organisation, lead, status and the date it
    was approved or accepted, with a summary and files."""

    POSTING_CATEGORY = "science"
    FILTERS = ("kind", "status")
    LIST_PREFETCH = ("files__document",)

    kind = models.CharField(_("loại"), max_length=20, choices=ScienceKind.choices, default=ScienceKind.TOPIC)
    code = models.CharField(_("mã số"), max_length=50, blank=True, help_text=_("Mã số nhiệm vụ, nếu có."))
    host_organisation = models.CharField(_("tổ chức chủ trì"), max_length=255)
    lead = models.CharField(_("chủ nhiệm"), max_length=255, blank=True)
    status = models.CharField(_("tình trạng"), max_length=20, choices=ScienceStatus.choices)
    trigger_date = models.DateField(
        _("ngày phê duyệt hoặc nghiệm thu"),
        db_index=True,
        help_text=_(
            "Ngày phê duyệt (khi đăng lúc bắt đầu) hoặc ngày nghiệm thu (khi đăng kết quả). "
            "Phải đăng trong 20 ngày làm việc kể từ ngày này (Điều 9.1.e)."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("code")]),
                FieldRowPanel([FieldPanel("host_organisation"), FieldPanel("lead")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("trigger_date")]),
            ],
            heading=_("Thông tin chương trình, đề tài"),
        ),
        FieldPanel("summary"),
        InlinePanel("files", label=_("tệp đính kèm")),
    ]
    search_fields = [
        *PublicationPage.search_fields,
        index.SearchField("code"),
        index.SearchField("host_organisation"),
        index.SearchField("lead"),
    ]
    parent_page_types = ["publications.ScienceIndexPage"]

    class Meta:
        verbose_name = _("chương trình, đề tài khoa học")
        verbose_name_plural = _("chương trình, đề tài khoa học")
        indexes = [
            models.Index(fields=["kind", "trigger_date"], name="publications_science_kind"),
            models.Index(fields=["status", "trigger_date"], name="publications_science_status"),
        ]

    def facts(self):
        date_label = _("Ngày nghiệm thu") if self.status == ScienceStatus.ACCEPTED else _("Ngày phê duyệt")
        return [
            (_("Loại"), self.get_kind_display()),
            (_("Mã số"), self.code),
            (_("Tổ chức chủ trì"), self.host_organisation),
            (_("Chủ nhiệm"), self.lead),
            (_("Tình trạng"), self.get_status_display()),
            (date_label, dmy(self.trigger_date)),
        ]


class ScienceProgrammeFile(PublicationFile):
    page = ParentalKey(ScienceProgrammePage, on_delete=models.CASCADE, related_name="files")


class ScienceIndexPage(PublicationIndexPage):
    """A site's science and technology programmes (/quy-hoach-ke-hoach-du-an/khoa-hoc-cong-nghe/)."""

    subpage_types = ["publications.ScienceProgrammePage"]
    item_model = ScienceProgrammePage

    class Meta:
        verbose_name = _("chuyên mục khoa học, công nghệ")
        verbose_name_plural = _("chuyên mục khoa học, công nghệ")
