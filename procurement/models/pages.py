"""Each site's "Dự án, đấu thầu, mua sắm công" section (R4 h, Điều 8.2.h): investment projects and procurement
notices as pages, so they pass the site's BBT, keep their revisions and are translated.

A notice keeps, on its own row, what the listing filters and counts on (the site's agency, whether it is listed,
the folded text), written on every full save: publishing and unpublishing are full saves, and saving a draft of a
live page writes only Wagtail's bookkeeping columns, so the row always describes the live notice.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index

from home.models.pages import RICH_TEXT_FEATURES, SectionPage
from home.models.records import PublishedRecordMixin, not_withdrawn
from home.posting import PostingLimit
from vietnam.text import search_words, slugify
from vietnam.workdays import add_working_days

from ..stages import Stage, stage_of
from .choices import (
    INVITING_KINDS,
    CapitalSource,
    NoticeKind,
    NoticeStatus,
    ProcurementField,
    ProjectGroup,
    ProjectStatus,
    SelectionMethod,
)


class ProcurementIndexPage(RoutablePageMixin, SectionPage):
    """A site's projects and procurement section (/quy-hoach-ke-hoach-du-an/du-an-dau-thau/): the notices with
    filters and counts (on the portal, every site's) and, under du-an/ (English: projects/), the projects."""

    subpage_types = ["procurement.NoticePage", "procurement.ProjectPage"]
    parent_page_types = ["home.IndexPage"]
    max_count_per_parent = 1
    template = "procurement/procurement_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục dự án, đấu thầu, mua sắm công")
        verbose_name_plural = _("chuyên mục dự án, đấu thầu, mua sắm công")

    def listing(self):
        """The section's live notices and projects, newest first (what a feed of the section lists)."""
        return not_withdrawn(self.get_children().live()).specific().order_by("-first_published_at")

    def get_context(self, request, *args, **kwargs):
        # The page lists notices through NoticeSearch, not SectionPage's page of children.
        return Page.get_context(self, request, *args, **kwargs)

    @path("", name="index")
    def notices(self, request):
        from procurement.listing import NoticeSearch

        return self.render(
            request,
            context_overrides={
                "search": NoticeSearch.from_request(request, self),
                "projects_url": self.projects_url(request),
            },
        )

    @path("du-an/", name="projects")
    @path("projects/", name="projects_en")
    def projects(self, request):
        from procurement.listing import project_listing

        return self.render(
            request,
            template="procurement/project_listing.html",
            context_overrides={"projects": project_listing(request, self)},
        )

    def projects_url(self, request=None) -> str:
        """The projects listing's address in the page's language (du-an/, English projects/)."""
        name = "projects_en" if self.locale.language_code == "en" else "projects"
        return self.get_url(request) + self.reverse_subpage(name)


