"""History, culture, relics and scenic spots (R4 a, Điều 8.2.a): a section on every site and its pages, each with a
main image, its recognition as a relic and a gallery."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from groundwork.paging import paginate
from home.blocks import BodyBlock
from home.models.pages import SectionPage
from home.models.records import PublishedRecordMixin


class HeritageIndexPage(SectionPage):
    """ "Lịch sử, văn hóa, di tích, danh thắng": the site's heritage pages as cards, filtered by category."""

    parent_page_types = ["home.IndexPage"]
    subpage_types = ["territory.HeritagePage"]
    max_count_per_parent = 1
    template = "territory/heritage_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục lịch sử, văn hóa")
        verbose_name_plural = _("chuyên mục lịch sử, văn hóa")

    def get_context(self, request, *args, **kwargs):
        from territory.queries import heritage_listing

        context = Page.get_context(self, request, *args, **kwargs)
        listing = heritage_listing(self, request)
        context["listing"] = listing
        context["children"] = paginate(request, listing.pages)
        return context


class HeritagePage(PublishedRecordMixin, Page):
    """A page of history, culture, a relic (di tích) or a scenic spot (danh thắng), with its images."""

    class Category(models.TextChoices):
        HISTORY = "lich-su", _("Lịch sử")
        CULTURE = "van-hoa", _("Văn hóa")
        RELIC = "di-tich", _("Di tích")
        SCENIC_SPOT = "danh-thang", _("Danh thắng")

    class Recognition(models.TextChoices):
        NONE = "", _("Chưa xếp hạng / không áp dụng")
        SPECIAL_NATIONAL = "quoc-gia-dac-biet", _("Di tích quốc gia đặc biệt")
        NATIONAL = "quoc-gia", _("Di tích quốc gia")
        PROVINCIAL = "cap-tinh", _("Di tích cấp tỉnh")
        INTANGIBLE_NATIONAL = "phi-vat-the-quoc-gia", _("Di sản văn hóa phi vật thể quốc gia")

    category = models.CharField(_("loại"), max_length=12, choices=Category.choices, db_index=True)
    lead = models.TextField(_("sapo / tóm tắt"), max_length=1000, help_text=_("Một, hai câu, hiện ở danh sách."))
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh chính"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("mô tả ảnh chính (cho người khiếm thị)"),
        max_length=255,
        blank=True,
        help_text=_("Ảnh cho thấy gì, trong một câu; bắt buộc khi có ảnh chính."),
    )
    main_image_credit = models.CharField(
        _("tác giả, giấy phép ảnh chính"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: “Ảnh: Nguyễn Văn A, CC BY-SA 4.0” hoặc “Ảnh minh họa”."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)
    location = models.CharField(
        _("địa điểm"), max_length=255, blank=True, help_text=_("Ví dụ: thôn Tư Cung, xã Tịnh Khê.")
    )
    administrative_unit = models.ForeignKey(
        "territory.AdministrativeUnit",
        verbose_name=_("thuộc đơn vị hành chính"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recognition = models.CharField(
        _("xếp hạng, công nhận"), max_length=24, choices=Recognition.choices, blank=True, default=""
    )
    recognition_decision = models.CharField(
        _("quyết định xếp hạng"),
        max_length=255,
        blank=True,
        help_text=_("Số, ngày và cơ quan ban hành quyết định, nếu biết."),
    )
    source = models.CharField(
        _("nguồn"), max_length=255, blank=True, help_text=_("Bắt buộc ghi khi đăng lại, trích dẫn (Điều 5.3).")
    )
    source_url = models.URLField(_("liên kết nguồn"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("category"), FieldPanel("administrative_unit")]),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("main_image"), FieldPanel("main_image_alt"), FieldPanel("main_image_credit")],
            heading=_("Ảnh chính"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("location"), FieldPanel("recognition"), FieldPanel("recognition_decision")],
            heading=_("Địa điểm, xếp hạng"),
        ),
        InlinePanel("gallery", label=_("ảnh trong bộ sưu tập")),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("source_url")], heading=_("Nguồn")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("location"),
        index.FilterField("category"),
    ]
    parent_page_types = ["territory.HeritageIndexPage"]
    subpage_types = []
    template = "territory/heritage_page.html"

    class Meta:
        verbose_name = _("trang lịch sử, văn hóa, di tích")
        verbose_name_plural = _("trang lịch sử, văn hóa, di tích")

    def clean(self):
        super().clean()
        if self.main_image_id and not self.main_image_alt.strip():
            raise ValidationError({"main_image_alt": _("Hãy mô tả ảnh chính cho người khiếm thị.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The images and all their renditions in two queries, however long the gallery.
        images = get_image_model().objects.prefetch_renditions()
        context["gallery"] = self.gallery.prefetch_related(Prefetch("image", queryset=images))
        return context


class HeritageGalleryImage(TranslatableMixin, Orderable):
    """One image of a heritage page's gallery, with its caption and who made it under which licence.

    Translatable: the English page's rows share their `translation_key` with the Vietnamese ones, and hold the
    caption in English.
    """

    page = ParentalKey(HeritagePage, on_delete=models.CASCADE, related_name="gallery")
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("ảnh"), on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        _("mô tả ảnh (cho người khiếm thị)"), max_length=255, help_text=_("Ảnh cho thấy gì, trong một câu.")
    )
    caption = models.CharField(_("chú thích"), max_length=500, blank=True)
    credit = models.CharField(
        _("tác giả, giấy phép"), max_length=255, help_text=_("Ví dụ: “Ảnh: Nguyễn Văn A, CC BY-SA 4.0”.")
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption"), FieldPanel("credit")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("ảnh trong bộ sưu tập")
        verbose_name_plural = _("ảnh trong bộ sưu tập")
