"""News and events (R4 b)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock

from .pages import SectionPage
from .records import PublishedRecordMixin


class NewsIndexPage(SectionPage):
    """The site's news section: articles newest first, paginated."""

    subpage_types = ["home.NewsPage", "home.NewsIndexPage"]

    class Meta:
        verbose_name = _("chuyên mục tin tức")
        verbose_name_plural = _("chuyên mục tin tức")

    def listing(self):
        from home.queries import news_under

        return news_under(self)


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
    author = models.CharField(_("tác giả"), max_length=255, blank=True)
    source = models.CharField(_("nguồn"), max_length=255, blank=True, help_text=_("Bắt buộc khi đăng lại (Điều 5.3)."))
    source_url = models.URLField(_("liên kết nguồn"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("source"), FieldPanel("source_url")], heading=_("Tác giả, nguồn")
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")
