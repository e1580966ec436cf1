"""The provincial Official Gazette (Công báo, R6, Điều 8.2.g): its section, its issues and what each one carries."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from groundwork.paging import paginate
from home.models.pages import RICH_TEXT_FEATURES, SectionPage
from home.models.records import PublishedRecordMixin
from vietnam.text import slugify

from .forms import GazetteIssueForm

YEAR_PARAM = "nam"  # ?nam=2025, the same name the document search uses for its year filter


def issue_title(number: str, year: int) -> str:
    """The title an issue gets when the editor leaves it blank: "Công báo số 15 năm 2025"."""
    return f"Công báo số {number} năm {year}"


def requested_year(request) -> int | None:
    """The year asked for by `?nam=`, or None when absent or not a plausible year."""
    value = request.GET.get(YEAR_PARAM, "").strip()
    return int(value) if value.isdigit() and 1900 <= int(value) <= 2999 else None


class GazetteIndexPage(SectionPage):
    """The portal's gazette section (/cong-bao/): its issues by year, newest first, filterable by year."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["gazette.GazetteIssuePage"]
    max_count_per_parent = 1
    template = "gazette/gazette_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục công báo")
        verbose_name_plural = _("chuyên mục công báo")

    @classmethod
    def can_create_at(cls, parent):
        # The gazette is the province's: only the portal publishes one.
        return super().can_create_at(parent) and getattr(parent.specific, "is_portal", False)

    def listing(self):
        from .queries import issues_in

        return issues_in(self)

    def get_context(self, request, *args, **kwargs):
        from .queries import issue_years, issues_in

        context = Page.get_context(self, request, *args, **kwargs)
        year = requested_year(request)
        context["year"] = year
        context["years"] = issue_years(self)
        context["children"] = paginate(request, issues_in(self, year=year))
        return context


class GazetteIssuePage(PublishedRecordMixin, Page):
    """One issue of the gazette: its number and year, issue date, the whole issue as a file, and its documents."""

    number = models.CharField(_("số"), max_length=20, help_text=_("Số công báo, ví dụ: 15 hoặc 15+16"))
    year = models.PositiveSmallIntegerField(
        _("năm"), blank=True, db_index=True, help_text=_("Để trống để lấy năm của ngày phát hành.")
    )
    issued_on = models.DateField(_("ngày phát hành"))
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp toàn văn số công báo"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    intro = RichTextField(_("ghi chú"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("year"), FieldPanel("issued_on")]),
                FieldPanel("file"),
            ],
            heading=_("Thông tin số công báo"),
        ),
        FieldPanel("intro"),
        InlinePanel("entries", label=_("văn bản đăng trong số")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("number"),
        index.SearchField("intro"),
        index.FilterField("year"),
    ]
    base_form_class = GazetteIssueForm
    parent_page_types = ["gazette.GazetteIndexPage"]
    subpage_types = []
    template = "gazette/gazette_issue_page.html"

    class Meta:
        verbose_name = _("số công báo")
        verbose_name_plural = _("số công báo")

    def derive_defaults(self):
        """Fill what the editor may leave blank: the year from the issue date, title and slug from number and year."""
        self.number = (self.number or "").strip()
        if self.year is None and self.issued_on:
            self.year = self.issued_on.year
        if self.number and self.year:
            if not self.title:
                self.title = issue_title(self.number, self.year)
            if not self.slug:
                self.slug = slugify(f"so {self.number} nam {self.year}")

    def full_clean(self, *args, **kwargs):
        self.derive_defaults()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        # What Wagtail runs instead of full_clean when saving a draft.
        self.derive_defaults()
        super().minimal_clean()

    def clean(self):
        super().clean()
        # The parent is known once the page is in the tree, or when the admin form names it (GazetteIssueForm).
        parent = self.get_parent() if self.path else getattr(self, "_cached_parent_obj", None)
        if parent is None or not self.number or not self.year:
            return
        clash = (
            GazetteIssuePage.objects.child_of(parent)
            .filter(year=self.year, number__iexact=self.number)
            .exclude(pk=self.pk)
        )
        if clash.exists():
            raise ValidationError(
                {"number": _("Năm %(year)s đã có công báo số %(number)s.") % {"year": self.year, "number": self.number}}
            )

    def get_context(self, request, *args, **kwargs):
        from .queries import issue_entries

        context = super().get_context(request, *args, **kwargs)
        context["entries"] = issue_entries(self)
        return context


class GazetteEntry(Orderable):
    """A document carried by an issue, in the issue's order, with the pages of the issue it fills."""

    issue = ParentalKey(GazetteIssuePage, on_delete=models.CASCADE, related_name="entries")
    # PROTECT: an issue is an official record, so a document it carries cannot be deleted from the library
    # behind its back; Wagtail's delete view names the issue that holds it, and the editor decides.
    document = models.ForeignKey(
        "legal_documents.LegalDocumentPage",
        verbose_name=_("văn bản"),
        on_delete=models.PROTECT,
        related_name="gazette_entries",
    )
    page_from = models.PositiveIntegerField(_("từ trang"), null=True, blank=True)
    page_to = models.PositiveIntegerField(_("đến trang"), null=True, blank=True)

    panels = [FieldPanel("document"), FieldRowPanel([FieldPanel("page_from"), FieldPanel("page_to")])]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản đăng trong số")
        verbose_name_plural = _("văn bản đăng trong số")

    def clean(self):
        super().clean()
        if self.page_from and self.page_to and self.page_to < self.page_from:
            raise ValidationError({"page_to": _("Trang cuối không được nhỏ hơn trang đầu.")})
