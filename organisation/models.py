"""The organisation chart (Điều 8.2.a) and the officials of its units (Điều 8.2.k), as Wagtail content.

Each site's "Giới thiệu" section holds an `OrganisationPage` ("Cơ cấu tổ chức", made by `create_agency_site`); under
it, the agency's units are `UnitPage`s, nested as the agency is (a sở's phòng under the sở on the portal, a centre's
teams under the centre). Units are pages so that they pass the site's BBT, keep their revisions, are translated
through wagtail-localize and are scoped to the site by the page permissions every site already has. A unit's
officials are rows of its page (`Official`), translated with it.
"""

from django.db import models
from django.http import Http404, HttpResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models.pages import RICH_TEXT_FEATURES
from home.models.records import PublishedRecordMixin
from vietnam.text import search_words

from .names import directory_sort_key


class OrganisationPage(PublishedRecordMixin, Page):
    """ "Cơ cấu tổ chức": the agency's units drawn as a nested list, the whole tree in a constant number of queries."""

    intro = RichTextField(
        _("giới thiệu"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Vài dòng về bộ máy của cơ quan, văn bản quy định cơ cấu tổ chức (nếu có)."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.IndexPage"]
    subpage_types = ["organisation.UnitPage"]

    class Meta:
        verbose_name = _("cơ cấu tổ chức")
        verbose_name_plural = _("cơ cấu tổ chức")

    def get_context(self, request, *args, **kwargs):
        from .queries import unit_tree

        context = super().get_context(request, *args, **kwargs)
        context["tree"] = unit_tree(self)
        return context


class UnitPage(PublishedRecordMixin, RoutablePageMixin, Page):
    """One unit of the agency (phòng, ban, chi cục, trung tâm, đơn vị trực thuộc…): its functions and duties, head,
    contact details and officials, with a vCard for the unit (`vcard/`) and one per official (`vcard/<id>/`)."""

    class Kind(models.TextChoices):
        LEADERSHIP = "lanh-dao", _("Lãnh đạo")
        OFFICE = "van-phong", _("Văn phòng")
        DEPARTMENT = "so-nganh", _("Sở, ban, ngành")
        DIVISION = "phong", _("Phòng, ban chuyên môn")
        SUB_DEPARTMENT = "chi-cuc", _("Chi cục")
        INSPECTORATE = "thanh-tra", _("Thanh tra")
        CENTRE = "trung-tam", _("Trung tâm")
        BOARD = "ban-quan-ly", _("Ban quản lý")
        PUBLIC_SERVICE = "su-nghiep", _("Đơn vị sự nghiệp trực thuộc")
        LOCAL_GOVERNMENT = "chinh-quyen-xa", _("Chính quyền xã, phường, đặc khu")
        OTHER = "khac", _("Đơn vị khác")

    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=Kind.choices, default=Kind.DIVISION)
    short_name = models.CharField(
        _("tên viết tắt"), max_length=100, blank=True, help_text=_("Ví dụ: “Sở NN&MT”, “DEZA”. Không bắt buộc.")
    )
    functions = RichTextField(
        _("chức năng, nhiệm vụ"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Chức năng, nhiệm vụ, quyền hạn của đơn vị; ghi văn bản quy định (nếu có)."),
    )
    head_name = models.CharField(_("họ và tên người đứng đầu"), max_length=255, blank=True)
    head_title = models.CharField(
        _("chức vụ người đứng đầu"), max_length=255, blank=True, help_text=_("Ví dụ: Giám đốc, Trưởng phòng.")
    )
    address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử công vụ"), blank=True)
    website = models.URLField(
        _("trang thông tin điện tử"),
        blank=True,
        help_text=_("Địa chỉ trang thông tin riêng của đơn vị (nếu có, ngoài cổng này)."),
    )
    agency = models.ForeignKey(
        "home.Agency",
        verbose_name=_("trang thành phần"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Trên Cổng tỉnh, đơn vị là một cơ quan có trang trên cổng này: chọn cơ quan để liên kết tới trang của nó."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("short_name")]),
        FieldPanel("functions"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("head_name"), FieldPanel("head_title")])], heading=_("Người đứng đầu")
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("agency"),
            ],
            heading=_("Liên hệ"),
        ),
        InlinePanel("officials", label=_("cán bộ, công chức")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("functions"),
        index.SearchField("head_name"),
        # The site search finds a unit by the names and titles of its officials (the directory finds the people).
        index.RelatedFields("officials", [index.SearchField("name"), index.SearchField("title")]),
        index.FilterField("kind"),
    ]
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("head_name", overridable=True),
        SynchronizedField("phone"),
        SynchronizedField("fax"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("agency"),
    ]
    parent_page_types = ["organisation.OrganisationPage", "organisation.UnitPage"]
    subpage_types = ["organisation.UnitPage"]

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    @path("")
    def index(self, request):
        return self.render(request)

    @path("vcard/", name="vcard")
    def unit_vcard(self, request):
        """The unit's vCard (text/vcard, UTF-8)."""
        from .vcards import unit_card, vcard_response

        return vcard_response(unit_card(self, request), self.slug)

    @path("vcard/<int:pk>/", name="official_vcard")
    def official_vcard(self, request, pk: int) -> HttpResponse:
        """The vCard of one official of this unit; 404 for anyone else's row."""
        from .vcards import official_card, vcard_response

        official = self.officials.filter(pk=pk).first()
        if official is None:
            raise Http404
        return vcard_response(official_card(official, self, request), official.slug)

    def get_context(self, request, *args, **kwargs):
        from .queries import unit_context

        context = super().get_context(request, *args, **kwargs)
        context.update(unit_context(self))
        return context

    @cached_property
    def site_url(self) -> str:
        """Where the unit's own site is: its agency's site on this network, else its website, else ""."""
        if self.agency_id and self.agency.site:
            site = self.agency.site
            return site.root_url + ("/en/" if self.locale.language_code == "en" else "/")
        return self.website


