"""Administrative procedures (thủ tục hành chính) and their online services (R7, Điều 11–12).

Each site's "Thủ tục hành chính" section (/thu-tuc-hanh-chinh/) holds the procedures its agency carries out,
as pages (so they pass the BBT, keep revisions and are translated, as R2 asks for those foreigners use). The
section is the catalogue: filters with counts, search without diacritics; on the portal, every agency's.
"""

import time

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from groundwork.models import NamedListItem
from home.models.pages import RICH_TEXT_FEATURES, SectionPage
from home.models.records import PublishedRecordMixin, not_withdrawn
from home.routing import LocalizedRoutesMixin, localized_path
from vietnam.text import search_words

# Submissions per address (IP) and hour, and where the receipt waits for the redirect.
SUBMIT_LIMIT = (30, 3600)  # a one-stop shop may submit for many citizens from one address
RECEIPT_SESSION_KEY = "services:receipt"
# A receipt not shown within this many seconds of the submission is not shown any more (a shared computer).
RECEIPT_SECONDS = 15 * 60


class Sector(NamedListItem):
    """Lĩnh vực thủ tục hành chính: the national list's sectors (Hộ tịch, Đất đai, Đăng ký kinh doanh…)."""

    class Meta(NamedListItem.Meta):
        verbose_name = _("lĩnh vực thủ tục")
        verbose_name_plural = _("lĩnh vực thủ tục")


class GovernmentLevel(models.TextChoices):
    """Cấp thực hiện (the two-tier local government since 1 July 2025, and central agencies)."""

    PROVINCE = "cap-tinh", _("Cấp tỉnh")
    COMMUNE = "cap-xa", _("Cấp xã")
    CENTRAL = "trung-uong", _("Cơ quan trung ương")


class OnlineService(models.TextChoices):
    """The online service a procedure offers (Nghị định 42/2022/NĐ-CP)."""

    FULL = "toan-trinh", _("Dịch vụ công trực tuyến toàn trình")
    PARTIAL = "mot-phan", _("Dịch vụ công trực tuyến một phần")
    NONE = "khong", _("Chưa có dịch vụ công trực tuyến")


class ProcedureIndexPage(LocalizedRoutesMixin, SectionPage):
    """A site's procedures catalogue (/thu-tuc-hanh-chinh/); on the portal, every agency's procedures."""

    subpage_types = ["services.ProcedurePage", "home.StandardPage"]
    max_count_per_parent = 1
    template = "services/procedure_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục thủ tục hành chính")
        verbose_name_plural = _("chuyên mục thủ tục hành chính")

    def get_context(self, request, *args, **kwargs):
        from home.models import StandardPage
        from services.catalogue import Catalogue

        context = Page.get_context(self, request, *args, **kwargs)
        context["catalogue"] = Catalogue.from_request(request, section=self).read()
        context["guides"] = not_withdrawn(self.get_children().live().type(StandardPage)).specific()
        return context

    @path("", name="index")
    def index(self, request):
        return self.render(request)

    @localized_path("tra-cuu-ho-so/", "track-dossier/", name="track")
    def track(self, request):
        """The applicant's lookup of a dossier (its code and secret): see services.tracking."""
        from services.tracking import track

        return track(request, self)

    @localized_path("tra-cuu-ho-so/<str:code>/", "track-dossier/<str:code>/", name="dossier")
    def dossier_status(self, request, code):
        """The status page of a dossier looked up in this session: see services.tracking."""
        from services.tracking import dossier_status

        return dossier_status(request, self, code)

    @localized_path("lay-lai-ma-bao-mat/", "recover-security-code/", name="recover")
    def recover(self, request):
        """Sending a forgotten security code again to the applicant's email: see services.tracking."""
        from services.tracking import recover

        return recover(request, self)

    @localized_path("thong-ke/", "statistics/", name="statistics")
    def statistics(self, request):
        """Each procedure's use and its dossiers' handling in a year (Điều 11.2): see services.statistics."""
        from services.statistics import statistics_page

        return statistics_page(request, self)


