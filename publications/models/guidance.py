"""Legal dissemination and guidance (tuyên truyền, phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách;
Điều 8.2.d): posted within 15 working days of the law or policy being issued (Điều 9.1.b)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models.pages import RICH_TEXT_FEATURES

from .base import PostingLimitMixin, PublicationFile, PublicationIndexPage, PublicationPage, dmy


class GuidanceKind(models.TextChoices):
    DISSEMINATION = "pho-bien", _("Tuyên truyền, phổ biến")
    GUIDANCE = "huong-dan", _("Hướng dẫn thực hiện")
    QUESTIONS = "hoi-dap", _("Hỏi đáp pháp luật")


class GuidancePage(PostingLimitMixin, PublicationPage):
    """An article or guide that explains a law, regime or policy in the agency's remit, and how to apply it; it names
    the text it explains (and links to it when the library has it)."""

    POSTING_CATEGORY = "dissemination"
    FILTERS = ("kind",)
    LIST_RELATED = ("policy_document",)
    LIST_PREFETCH = ("files__document",)

    kind = models.CharField(_("loại"), max_length=20, choices=GuidanceKind.choices, default=GuidanceKind.DISSEMINATION)
    policy = models.CharField(
        _("văn bản, chính sách được phổ biến"),
        max_length=500,
        help_text=_("Ví dụ: Luật Tổ chức chính quyền địa phương số 72/2025/QH15."),
    )
    policy_document = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("văn bản trong thư viện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Chọn văn bản trong mục “Văn bản” nếu đã đăng, để người đọc mở được toàn văn."),
    )
    trigger_date = models.DateField(
        _("ngày ban hành văn bản, chính sách"),
        db_index=True,
        help_text=_(
            "Ngày văn bản pháp luật, chế độ, chính sách chính thức được ban hành. "
            "Phải đăng trong 15 ngày làm việc kể từ ngày này (Điều 9.1.b)."
        ),
    )
    body = RichTextField(_("nội dung"), features=["h2", "h3", *RICH_TEXT_FEATURES])

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("policy"), FieldPanel("trigger_date")]),
                PageChooserPanel("policy_document", "legal_documents.LegalDocumentPage"),
            ],
            heading=_("Văn bản, chính sách được phổ biến"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("files", label=_("tệp đính kèm")),
    ]
    search_fields = [*PublicationPage.search_fields, index.SearchField("policy"), index.SearchField("body")]
    parent_page_types = ["publications.GuidanceIndexPage"]

    class Meta:
        verbose_name = _("bài phổ biến, hướng dẫn pháp luật")
        verbose_name_plural = _("phổ biến, hướng dẫn pháp luật")
        indexes = [models.Index(fields=["kind", "trigger_date"], name="publications_guidance_kind")]

    def facts(self):
        return [
            (_("Loại"), self.get_kind_display()),
            (_("Văn bản, chính sách"), self.policy),
            (_("Ngày ban hành"), dmy(self.trigger_date)),
        ]


class GuidanceFile(PublicationFile):
    page = ParentalKey(GuidancePage, on_delete=models.CASCADE, related_name="files")


class GuidanceIndexPage(PublicationIndexPage):
    """A site's legal dissemination and guidance (/van-ban/pho-bien-giao-duc-phap-luat/), beside its library."""

    parent_page_types = ["legal_documents.LegalDocumentIndexPage"]
    subpage_types = ["publications.GuidancePage"]
    item_model = GuidancePage

    class Meta:
        verbose_name = _("chuyên mục phổ biến, giáo dục pháp luật")
        verbose_name_plural = _("chuyên mục phổ biến, giáo dục pháp luật")
