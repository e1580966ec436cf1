"""The legal-documents section of each site and its documents (R5, Điều 8.2.e)."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from home.change_notes import RecordPageForm
from home.models.pages import SectionPage
from home.models.records import PublishedRecordMixin, not_withdrawn
from vietnam.text import fold_diacritics, search_words, slugify


class Validity(models.TextChoices):
    """Tình trạng hiệu lực."""

    IN_FORCE = "con", _("Còn hiệu lực")
    PARTIAL = "mot-phan", _("Hết hiệu lực một phần")
    EXPIRED = "het", _("Hết hiệu lực toàn bộ")
    NOT_YET = "chua", _("Chưa có hiệu lực")


def number_key(number: str) -> str:
    """The form numbers are compared in: folded, upper case, no spaces ("16/2017/qđ-ubnd " -> "16/2017/QD-UBND")."""
    return "".join(fold_diacritics(number).upper().split())


class LegalDocumentIndexPage(RoutablePageMixin, SectionPage):
    """A site's legal-documents section (/van-ban/): its documents and the search tool (on the portal: every site's).

    Also /van-ban/feed/ (Atom) and /van-ban/api/ (JSON), taking the same query string as the search.
    """

    subpage_types = ["legal_documents.LegalDocumentPage", "publications.GuidanceIndexPage"]
    max_count_per_parent = 1
    template = "documents/legal_document_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục văn bản")
        verbose_name_plural = _("chuyên mục văn bản")

    def get_context(self, request, *args, **kwargs):
        from documents.search import DocumentSearch

        context = Page.get_context(self, request, *args, **kwargs)
        context["search"] = DocumentSearch.from_request(request, section=self).read()
        # Its sections beside the documents, e.g. "Phổ biến, giáo dục pháp luật" (documents are never in menus).
        context["subsections"] = not_withdrawn(Page.objects.child_of(self).live().filter(show_in_menus=True))
        return context

    @path("feed/")
    def feed(self, request):
        from documents.views import document_feed

        return document_feed(request, self)

    @path("api/")
    def api(self, request):
        from documents.views import document_api

        return document_api(request, self)


# The types a directives section lists when its editors chose none (slugs of the standard list, migration 0007):
# a leader's directions are issued as Chỉ thị, Công điện, Công văn (chỉ đạo) and Thông báo (kết luận).
DEFAULT_DIRECTIVE_TYPES = ("chi-thi", "cong-dien", "cong-van", "thong-bao")


class DirectiveIndexPage(SectionPage):
    """Direction and administration (Điều 8.2.c): the site's own legal documents of the chosen types, found by the
    library's search (filters, counts, pages), each linking to its page in the library: a view, not a copy.

    The chosen types are a setting of the Vietnamese page, which its English translation follows.
    """

    document_types = ParentalManyToManyField(
        "legal_documents.DocumentType",
        verbose_name=_("hình thức văn bản hiển thị"),
        blank=True,
        help_text=_("Để trống để hiển thị Chỉ thị, Công điện, Công văn và Thông báo."),
    )

    content_panels = [*SectionPage.content_panels, FieldPanel("document_types", widget=forms.CheckboxSelectMultiple)]
    parent_page_types = ["home.IndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "documents/directive_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục văn bản chỉ đạo, điều hành")
        verbose_name_plural = _("chuyên mục văn bản chỉ đạo, điều hành")

    def library(self) -> "LegalDocumentIndexPage | None":
        """The legal-documents section of this page's site, in this page's language."""
        home_path = self.path[: Page.steplen * 2]
        return LegalDocumentIndexPage.objects.filter(depth=3, path__startswith=home_path).first()

    def chosen_type_ids(self) -> tuple[int, ...]:
        """The ids of the types listed: those chosen on the Vietnamese page, or DEFAULT_DIRECTIVE_TYPES."""
        from .lists import DocumentType

        default = Locale.get_default()
        source = self if self.locale_id == default.pk else (self.get_translation_or_none(default) or self)
        chosen = tuple(source.document_types.values_list("pk", flat=True))
        return chosen or tuple(
            DocumentType.objects.filter(slug__in=DEFAULT_DIRECTIVE_TYPES).values_list("pk", flat=True)
        )

    def get_context(self, request, *args, **kwargs):
        from documents.search import DocumentSearch

        context = Page.get_context(self, request, *args, **kwargs)
        library = self.library()
        # A site without a library has no documents to show (with no section, the search would span every site).
        context["search"] = library and (
            DocumentSearch.from_request(
                request, section=library, portal_wide=False, document_types=self.chosen_type_ids()
            ).read()
        )
        return context


class LegalDocumentForm(RecordPageForm):
    """The page editor's form: a library holds one document per authority, number and year."""

    def clean(self):
        cleaned_data = super().clean()
        number, authority, issued_on = (cleaned_data.get(name) for name in ("number", "authority", "issued_on"))
        if number and authority and issued_on and self.parent_page is not None:
            # Individual decisions' numbers restart every January: a number is unique within its year.
            clash = (
                LegalDocumentPage.objects.child_of(self.parent_page)
                .filter(number_key=number_key(number), authority=authority, issued_on__year=issued_on.year)
                .exclude(pk=self.instance.pk)
            )
            if clash.exists():
                self.add_error("number", _("Thư viện văn bản này đã có văn bản số %s của cơ quan này.") % number)
        return cleaned_data


