"""News and events (R4 b)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from groundwork.models import NamedListItem
from home.blocks import BodyBlock

from .pages import SectionPage
from .records import PublishedRecordMixin

# The category existing and new articles get unless the editor chooses another (home migration 0005 makes it).
DEFAULT_CATEGORY_SLUG = "tin-hoat-dong"


class NewsCategory(NamedListItem):
    """A kind of news (Tin hoạt động, Thông báo, Chỉ đạo điều hành…), the same list on every site (Điều 8.2.b)."""

    class Meta(NamedListItem.Meta):
        verbose_name = _("loại tin")
        verbose_name_plural = _("loại tin")


def default_news_category() -> int | None:
    """The pk of "Tin hoạt động" (or of the first category if an administrator removed it), for new articles."""
    category = NewsCategory.objects.filter(slug=DEFAULT_CATEGORY_SLUG).first() or NewsCategory.objects.first()
    return category.pk if category else None


class Origin(models.TextChoices):
    """Where an article's content comes from: its own writing, or reposted or quoted material (Điều 5.3)."""

    OWN = "tu-viet", _("Tin, bài của cơ quan")
    REPOSTED = "dang-lai", _("Đăng lại")
    QUOTED = "trich-dan", _("Trích dẫn")


class NewsIndexPage(SectionPage):
    """The site's news section: articles newest first, paginated, filtered by category (?loai=…)."""

    subpage_types = ["home.NewsPage", "home.NewsIndexPage"]

    class Meta:
        verbose_name = _("chuyên mục tin tức")
        verbose_name_plural = _("chuyên mục tin tức")

    def listing(self):
        from home.queries import news_under

        return news_under(self)

    def get_context(self, request, *args, **kwargs):
        from groundwork.paging import paginate
        from home.queries import news_categories

        context = Page.get_context(self, request, *args, **kwargs)
        categories = news_categories()
        param = category_param()
        chosen = next((item for item in categories if item.slug == request.GET.get(param)), None)
        articles = self.listing()
        if chosen is not None:
            articles = articles.filter(category=chosen)
        context.update(
            children=paginate(request, articles),
            categories=categories,
            category_param=param,
            chosen_category=chosen,
        )
        return context


def category_param() -> str:
    """The news index's query parameter for the category, in the language being served."""
    from django.utils.translation import get_language

    return "category" if get_language() == "en" else "loai"


class NewsPage(PublishedRecordMixin, Page):
    """A news article; reposted or quoted material names its author and source (Điều 5.3)."""

    date = models.DateTimeField(_("ngày đăng"), default=timezone.now, db_index=True)
    lead = models.TextField(_("sapo"), max_length=1000, help_text=_("Một, hai câu tóm tắt, hiện ở danh sách tin."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"))
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("loại tin"),
        on_delete=models.PROTECT,
        related_name="+",
        default=default_news_category,
        help_text=_("Danh sách tin lọc theo loại tin; danh mục do quản trị viên sửa trong Cài đặt → Loại tin."),
    )
    featured = models.BooleanField(
        _("tin nổi bật"), default=False, help_text=_("Tin nổi bật đứng đầu trang chủ, trước các tin mới khác.")
    )
    author = models.CharField(_("tác giả"), max_length=255, blank=True)
    origin = models.CharField(
        _("nguồn gốc tin, bài"),
        max_length=10,
        choices=Origin.choices,
        default=Origin.OWN,
        help_text=_("Tin, bài đăng lại hoặc trích dẫn phải ghi rõ nguồn và liên kết đến nguồn (Điều 5.3)."),
    )
    source = models.CharField(
        _("nguồn"),
        max_length=255,
        blank=True,
        help_text=_("Tên báo, trang hoặc cơ quan nơi tin, bài được đăng lần đầu."),
    )
    source_url = models.URLField(
        _("liên kết nguồn"), blank=True, help_text=_("Địa chỉ bài gốc, bắt đầu bằng https:// hoặc http://.")
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("featured"),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("origin"), FieldPanel("source"), FieldPanel("source_url")],
            heading=_("Tác giả, nguồn"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")
        indexes = [models.Index(fields=["-featured", "-date"], name="news_featured_date")]

    def clean(self):
        """Reposted or quoted material names its source and links to it (Điều 5.3); each missing one is an error
        on its own field, which the page editor shows there."""
        super().clean()
        if self.origin == Origin.OWN:
            return
        errors = {}
        if not (self.source or "").strip():
            errors["source"] = _("Tin, bài đăng lại hoặc trích dẫn phải ghi tên nguồn.")
        if not (self.source_url or "").strip():
            errors["source_url"] = _("Tin, bài đăng lại hoặc trích dẫn phải có liên kết đến bài gốc.")
        if errors:
            raise ValidationError(errors)