class ProcedurePage(PublishedRecordMixin, LocalizedRoutesMixin, Page):
    """One administrative procedure with everything a citizen needs to carry it out (R7).

    /nop-truc-tuyen/ under it takes a dossier online when the procedure offers an online service.
    """

    code = models.CharField(
        _("mã thủ tục"),
        max_length=40,
        db_index=True,
        help_text=_("Mã trên Cơ sở dữ liệu quốc gia, ví dụ 1.001612.000.00.00.H48"),
    )
    sector = models.ForeignKey(Sector, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="+")
    government_level = models.CharField(_("cấp thực hiện"), max_length=12, choices=GovernmentLevel.choices)
    implementing_agency = models.CharField(_("cơ quan thực hiện"), max_length=255)
    competent_agency = models.CharField(_("cơ quan có thẩm quyền quyết định"), max_length=255, blank=True)
    applicants = models.CharField(_("đối tượng thực hiện"), max_length=500)
    steps = RichTextField(_("trình tự thực hiện"), features=RICH_TEXT_FEATURES)
    conditions = RichTextField(_("yêu cầu, điều kiện"), features=RICH_TEXT_FEATURES, blank=True)
    result = models.TextField(_("kết quả thực hiện"), max_length=2000)
    legal_basis = ParentalManyToManyField(
        "legal_documents.LegalDocumentPage", verbose_name=_("căn cứ pháp lý (văn bản trong thư viện)"), blank=True
    )
    legal_basis_text = models.TextField(
        _("căn cứ pháp lý khác"), blank=True, help_text=_("Văn bản chưa có trong thư viện: mỗi văn bản một dòng.")
    )
    responsible_units = models.CharField(_("đơn vị chịu trách nhiệm"), max_length=500, blank=True)
    service_level = models.PositiveSmallIntegerField(
        _("mức độ dịch vụ công (theo quy định năm 2017)"),
        choices=[(1, _("Mức độ 1")), (2, _("Mức độ 2")), (3, _("Mức độ 3")), (4, _("Mức độ 4"))],
        null=True,
        blank=True,
    )
    online_service = models.CharField(
        _("dịch vụ công trực tuyến"), max_length=12, choices=OnlineService.choices, default=OnlineService.NONE
    )
    partial_reason = models.TextField(
        _("lý do chỉ cung cấp một phần"), blank=True, help_text=_("Bắt buộc công bố khi dịch vụ chỉ là một phần.")
    )
    used_by_foreigners = models.BooleanField(
        _("người nước ngoài sử dụng"), default=False, help_text=_("Thủ tục này cần có bản tiếng Anh (R2).")
    )
    # Set on save: the agency whose site the procedure is on.
    agency = models.ForeignKey("home.Agency", on_delete=models.PROTECT, related_name="+", null=True, editable=False)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("sector")]),
                FieldRowPanel([FieldPanel("government_level"), FieldPanel("implementing_agency")]),
                FieldPanel("competent_agency"),
                FieldPanel("applicants"),
                FieldPanel("used_by_foreigners"),
            ],
            heading=_("Thông tin chung"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("service_level"), FieldPanel("online_service")]),
                FieldPanel("partial_reason"),
            ],
            heading=_("Mức độ dịch vụ công"),
        ),
        FieldPanel("steps"),
        InlinePanel("channels", label=_("cách thức thực hiện"), min_num=1),
        InlinePanel("components", label=_("thành phần hồ sơ")),
        InlinePanel(
            "form_fields",
            label=_("ô của biểu mẫu nộp trực tuyến"),
            help_text=_(
                "Chỉ dùng khi có dịch vụ công trực tuyến; tệp cần tải lên là các thành phần hồ sơ có đánh dấu."
            ),
        ),
        FieldPanel("conditions"),
        FieldPanel("result"),
        MultiFieldPanel(
            [FieldPanel("legal_basis", widget=forms.SelectMultiple), FieldPanel("legal_basis_text")],
            heading=_("Căn cứ pháp lý"),
        ),
        FieldPanel("responsible_units"),
    ]
    # The catalogue's words match folded_text(), so they need no diacritics on any database (SQLite's full text
    # search keeps "đ" and stacked marks); the site search also matches the fields as written.
    search_fields = [
        *Page.search_fields,
        index.SearchField("code"),
        index.SearchField("applicants"),
        index.SearchField("folded_text"),
    ]
    parent_page_types = ["services.ProcedureIndexPage"]
    subpage_types = []
    template = "services/procedure_page.html"

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        indexes = [models.Index(fields=["agency", "sector"], name="services_procedure_agency")]

    def clean(self):
        super().clean()
        if self.online_service == OnlineService.PARTIAL and not self.partial_reason.strip():
            raise ValidationError({"partial_reason": _("Hãy công bố lý do dịch vụ chỉ được cung cấp một phần.")})

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.agency = self.find_agency()
        super().save(*args, **kwargs)

    def folded_text(self) -> str:
        """The code, title, implementing agency, applicants and result without diacritics, in lower case, as
        words: what Wagtail's search backend indexes for the catalogue ("1.001612 Đăng ký" -> "1 001612 dang ky")."""
        text = " ".join([self.code, self.title, self.implementing_agency, self.applicants, self.result])
        return " ".join(search_words(text))

    def find_agency(self):
        """The agency whose site this page is on (through its home page, in any language)."""
        from home.models import Agency

        if not self.path:
            return None
        home = Page.objects.filter(path=self.path[: self.steplen * 2]).values("translation_key")
        return Agency.objects.filter(site__root_page__translation_key__in=home).first()

    @path("", name="index")
    def index(self, request):
        """The procedure itself. A person's reading is counted by the page's beacon (reporting.usage; Điều 11.2: how
        often the service is used), not here: the page is served from the front cache."""
        return self.render(request)

    @localized_path("nop-truc-tuyen/", "apply-online/", name="submit")
    def submit_online(self, request):
        """The procedure's online form; a valid one becomes a dossier, then the receipt."""
        from groundwork.abuse import rate_limited
        from services.submission import DossierForm, accepts_online, submit

        if not accepts_online(self):
            raise Http404
        request.sensitive_post_parameters = "__ALL__"  # an error report never carries the applicant's data
        form = DossierForm(request.POST or None, request.FILES or None, procedure=self)
        if request.method == "POST" and form.is_valid():
            if rate_limited(request, "dossier", *SUBMIT_LIMIT):
                form.add_error(None, gettext("Bạn đã nộp nhiều hồ sơ trong thời gian ngắn; hãy thử lại sau."))
            else:
                dossier = submit(form)
                request.session[RECEIPT_SESSION_KEY] = {
                    "page": self.pk,
                    "code": dossier.code,
                    "secret": dossier.security_code,
                    "at": int(time.time()),
                }
                return redirect(self.get_url(request) + self.reverse_subpage("receipt"))
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, "services/dossier_form.html", context, status=400 if form.errors else 200)

    @localized_path("da-nop/", "submitted/", name="receipt")
    def receipt(self, request):
        """The code and security code of the dossier just submitted in this session on this procedure, shown once
        (then forgotten), never cached; otherwise where to find them."""
        pending = request.session.get(RECEIPT_SESSION_KEY)
        shown = None
        if isinstance(pending, dict) and pending.get("page") == self.pk:
            del request.session[RECEIPT_SESSION_KEY]
            if pending["at"] >= time.time() - RECEIPT_SECONDS:
                shown = pending
        context = self.get_context(request)
        if shown:
            context["code"], context["secret"] = shown["code"], shown["secret"]
        section = self.get_parent().specific
        context["track_url"] = section.get_url(request) + section.reverse_subpage("track")
        context["recover_url"] = section.get_url(request) + section.reverse_subpage("recover")
        response = TemplateResponse(request, "services/dossier_receipt.html", context)
        add_never_cache_headers(response)
        return response

    def get_context(self, request, *args, **kwargs):
        from services.statistics import numbers_of
        from services.submission import accepts_online

        context = super().get_context(request, *args, **kwargs)
        context["accepts_online"] = accepts_online(self)
        context["channels"] = self.channels.all()
        context["components"] = self.components.select_related("template")
        context["legal_basis"] = not_withdrawn(self.legal_basis.live().public()).order_by("-issued_on")
        year = timezone.localdate().year
        context["usage_year"], context["usage"] = year, numbers_of(self, year)
        return context


