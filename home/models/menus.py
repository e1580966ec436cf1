"""The short label a section shows in the site's menu."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class MenuTitleMixin(models.Model):
    """A page listed in the menu under a short label (`menu_title`, translatable), or its title when it has none."""

    menu_title = models.CharField(
        _("tên ngắn trên thanh menu"),
        max_length=30,
        blank=True,
        help_text=_(
            "Tên hiện trên thanh menu chính, ngắn để cả menu nằm trên một dòng (ví dụ: “Quy hoạch, dự án”). "
            "Để trống thì dùng tiêu đề trang."
        ),
    )

    class Meta:
        abstract = True

    promote_panels = [
        Page.promote_panels[0],
        MultiFieldPanel([FieldPanel("show_in_menus"), FieldPanel("menu_title")], heading=_("Trên thanh menu")),
    ]