class ProcurementRecord(PublishedRecordMixin, Page):
    """What projects and notices share: the investor, a summary and body, the site's agency, and the posting
    limit (R10: 10 working days after approval, Điều 9.1.d). Abstract."""

    POSTING_CATEGORY = "procurement"
    POSTING_LIMIT = PostingLimit()

    investor = models.CharField(
        _("chủ đầu tư, bên mời thầu"),
        max_length=255,
        help_text=_("Tên đầy đủ, ví dụ: Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh."),
    )
    summary = models.TextField(_("tóm tắt"), max_length=2000)
    body = RichTextField(_("nội dung chi tiết"), blank=True, features=RICH_TEXT_FEATURES)
    # Set on save: the agency whose site the page is on (labels on the portal's listing, a site's scope).
    agency = models.ForeignKey("home.Agency", on_delete=models.PROTECT, related_name="+", null=True, editable=False)

    parent_page_types = ["procurement.ProcurementIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True

    @property
    def posting_due(self):
        """The last day this item may be posted on (POSTING_LIMIT working days after `trigger_date`)."""
        return add_working_days(self.trigger_date, self.POSTING_LIMIT)

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title:
            self.slug = slugify(self.title)[:80].rstrip("-")
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.agency_id = self.site_agency_id()
            self.update_derived_fields()
        super().save(*args, **kwargs)

    def update_derived_fields(self) -> None:
        """Subclasses keep what is computed from the fields up to date here (called on every full save)."""

    def site_agency_id(self) -> int | None:
        """The id of the agency whose site this page is on, found through its home page in any language."""
        from home.models import Agency

        if not self.path:
            return None
        home = Page.objects.filter(path=self.path[: self.steplen * 2]).values("translation_key")
        return Agency.objects.filter(site__root_page__translation_key__in=home).values_list("pk", flat=True).first()


class ProjectPage(ProcurementRecord):
    """One investment project (dự án, hạng mục đầu tư): who invests, where, how much, from which source, where it
    stands, and the decision that approved it."""

    location = models.CharField(_("địa điểm thực hiện"), max_length=255)
    total_investment = models.PositiveBigIntegerField(
        _("tổng mức đầu tư (đồng)"), help_text=_("Số tiền bằng đồng, không dấu chấm: 125000000000 là 125 tỷ đồng.")
    )
    capital_source = models.CharField(_("nguồn vốn"), max_length=30, choices=CapitalSource.choices)
    capital_detail = models.CharField(
        _("chi tiết nguồn vốn"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: ngân sách tỉnh 60%, ngân sách trung ương 40%."),
    )
    project_group = models.CharField(_("nhóm dự án"), max_length=30, choices=ProjectGroup.choices, blank=True)
    status = models.CharField(_("giai đoạn"), max_length=20, choices=ProjectStatus.choices)
    start_year = models.PositiveSmallIntegerField(_("năm khởi công"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("năm hoàn thành"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định phê duyệt"), max_length=100, help_text=_("Ví dụ: 1234/QĐ-UBND"))
    decision_authority = models.CharField(
        _("cơ quan phê duyệt"), max_length=255, blank=True, help_text=_("Ví dụ: UBND tỉnh Quảng Ngãi")
    )
    trigger_date = models.DateField(
        _("ngày phê duyệt"),
        db_index=True,
        help_text=_("Ngày ký quyết định phê duyệt dự án: dự án phải được đăng trong 10 ngày làm việc (Điều 9.1.d)."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("investor"),
                FieldPanel("location"),
                FieldRowPanel([FieldPanel("total_investment"), FieldPanel("capital_source")]),
                FieldPanel("capital_detail"),
                FieldRowPanel([FieldPanel("project_group"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            ],
            heading=_("Thông tin dự án"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("decision_number"), FieldPanel("trigger_date")]),
                FieldPanel("decision_authority"),
            ],
            heading=_("Quyết định phê duyệt"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("files", label=_("tệp đính kèm")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("investor"),
        index.SearchField("location"),
        index.SearchField("summary"),
        index.SearchField("decision_number"),
    ]
    template = "procurement/project_page.html"

    class Meta:
        verbose_name = _("dự án đầu tư")
        verbose_name_plural = _("dự án đầu tư")
        indexes = [models.Index(fields=["agency", "trigger_date"], name="procurement_project_agency")]

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Năm hoàn thành không được trước năm khởi công.")})
        if self.trigger_date and self.trigger_date > timezone.localdate():
            raise ValidationError({"trigger_date": _("Ngày phê duyệt không được sau hôm nay.")})

    def get_context(self, request, *args, **kwargs):
        from procurement.listing import project_notices

        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files.select_related("document")
        context["notices"] = project_notices(self)
        return context


class NoticePage(ProcurementRecord):
    """One procurement notice: a contractor selection plan, an invitation (to tender, to express interest, to
    prequalify, to quote), a result, or a public purchase; with its bid package and dates."""

    kind = models.CharField(_("loại thông tin"), max_length=20, choices=NoticeKind.choices)
    project = models.ForeignKey(
        "procurement.ProjectPage",
        verbose_name=_("thuộc dự án"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notices",
        help_text=_("Để trống với gói mua sắm không thuộc dự án đầu tư nào."),
    )
    package_name = models.CharField(_("tên gói thầu"), max_length=500)
    package_number = models.CharField(_("số hiệu gói thầu"), max_length=100, blank=True, help_text=_("Ví dụ: XL-01"))
    notice_number = models.CharField(
        _("mã thông báo trên Hệ thống mạng đấu thầu quốc gia"),
        max_length=50,
        blank=True,
        help_text=_("Ví dụ: IB2600012345 (muasamcong.mpi.gov.vn)."),
    )
    field = models.CharField(_("lĩnh vực"), max_length=20, choices=ProcurementField.choices)
    method = models.CharField(_("hình thức lựa chọn nhà thầu"), max_length=30, choices=SelectionMethod.choices)
    package_price = models.PositiveBigIntegerField(
        _("giá gói thầu (đồng)"), null=True, blank=True, help_text=_("Số tiền bằng đồng, không dấu chấm.")
    )
    issued_on = models.DateField(_("ngày đăng tải"), help_text=_("Ngày phát hành thông báo, hồ sơ mời thầu."))
    closes_at = models.DateTimeField(
        _("thời điểm đóng thầu"),
        null=True,
        blank=True,
        help_text=_("Ngày và giờ (giờ Việt Nam); bắt buộc với thông báo mời thầu, mời quan tâm, sơ tuyển, chào hàng."),
    )
    opens_at = models.DateTimeField(
        _("thời điểm mở thầu"), null=True, blank=True, help_text=_("Không được trước thời điểm đóng thầu.")
    )
    status = models.CharField(_("tình trạng"), max_length=20, choices=NoticeStatus.choices, default=NoticeStatus.POSTED)
    status_note = models.CharField(
        _("lý do sửa đổi, gia hạn hoặc hủy"),
        max_length=500,
        blank=True,
        help_text=_("Bắt buộc khi thông báo đã được sửa đổi, gia hạn hoặc hủy."),
    )
    winner = models.CharField(_("nhà thầu trúng thầu"), max_length=500, blank=True)
    winning_price = models.PositiveBigIntegerField(_("giá trúng thầu (đồng)"), null=True, blank=True)
    trigger_date = models.DateField(
        _("ngày phê duyệt"),
        db_index=True,
        help_text=_(
            "Ngày phê duyệt kế hoạch, hồ sơ mời thầu hoặc kết quả lựa chọn nhà thầu: phải đăng trong 10 ngày "
            "làm việc (Điều 9.1.d)."
        ),
    )
    # Written on save (see the module's docstring): the listing's scope, its investor facet and its text.
    listed = models.BooleanField(default=False, editable=False)
    investor_key = models.CharField(max_length=255, editable=False, blank=True)
    search_text = models.TextField(editable=False, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldPanel("status_note"),
                PageChooserPanel("project", "procurement.ProjectPage"),
                FieldPanel("investor"),
            ],
            heading=_("Thông báo"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("package_name"),
                FieldRowPanel([FieldPanel("package_number"), FieldPanel("notice_number")]),
                FieldRowPanel([FieldPanel("field"), FieldPanel("method")]),
                FieldPanel("package_price"),
            ],
            heading=_("Gói thầu"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("trigger_date"), FieldPanel("issued_on")]),
                FieldRowPanel([FieldPanel("closes_at"), FieldPanel("opens_at")]),
            ],
            heading=_("Các mốc thời gian"),
        ),
        MultiFieldPanel(
            [FieldPanel("winner"), FieldPanel("winning_price")],
            heading=_("Kết quả lựa chọn nhà thầu"),
            help_text=_("Bắt buộc với thông tin loại “Kết quả lựa chọn nhà thầu”."),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("files", label=_("tệp đính kèm")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("package_name"),
        index.SearchField("investor"),
        index.SearchField("summary"),
        index.SearchField("search_text"),
        index.FilterField("kind"),
    ]
    template = "procurement/notice_page.html"

    class Meta:
        verbose_name = _("thông tin đấu thầu, mua sắm công")
        verbose_name_plural = _("thông tin đấu thầu, mua sắm công")
        # One index per filter of the listing, each led by the scope (the portal's listed notices, or a site's).
        indexes = [
            models.Index(fields=["listed", "issued_on"], name="procurement_notice_issued"),
            models.Index(fields=["listed", "closes_at"], name="procurement_notice_closes"),
            models.Index(fields=["agency", "listed", "issued_on"], name="procurement_notice_agency"),
            models.Index(fields=["kind", "listed"], name="procurement_notice_kind"),
            models.Index(fields=["field", "listed"], name="procurement_notice_field"),
            models.Index(fields=["method", "listed"], name="procurement_notice_method"),
            models.Index(fields=["investor_key", "listed"], name="procurement_notice_investor"),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.kind in INVITING_KINDS and not self.closes_at:
            errors["closes_at"] = _(
                "Thông báo mời thầu, mời quan tâm, sơ tuyển, chào hàng phải có thời điểm đóng thầu."
            )
        if self.closes_at and self.issued_on and timezone.localdate(self.closes_at) <= self.issued_on:
            errors["closes_at"] = _("Thời điểm đóng thầu phải sau ngày đăng tải thông báo.")
        if self.opens_at and not self.closes_at:
            errors["opens_at"] = _("Hãy ghi thời điểm đóng thầu trước khi ghi thời điểm mở thầu.")
        elif self.opens_at and self.closes_at and self.opens_at < self.closes_at:
            errors["opens_at"] = _("Thời điểm mở thầu không được trước thời điểm đóng thầu.")
        if self.trigger_date and self.issued_on and self.trigger_date > self.issued_on:
            errors["trigger_date"] = _("Ngày phê duyệt không được sau ngày đăng tải.")
        if self.kind == NoticeKind.RESULT:
            if not self.winner.strip():
                errors["winner"] = _("Kết quả lựa chọn nhà thầu phải ghi nhà thầu trúng thầu.")
            if self.winning_price is None:
                errors["winning_price"] = _("Kết quả lựa chọn nhà thầu phải ghi giá trúng thầu.")
        if self.status != NoticeStatus.POSTED and not self.status_note.strip():
            errors["status_note"] = _("Hãy ghi lý do sửa đổi, gia hạn hoặc hủy.")
        if errors:
            raise ValidationError(errors)

    def update_derived_fields(self) -> None:
        self.listed = self.live and self.locale_id == Locale.get_default().pk
        self.investor_key = slugify(self.investor)[:255]
        self.search_text = self.build_search_text()

    def build_search_text(self) -> str:
        """What the listing's text search matches, folded, as whole words one space apart and around."""
        parts = [
            self.title,
            self.package_name,
            self.package_number,
            self.notice_number,
            self.investor,
            self.winner,
            self.summary,
            strip_tags(self.body or ""),
        ]
        return f" {' '.join(search_words(' '.join(part for part in parts if part)))} "

    def stage(self, now=None) -> str:
        """Đang mời thầu, sắp đóng thầu, đã đóng thầu or đã hủy at `now` (default: this moment); "" for none."""
        return stage_of(self.closes_at, self.status == NoticeStatus.CANCELLED, now or timezone.now())

    @property
    def stage_label(self) -> str:
        stage = self.stage()
        return Stage(stage).label if stage else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files.select_related("document")
        context["stage"] = self.stage()
        context["project"] = self.project_in_language()
        return context

    def project_in_language(self):
        """The live project this notice belongs to, in the notice's language where it is translated."""
        project = self.project
        if project is None or not project.live:
            return None
        if project.locale_id == self.locale_id:
            return project
        translation = project.get_translation_or_none(self.locale)
        return translation if translation is not None and translation.live else project
