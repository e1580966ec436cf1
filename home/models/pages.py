"""Site roots, section indexes, general pages and the official contacts page."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from groundwork.paging import paginate
from home.blocks import BodyBlock
from home.feeds import FEED_SLUG, section_feed

from .menus import MenuTitleMixin
from .records import PublishedRecordMixin, not_withdrawn

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HomePage(PublishedRecordMixin, Page):
    """The root of one site (portal, agency or local government) in one language."""

    intro = RichTextField(_("giới thiệu ngắn"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from home.queries import home_news, site_frame

        context = super().get_context(request, *args, **kwargs)
        frame = site_frame(request)
        if frame.is_root(self):
            # The sections are the frame's menu, and the news is kept with it: no query while nothing changes.
            sections = frame.menu
            context.update(frame.home_news(self))
        else:
            sections = list(not_withdrawn(self.get_children().live().in_menu()).specific())
            context.update(home_news(self, request))
        context["sections"] = sections
        context["citizen_links"] = citizen_links(sections, request)
        return context

    @cached_property
    def is_portal(self) -> bool:
        """Whether this is the provincial portal's home (which also shows its agencies' news)."""
        from .agencies import Agency

        return Agency.objects.filter(
            kind=Agency.Kind.PORTAL, site__root_page__translation_key=self.translation_key
        ).exists()


def citizen_links(sections: list[Page], request) -> dict:
    """What a citizen comes for, from the home page's sections (found by their page type, as home/sections.py names
    them): the procedures catalogue, those that take dossiers online, the dossier lookup, the document search, the
    questions (ask, read answers). A site without one of these sections lacks that link."""
    by_type = {page._meta.label: page for page in sections}
    links = {}
    procedures = by_type.get("services.ProcedureIndexPage")
    if procedures is not None:
        url = procedures.get_url(request)
        links["procedures"] = url
        # The catalogue's filter of procedures offered wholly online (services.catalogue: ?dich-vu=toan-trinh).
        links["submit"] = f"{url}?dich-vu=toan-trinh"
        links["track"] = url + procedures.reverse_subpage("track")
    documents = by_type.get("legal_documents.LegalDocumentIndexPage")
    if documents is not None:
        links["documents"] = documents.get_url(request)
    questions = by_type.get("feedback.QuestionIndexPage")
    if questions is not None:
        url = questions.get_url(request)
        links["questions"] = url
        links["ask"] = url + questions.reverse_subpage("ask")
    return links


class SectionPage(MenuTitleMixin, PublishedRecordMixin, Page):
    """A section (chuyên mục): an introduction and its pages, paginated. Abstract."""

    intro = RichTextField(_("giới thiệu chuyên mục"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    def listing(self):
        """What the section lists; subclasses narrow or reorder it."""
        return not_withdrawn(self.get_children().live()).specific()

    def route(self, request, path_components):
        # <section>/feed/ is the section's Atom feed (home.feeds), unless a page or a route of its own takes it:
        # a subclass's RoutablePageMixin routes come first, and a child page with that slug wins.
        if path_components == [FEED_SLUG] and self.live and not self.get_children().filter(slug=FEED_SLUG).exists():
            request.section_feed = self.pk
            return RouteResult(self)
        return super().route(request, path_components)

    def serve(self, request, *args, **kwargs):
        if getattr(request, "section_feed", None) == self.pk:
            return section_feed(request, self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = paginate(request, self.listing())
        return context


class IndexPage(SectionPage):
    """A general section, e.g. "Giới thiệu" (R4 a) or "Quy hoạch, kế hoạch" (R4 đ)."""

    subpage_types = [
        "home.StandardPage",
        "home.IndexPage",
        "home.ContactPage",
        "organisation.OrganisationPage",
        "territory.HeritageIndexPage",
        "territory.AdministrativeMapPage",
        "publications.PlanIndexPage",
        "procurement.ProcurementIndexPage",
        "publications.StatisticsIndexPage",
        "publications.ScienceIndexPage",
        "publications.CommendationIndexPage",
        "legal_documents.DirectiveIndexPage",
        "leadership.LeaderIndexPage",
        "leadership.ScheduleIndexPage",
    ]

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")


class StandardPage(PublishedRecordMixin, Page):
    """A general information page (R4 a, d, đ, h, m): introduction, guidance, plans, other information."""

    lead = models.TextField(_("sapo / tóm tắt"), blank=True, max_length=1000)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)
    author = models.CharField(_("tác giả"), max_length=255, blank=True)
    source = models.CharField(
        _("nguồn"), max_length=255, blank=True, help_text=_("Bắt buộc ghi khi đăng lại, trích dẫn (Điều 5.3).")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("author"), FieldPanel("source")], heading=_("Tác giả, nguồn")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("trang thông tin")
        verbose_name_plural = _("trang thông tin")


class ContactPage(MenuTitleMixin, PublishedRecordMixin, Page):
    """Contacts of competent officials (R4 k, Điều 8.2.k) and the site's own contact details.

    Apps above `home` add sections to it through the `contact_page_sections` hook: each function registered for it
    takes the page and the request and returns HTML to show below the focal contacts, or "" (the organisation app's
    directory of officials).
    """

    intro = RichTextField(_("giới thiệu"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("contacts", label=_("cán bộ, công chức đầu mối")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = []

    class Meta:
        verbose_name = _("trang liên hệ")
        verbose_name_plural = _("trang liên hệ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contacts"] = self.contacts.all()
        context["more_sections"] = [
            html for section in hooks.get_hooks("contact_page_sections") if (html := section(self, request))
        ]
        return context


class OfficialContact(Orderable):
    """One official's published contact: full name, title, unit, phone/fax, official e-mail."""

    page = ParentalKey(ContactPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("họ và tên"), max_length=255)
    position = models.CharField(_("chức vụ"), max_length=255)
    unit = models.CharField(_("đơn vị công tác"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử công vụ"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("unit"),
        FieldPanel("phone"),
        FieldPanel("fax"),
        FieldPanel("email"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("cán bộ đầu mối")
        verbose_name_plural = _("cán bộ đầu mối")

    def __str__(self):
        return f"{self.name} – {self.position}"