class Official(TranslatableMixin, Orderable):
    """One official of a unit (Điều 8.2.k): full name, title, phone, fax and official e-mail, listed on the unit's page
    and in the site's directory. `search_text` (folded, lower case) and `sort_name` (Vietnamese order by given name)
    follow the name and title on every save; bulk writes must set them with `searchable_fields()`."""

    unit = ParentalKey(UnitPage, on_delete=models.CASCADE, related_name="officials")
    name = models.CharField(_("họ và tên"), max_length=255, help_text=_("Họ trước, tên sau: “Nguyễn Quốc Việt”."))
    title = models.CharField(_("chức vụ"), max_length=255)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử công vụ"), blank=True)
    search_text = models.CharField(max_length=600, editable=False, blank=True)
    sort_name = models.CharField(max_length=600, editable=False, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")]),
    ]
    override_translatable_fields = [
        SynchronizedField("name", overridable=True),
        TranslatableField("title"),
        SynchronizedField("phone"),
        SynchronizedField("fax"),
        SynchronizedField("email"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("cán bộ, công chức")
        verbose_name_plural = _("cán bộ, công chức")
        indexes = [
            # The directory: a site's officials in one language, in name order (filters narrow by the unit's path).
            models.Index(fields=["locale", "sort_name"], name="official_locale_sort_idx"),
            # A GIN trigram index on search_text is added on PostgreSQL by migration 0002.
        ]

    def __str__(self):
        return f"{self.name} – {self.title}"

    def save(self, *args, **kwargs):
        self.search_text, self.sort_name = searchable_fields(self.name, self.title)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "sort_name"}
        super().save(*args, **kwargs)

    @property
    def slug(self) -> str:
        """A file name for the official's vCard: the name without diacritics."""
        return "-".join(search_words(self.name)) or f"can-bo-{self.pk}"


def searchable_fields(name: str, title: str) -> tuple[str, str]:
    """(search_text, sort_name) of an official: the name and title folded, in lower case, with a space before every
    word so that a query word matches the start of a word; and the name's Vietnamese sort key."""
    words = search_words(f"{name} {title}")
    # Three digits a letter: a key longer than the column (a name of 200 letters) is cut, its order barely changed.
    return " " + " ".join(words) + " ", directory_sort_key(name)[:600]