class LegalDocumentPage(PublishedRecordMixin, Page):
    """One legal or administrative document: its metadata, full text, files and relations to other documents.

    The same document may be posted on several sites (the issuer's and those of the agencies concerned).
    """

    document_type = models.ForeignKey(
        "legal_documents.DocumentType", verbose_name=_("hình thức văn bản"), on_delete=models.PROTECT, related_name="+"
    )
    authority = models.ForeignKey(
        "legal_documents.Authority", verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField(_("số ký hiệu"), max_length=100, help_text=_("Ví dụ: 16/2017/QĐ-UBND"))
    number_key = models.CharField(max_length=100, editable=False, db_index=True)
    signer = models.CharField(_("người ký"), max_length=255, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=255, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), db_index=True)
    effective_from = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    expires_on = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True)
    validity_override = models.CharField(
        _("tình trạng hiệu lực (ghi đè)"),
        max_length=10,
        choices=Validity.choices,
        blank=True,
        help_text=_("Để trống để tính từ các ngày và văn bản liên quan."),
    )
    validity = models.CharField(_("tình trạng hiệu lực"), max_length=10, choices=Validity.choices, editable=False)
    legal_fields = ParentalManyToManyField("legal_documents.LegalField", verbose_name=_("lĩnh vực"), blank=True)
    summary = models.TextField(_("trích yếu"), max_length=2000)
    # Wagtail's default features but embeds: another site's frame is refused by the Content-Security-Policy.
    body = RichTextField(
        _("toàn văn"),
        blank=True,
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "hr", "link", "document-link", "image"],
    )
    attachment_text = models.TextField(editable=False, blank=True)
    # Everything the search matches, folded; copied with the other searched columns to SearchEntry.
    search_text = models.TextField(editable=False, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("number")]),
                FieldPanel("authority"),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_title")]),
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_from"), FieldPanel("expires_on")]),
                FieldPanel("validity_override"),
                FieldPanel("legal_fields", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Thông tin văn bản"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("files", label=_("tệp văn bản")),
        InlinePanel("relations", label=_("văn bản liên quan")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("number"), index.SearchField("summary")]
    parent_page_types = ["legal_documents.LegalDocumentIndexPage"]
    subpage_types = []
    template = "documents/legal_document_page.html"
    base_form_class = LegalDocumentForm

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        indexes = [
            models.Index(fields=["validity", "issued_on"], name="legaldoc_validity_issued"),
            models.Index(fields=["authority", "number_key", "issued_on"], name="legaldoc_identity"),
        ]

    def clean(self):
        super().clean()
        if self.effective_from and self.expires_on and self.expires_on < self.effective_from:
            raise ValidationError({"expires_on": _("Ngày hết hiệu lực phải sau ngày có hiệu lực.")})

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.number:
            self.slug = slugify(self.number)
        super().full_clean(*args, **kwargs)

    @property
    def identity(self) -> tuple:
        """What makes two postings the same document: authority, number, issue date and language."""
        return (self.authority_id, self.number_key, self.issued_on, self.locale_id)

    def save(self, *args, **kwargs):
        # Saving a draft revision of a live page saves only bookkeeping fields (update_fields): the columns
        # the search reads must keep describing the live content, so they change only on full saves.
        full_save = kwargs.get("update_fields") is None
        listed_as = set()
        if full_save:
            from documents.extraction import files_text

            if self.pk:
                # As stored before this save: if it was live, the portal may have listed it.
                stored = LegalDocumentPage.objects.filter(pk=self.pk, live=True).values_list(
                    "authority_id", "number_key", "issued_on", "locale_id"
                )
                listed_as.update(stored)
            self.number_key = number_key(self.number)
            self.validity = self.compute_validity()
            self.attachment_text = files_text(file.document for file in self.files.all())
            self.search_text = self.build_search_text()
        super().save(*args, **kwargs)
        if full_save and (self.live or listed_as):
            from .entries import refresh_on_portal, sync_search_entry

            sync_search_entry(self)
            for identity in listed_as | {self.identity}:
                refresh_on_portal(*identity)

    def build_search_text(self) -> str:
        """Everything the search tool matches, folded (no diacritics, lower case) so that any engine can match it."""
        from django.utils.html import strip_tags

        parts = [
            self.number,
            self.number.replace("/", " ").replace("-", " "),
            self.document_type.name if self.document_type_id else "",
            self.authority.name if self.authority_id else "",
            self.signer,
            self.summary,
            self.title,
            strip_tags(self.body or ""),
            self.attachment_text,
        ]
        # Words only, one space apart and around, so that " word " finds whole words on any database.
        words = search_words(" ".join(part for part in parts if part))
        return f" {' '.join(words)} "

    def compute_validity(self, today: date | None = None) -> str:
        """Validity from the override, the live documents that end or amend this one, and its dates."""
        if self.validity_override:
            return self.validity_override
        today = today or timezone.localdate()
        inbound = set(
            DocumentRelation.objects.filter(target__translation_key=self.translation_key, page__live=True).values_list(
                "kind", flat=True
            )
        )
        if inbound & set(DocumentRelation.ENDING) or (self.expires_on and self.expires_on <= today):
            return Validity.EXPIRED
        if self.effective_from and self.effective_from > today:
            return Validity.NOT_YET
        if inbound & set(DocumentRelation.AMENDING):
            return Validity.PARTIAL
        return Validity.IN_FORCE

    def get_context(self, request, *args, **kwargs):
        from documents.search import document_relations

        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files.select_related("document")
        context["legal_fields"] = list(self.legal_fields.all())
        context["outgoing"], context["incoming"] = document_relations(self)
        context["petition_url"] = self.petition_url(request)
        return context

    def petition_url(self, request=None) -> str | None:
        """Where a visitor sends a petition about this document (R8), or None: the first URL that a function
        registered for the `legal_document_petition_url` hook gives (the feedback app's question form)."""
        for petition_url in hooks.get_hooks("legal_document_petition_url"):
            url = petition_url(self, request)
            if url:
                return url
        return None


class DocumentFile(Orderable):
    """A file of the document to download: PDF, DOC or DOCX (checked by content when uploaded)."""

    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("tên hiển thị"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp văn bản")
        verbose_name_plural = _("tệp văn bản")


class DocumentRelation(Orderable):
    """A typed link from this document to another: replaces, amends, repeals, guides, corrects, is based on."""

    class Kind(models.TextChoices):
        REPLACES = "thay-the", _("Thay thế")
        AMENDS = "sua-doi", _("Sửa đổi, bổ sung")
        REPEALS = "bai-bo", _("Bãi bỏ")
        PARTLY_REPEALS = "bai-bo-mot-phan", _("Bãi bỏ một phần")
        GUIDES = "huong-dan", _("Hướng dẫn")
        CORRECTS = "dinh-chinh", _("Đính chính")
        BASED_ON = "can-cu", _("Căn cứ")

    # How the other side reads the same relation.
    INVERSE = {
        Kind.REPLACES: _("Bị thay thế bởi"),
        Kind.AMENDS: _("Được sửa đổi, bổ sung bởi"),
        Kind.REPEALS: _("Bị bãi bỏ bởi"),
        Kind.PARTLY_REPEALS: _("Bị bãi bỏ một phần bởi"),
        Kind.GUIDES: _("Được hướng dẫn bởi"),
        Kind.CORRECTS: _("Được đính chính bởi"),
        Kind.BASED_ON: _("Là căn cứ của"),
    }
    ENDING = [Kind.REPLACES, Kind.REPEALS]
    AMENDING = [Kind.AMENDS, Kind.PARTLY_REPEALS]

    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("quan hệ"), max_length=20, choices=Kind.choices)
    target = models.ForeignKey(
        LegalDocumentPage, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="inbound_relations"
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản liên quan")
        verbose_name_plural = _("văn bản liên quan")
        constraints = [
            models.UniqueConstraint(fields=["page", "kind", "target"], name="legaldoc_relation_unique"),
            models.CheckConstraint(condition=~Q(page=models.F("target")), name="legaldoc_relation_not_self"),
        ]

    @property
    def inverse_label(self) -> str:
        return self.INVERSE[self.kind]
