"""What every kind of publication shares: the page, its files, its section, and the posting limit (R10)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import dateformat, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.models.pages import SectionPage
from home.models.records import PublishedRecordMixin
from home.posting import PostingLimit
from vietnam.workdays import add_working_days


def dmy(day: date | None) -> str:
    """A date as Vietnamese pages print it: dd/mm/yyyy ("" for none)."""
    return dateformat.format(day, "d/m/Y") if day else ""


def decision(number: str, day: date | None) -> str:
    """ "121/KH-UBND ngày 31/12/2025", or whichever half is known."""
    if number and day:
        return gettext("%(number)s ngày %(date)s") % {"number": number, "date": dmy(day)}
    return number or dmy(day)


@dataclass(frozen=True)
class Download:
    """A file as a page lists it: the name shown and the Wagtail document (its URL, type and size)."""

    label: str
    document: object


class PublicationPage(PublishedRecordMixin, Page):
    """One dated publication (abstract): a summary, the date it is listed and filtered by, and its facts.

    `DATE_FIELD` names the date the listing sorts and filters by year; `FILTERS` maps a filter's name to the
    field with choices it filters on (its query-string name and title come from `FILTER_PARAMS`).
    """

    summary = models.TextField(
        _("tóm tắt"), max_length=2000, help_text=_("Nội dung chính, hiển thị trong danh sách (tối đa 2000 ký tự).")
    )

    DATE_FIELD = "trigger_date"
    FILTERS: tuple[str, ...] = ()
    # The related rows the listing shows (select_related / prefetch_related), read in a constant number of queries.
    LIST_RELATED: tuple[str, ...] = ()
    LIST_PREFETCH: tuple[str, ...] = ()

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        # One template for every kind (Wagtail would name one per class): the facts differ, not the layout.
        return "publications/publication_page.html"

    @property
    def listed_on(self) -> date:
        """The date the listing shows, sorts and filters by."""
        return getattr(self, self.DATE_FIELD)

    def facts(self) -> list[tuple[str, str]]:
        """(label, value) pairs shown under the title in the listing and on the page; kinds add theirs."""
        return []

    def listed_files(self) -> list[Download]:
        """The files to download, in order (the listing prefetches them)."""
        return [Download(row.label, row.document) for row in self.files.all()]

    def clean(self):
        super().clean()
        errors = self.validation_errors()
        if errors:
            raise ValidationError(errors)

    def validation_errors(self) -> dict:
        """What is wrong with the publication's fields, by field name; kinds add their own checks."""
        day = self.listed_on
        if day and day > timezone.localdate():
            return {self.DATE_FIELD: _("Ngày này chưa đến: hãy kiểm tra lại.")}
        return {}


class PostingLimitMixin:
    """A publication with a legal posting limit (R10, Điều 9.1): due `POSTING_LIMIT` working days after the date
    that triggers it (`trigger_date`, defined by each kind with its own label), reported by `POSTING_CATEGORY`: a
    code of the rule table (home.PostingRule), whose limit `POSTING_LIMIT` reads."""

    POSTING_CATEGORY = ""
    POSTING_LIMIT = PostingLimit()

    @property
    def posting_due(self) -> date:
        """The last day on which the publication may first appear on the site."""
        return add_working_days(self.trigger_date, self.POSTING_LIMIT)


class PublicationFile(TranslatableMixin, Orderable):
    """A file of a publication (abstract; each kind has its table): a document of the site's collection, checked by
    content and size when uploaded, with the name it is shown under."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("PDF, DOC, DOCX, XLS, XLSX… tải lên thư viện tài liệu của trang."),
    )
    title = models.CharField(
        _("tên hiển thị"), max_length=255, blank=True, help_text=_("Để trống để dùng tên của tệp trong thư viện.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return self.title or self.document.title


class PublicationIndexPage(SectionPage):
    """A section listing one kind of publication (abstract): newest first, filters with counts, pages.

    Each site has one of each, under "Quy hoạch, kế hoạch, dự án" or "Chỉ đạo, điều hành" (home/sections.py).
    """

    parent_page_types = ["home.IndexPage"]
    max_count_per_parent = 1
    # The page type listed (a PublicationPage subclass).
    item_model: type[PublicationPage]

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return "publications/publication_index_page.html"

    def get_context(self, request, *args, **kwargs):
        from publications.queries import PublicationListing

        context = Page.get_context(self, request, *args, **kwargs)
        context["listing"] = PublicationListing.from_request(request, self)
        return context
