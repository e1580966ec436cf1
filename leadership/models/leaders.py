"""Leaders (lãnh đạo, Điều 8.2.a): one page per leader under the site's "Lãnh đạo" section, with position, rank,
photo, short biography, contacts and their duties (phân công nhiệm vụ) as rows: the fields they are in charge of
and the agencies and areas they follow."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models.pages import RICH_TEXT_FEATURES, SectionPage
from home.models.records import PublishedRecordMixin
from leadership.sync import SynchronizedFieldsMixin


class LeaderIndexPage(SectionPage):
    """A site's "Lãnh đạo" section (under "Giới thiệu"): its leaders by rank, each linking to their page."""

    parent_page_types = ["home.IndexPage"]
    subpage_types = ["leadership.LeaderPage"]
    max_count_per_parent = 1
    template = "leadership/leader_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục lãnh đạo")
        verbose_name_plural = _("chuyên mục lãnh đạo")

    def listing(self):
        from leadership.queries import leaders_in

        return leaders_in(self)

    def get_context(self, request, *args, **kwargs):
        context = Page.get_context(self, request, *args, **kwargs)
        context["leaders"] = self.listing()
        return context


class LeaderPage(SynchronizedFieldsMixin, PublishedRecordMixin, Page):
    """One leader: the title is their full name. Shows their duties and their schedule for the current week."""

    position = models.CharField(
        _("chức vụ"), max_length=255, help_text=_("Ví dụ: Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh")
    )
    rank = models.PositiveSmallIntegerField(
        _("thứ tự"),
        default=100,
        db_index=True,
        help_text=_(
            "Thứ tự trong danh sách lãnh đạo, số nhỏ đứng trước (1: người đứng đầu). Bản tiếng Anh lấy theo bản "
            "tiếng Việt."
        ),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh chân dung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("mô tả ảnh"),
        max_length=255,
        blank=True,
        help_text=_("Cho người không xem được ảnh, ví dụ: “Ông Nguyễn Văn A, Chủ tịch UBND tỉnh”."),
    )
    photo_caption = models.CharField(
        _("chú thích ảnh"),
        max_length=255,
        blank=True,
        help_text=_("Hiện dưới ảnh: nguồn ảnh, hoặc “Ảnh minh họa” khi không phải ảnh thật."),
    )
    biography = RichTextField(
        _("tiểu sử tóm tắt"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Năm sinh, quê quán, trình độ, quá trình công tác chính."),
    )
    duties_basis = models.CharField(
        _("căn cứ phân công"),
        max_length=255,
        blank=True,
        help_text=_("Văn bản phân công nhiệm vụ và thời điểm của thông tin, ví dụ: “Quyết định ngày 09/10/2025”."),
    )
    phone = models.CharField(_("điện thoại cơ quan"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử công vụ"), blank=True)

    content_panels = [
        FieldPanel("title", heading=_("Họ và tên")),
        FieldPanel("position"),
        FieldPanel("rank"),
        MultiFieldPanel(
            [FieldPanel("photo"), FieldPanel("photo_alt"), FieldPanel("photo_caption")], heading=_("Ảnh chân dung")
        ),
        FieldPanel("biography"),
        MultiFieldPanel(
            [FieldPanel("duties_basis"), InlinePanel("responsibilities", label=_("nhiệm vụ được phân công"))],
            heading=_("Phân công nhiệm vụ"),
        ),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Liên hệ")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("position"), index.SearchField("biography")]
    override_translatable_fields = [
        SynchronizedField("rank"),
        SynchronizedField("photo"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]
    synchronized_fields = ["rank", "photo", "phone", "email"]
    parent_page_types = ["leadership.LeaderIndexPage"]
    subpage_types = []
    template = "leadership/leader_page.html"

    class Meta:
        verbose_name = _("lãnh đạo")
        verbose_name_plural = _("lãnh đạo")

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": _("Hãy mô tả ảnh cho người không xem được ảnh.")})

    def get_context(self, request, *args, **kwargs):
        from leadership.queries import leader_week, responsibilities_of

        context = super().get_context(request, *args, **kwargs)
        context["responsibilities"] = responsibilities_of(self)
        context["week"] = leader_week(self, request)
        context["today"] = timezone.localdate()
        return context


class LeaderResponsibility(TranslatableMixin, Orderable):
    """One line of a leader's duties: a field in charge, an agency followed or an area (commune, ward) followed."""

    class Kind(models.TextChoices):
        FIELD = "linh-vuc", _("Lĩnh vực phụ trách")
        AGENCY = "co-quan", _("Cơ quan, đơn vị theo dõi")
        AREA = "dia-ban", _("Địa bàn theo dõi")

    page = ParentalKey(LeaderPage, on_delete=models.CASCADE, related_name="responsibilities")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.FIELD)
    name = models.CharField(
        _("nội dung"), max_length=255, help_text=_("Ví dụ: “Y tế”, “Sở Tài chính”, “Xã Tư Nghĩa”: mỗi dòng một mục.")
    )
    agency = models.ForeignKey(
        "home.Agency",
        verbose_name=_("trang của cơ quan, địa phương"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Khi cơ quan, địa phương theo dõi có trang trên cổng: liên kết đến trang đó."),
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("name")]), FieldPanel("agency")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("nhiệm vụ được phân công")
        verbose_name_plural = _("nhiệm vụ được phân công")

    def __str__(self):
        return self.name
