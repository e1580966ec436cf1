"""The portal's administrative map down to commune level (R4 a): the list of units and the map drawn from the
repository's GeoJSON file, both rendered on the server."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models.pages import RICH_TEXT_FEATURES
from home.models.records import PublishedRecordMixin


class AdministrativeMapPage(PublishedRecordMixin, Page):
    """ "Bản đồ hành chính": the province's 96 xã, phường and đặc khu, as a map and as a list grouped by letter.

    Visitors filter the list by kind (?loai=xa); each unit links to its own site where the portal has one.
    """

    intro = RichTextField(_("giới thiệu"), blank=True, features=RICH_TEXT_FEATURES)
    map_note = models.TextField(
        _("ghi chú về bản đồ"),
        blank=True,
        max_length=2000,
        help_text=_(
            "Nguồn dữ liệu ranh giới và giấy phép, hoặc lời nói rõ bản đồ là sơ đồ; hiện dưới bản đồ. Để trống thì "
            "dùng ghi chú mặc định."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("map_note")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.IndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "territory/administrative_map_page.html"

    class Meta:
        verbose_name = _("bản đồ hành chính")
        verbose_name_plural = _("bản đồ hành chính")

    def get_context(self, request, *args, **kwargs):
        from territory.mapping import province_map
        from territory.queries import UnitListing

        context = super().get_context(request, *args, **kwargs)
        listing = UnitListing.from_request(request)
        context["listing"] = listing
        context["map"] = province_map(listing.all_units, self.get_url(request))
        return context
