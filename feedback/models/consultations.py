"""Public consultation (R8, Điều 8.2.i): a draft put out for comment until a deadline, the comments
(moderated, approved ones public), and afterwards the agency's report on how it took them into account."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models.pages import RICH_TEXT_FEATURES, SectionPage
from home.models.records import PublishedRecordMixin


class ConsultationIndexPage(SectionPage):
    """A site's consultations section (/lay-y-kien/): open consultations first, then upcoming, then closed ones."""

    subpage_types = ["feedback.ConsultationPage"]
    max_count_per_parent = 1
    template = "feedback/consultation_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục lấy ý kiến")
        verbose_name_plural = _("chuyên mục lấy ý kiến")

    def listing(self):
        from feedback.consultations import consultation_listing

        return consultation_listing(self)


class ConsultationPage(PublishedRecordMixin, Page):
    """One matter put out for comment: its text and draft, the period, where comments go, and the report."""

    class State(models.TextChoices):
        UPCOMING = "sap-mo", _("Sắp lấy ý kiến")
        OPEN = "dang-lay-y-kien", _("Đang lấy ý kiến")
        CLOSED = "da-ket-thuc", _("Đã kết thúc")

    summary = models.TextField(_("tóm tắt"), max_length=1000)
    body = RichTextField(_("nội dung lấy ý kiến"), features=RICH_TEXT_FEATURES)
    draft = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dự thảo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    opens_at = models.DateTimeField(_("bắt đầu lấy ý kiến"))
    closes_at = models.DateTimeField(_("hết hạn góp ý"))
    receiving_agency = models.CharField(_("cơ quan tiếp nhận ý kiến"), max_length=255)
    address = models.CharField(_("địa chỉ nhận ý kiến"), max_length=255)
    email = models.EmailField(_("thư điện tử nhận ý kiến"))
    report = RichTextField(
        _("báo cáo tiếp thu, giải trình"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Sau khi hết hạn: cơ quan đã tiếp thu, giải trình các ý kiến góp ý như thế nào."),
    )
    report_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp báo cáo tiếp thu"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("draft"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("receiving_agency"),
                FieldRowPanel([FieldPanel("address"), FieldPanel("email")]),
            ],
            heading=_("Thời gian và nơi nhận ý kiến"),
        ),
        MultiFieldPanel([FieldPanel("report"), FieldPanel("report_file")], heading=_("Kết quả lấy ý kiến")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["feedback.ConsultationIndexPage"]
    subpage_types = []
    template = "feedback/consultation_page.html"

    class Meta:
        verbose_name = _("lấy ý kiến")
        verbose_name_plural = _("lấy ý kiến")
        indexes = [models.Index(fields=["closes_at"], name="feedback_consultation_closes")]

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Hạn góp ý phải sau thời điểm bắt đầu.")})

    def state(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return self.State.UPCOMING
        if now < self.closes_at:
            return self.State.OPEN
        return self.State.CLOSED

    @property
    def state_label(self) -> str:
        return self.State(self.state()).label

    @property
    def is_open(self) -> bool:
        return self.state() == self.State.OPEN

    def get_context(self, request, *args, **kwargs):
        from feedback.consultations import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self, request, form=kwargs.get("form"), refused=kwargs.get("refused")))
        return context

    def serve(self, request, *args, **kwargs):
        """The page; a POST is a comment (feedback.consultations.receive_comment), then redirect or show errors."""
        from feedback.consultations import receive_comment

        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        request.sensitive_post_parameters = "__ALL__"  # an error report never carries a citizen's data
        outcome = receive_comment(self, request)
        if "redirect" in outcome:
            return outcome["redirect"]
        response = super().serve(request, *args, form=outcome.get("form"), refused=outcome.get("refused"), **kwargs)
        response.status_code = outcome["status"]
        return response


class ConsultationComment(models.Model):
    """A comment sent on a consultation: public once the site's editorial board approves it."""

    class Status(models.TextChoices):
        PENDING = "cho-duyet", _("Chờ duyệt")
        APPROVED = "da-duyet", _("Đã duyệt")
        REJECTED = "khong-duyet", _("Không duyệt")

    # Not "comments": Wagtail's own editor comments use that name on every page.
    page = models.ForeignKey(ConsultationPage, on_delete=models.CASCADE, related_name="public_comments")
    name = models.CharField(_("họ và tên"), max_length=150)
    organisation = models.CharField(_("cơ quan, tổ chức"), max_length=255, blank=True)
    email = models.EmailField(_("thư điện tử"))
    article = models.CharField(_("điều, khoản góp ý"), max_length=100, blank=True)
    body = models.TextField(_("nội dung góp ý"), max_length=10000)
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("ngày gửi"), default=timezone.now, editable=False)
    moderated_at = models.DateTimeField(_("ngày duyệt"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = _("ý kiến góp ý")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["page", "status", "created_at"], name="feedback_comment_page"),
            models.Index(fields=["created_at"], name="feedback_comment_created"),  # the operations report's periods
        ]

    def __str__(self):
        return f"{self.name}: {self.body[:60]}"