class Channel(Orderable):
    """One way of submitting the dossier, with its own processing time and fee."""

    class Kind(models.TextChoices):
        IN_PERSON = "truc-tiep", _("Trực tiếp")
        ONLINE = "truc-tuyen", _("Trực tuyến")
        POST = "buu-chinh", _("Dịch vụ bưu chính")

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(_("hình thức nộp"), max_length=12, choices=Kind.choices)
    working_days = models.PositiveSmallIntegerField(_("thời hạn giải quyết (ngày làm việc)"))
    fee = models.CharField(_("phí, lệ phí"), max_length=255, default="Không")
    notes = models.CharField(_("ghi chú"), max_length=500, blank=True)

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("working_days")]), FieldPanel("fee"), FieldPanel("notes")]

    class Meta(Orderable.Meta):
        verbose_name = _("cách thức thực hiện")
        verbose_name_plural = _("cách thức thực hiện")


class DossierComponent(TranslatableMixin, Orderable):
    """One paper of the dossier: submitted (a copy kept) or shown, how many copies, and its form to download.

    Translatable: a translation's paper shares its `translation_key` with the Vietnamese one, so the English form
    asks for the Vietnamese procedure's files under their English names (see services.submission.DossierForm).
    """

    class Requirement(models.TextChoices):
        SUBMIT = "nop", _("Nộp")
        SHOW = "xuat-trinh", _("Xuất trình")

    class Upload(models.TextChoices):
        NONE = "", _("Không tải lên")
        REQUIRED = "bat-buoc", _("Bắt buộc tải lên")
        OPTIONAL = "tuy-chon", _("Tải lên nếu có")

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="components")
    name = models.CharField(_("tên giấy tờ"), max_length=500)
    requirement = models.CharField(_("nộp hay xuất trình"), max_length=12, choices=Requirement.choices, default="nop")
    copies = models.PositiveSmallIntegerField(_("số bản"), default=1)
    upload = models.CharField(
        _("khi nộp trực tuyến"),
        max_length=12,
        choices=Upload.choices,
        blank=True,
        default=Upload.NONE,
        help_text=_(
            "Người nộp hồ sơ trực tuyến có phải tải lên giấy tờ này không; biểu mẫu nộp trực tuyến hỏi tệp theo lựa "
            "chọn này."
        ),
    )
    template = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("mẫu đơn, tờ khai"), on_delete=models.PROTECT, null=True, blank=True
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("requirement"), FieldPanel("copies"), FieldPanel("upload")]),
        FieldPanel("template"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")


class ProcedureFormField(TranslatableMixin, Orderable):
    """One question of the procedure's online form, defined by the editors (the files are its dossier components).

    Translatable like DossierComponent: the English form asks the Vietnamese questions in the translation's words.
    """

    class Kind(models.TextChoices):
        TEXT = "text", _("Một dòng chữ")
        TEXTAREA = "textarea", _("Đoạn văn")
        DATE = "date", _("Ngày (dd/mm/yyyy)")
        NUMBER = "number", _("Số")
        EMAIL = "email", _("Thư điện tử")
        PHONE = "phone", _("Số điện thoại")
        CHOICE = "choice", _("Chọn một")

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="form_fields")
    label = models.CharField(_("nhãn"), max_length=255)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    required = models.BooleanField(_("bắt buộc"), default=True)
    choices = models.TextField(
        _("các lựa chọn"), blank=True, help_text=_("Với loại “Chọn một”: mỗi lựa chọn một dòng.")
    )
    help_text = models.CharField(_("hướng dẫn"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("choices"),
        FieldPanel("help_text"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("ô của biểu mẫu")
        verbose_name_plural = _("ô của biểu mẫu")

    def clean(self):
        super().clean()
        if self.kind == self.Kind.CHOICE and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("Hãy ghi ít nhất hai lựa chọn, mỗi lựa chọn một dòng.")})

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]
