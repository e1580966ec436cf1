"""Who owns each Wagtail Site: the portal, an agency (sở, ban, ngành) or a local government."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from vietnam.text import local_text

# One label of a hostname (RFC 1123), as an agency's code is the first label of its site's host.
HOSTNAME_LABEL = r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"

hostname_label_validator = RegexValidator(
    HOSTNAME_LABEL,
    _("Mã chỉ gồm chữ thường a–z, số 0–9 và dấu gạch ngang, tối đa 63 ký tự, không bắt đầu hay kết thúc bằng '-'."),
)


class Agency(models.Model):
    """The organisation behind one Site (R1): its kind, its code (the host's first label), its people.

    Created and kept in step by `manage.py create_agency_site`; the groups, collection and workflow
    recorded here are what scope that site's editors and editorial board (BBT) to it.
    """

    class Kind(models.TextChoices):
        PORTAL = "portal", _("Cổng thông tin điện tử tỉnh")
        AGENCY = "agency", _("Sở, ban, ngành")
        LOCAL = "local", _("Chính quyền địa phương cấp xã")

    site = models.OneToOneField("wagtailcore.Site", on_delete=models.PROTECT, related_name="agency")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    code = models.CharField(
        _("mã"),
        max_length=63,
        blank=True,
        validators=[hostname_label_validator],
        help_text=_("Tên miền cấp 4: <mã>.quangngai.gov.vn. Cổng tỉnh không có mã."),
    )
    name = models.CharField(_("tên cơ quan"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    collection = models.ForeignKey("wagtailcore.Collection", on_delete=models.PROTECT, related_name="+")
    editors = models.ForeignKey(
        "auth.Group", verbose_name=_("nhóm biên tập viên"), on_delete=models.PROTECT, related_name="+"
    )
    moderators = models.ForeignKey(
        "auth.Group", verbose_name=_("nhóm Ban biên tập"), on_delete=models.PROTECT, related_name="+"
    )
    # The one-stop desk (bộ phận một cửa) who handle the dossiers submitted online to this agency (R7, Điều 13):
    # only its members see them. Created by `create_agency_site`.
    officers = models.ForeignKey(
        "auth.Group",
        verbose_name=_("nhóm cán bộ một cửa"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    workflow = models.ForeignKey("wagtailcore.Workflow", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")
        ordering = ["kind", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=~Q(code=""), name="agency_code_unique"),
            models.UniqueConstraint(fields=["kind"], condition=Q(kind="portal"), name="agency_single_portal"),
            models.CheckConstraint(
                condition=Q(kind="portal", code="") | (~Q(kind="portal") & ~Q(code="")),
                name="agency_code_iff_not_portal",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def local_name(self) -> str:
        """The name in the language being served: the English one on English pages when there is one."""
        return local_text(self.name, self.name_en)

    @property
    def is_portal(self) -> bool:
        """Whether this is the province's portal, whose lists and searches cover every site."""
        return self.kind == self.Kind.PORTAL

    @property
    def label(self) -> str:
        """The short name used in group and workflow names: the code, or the portal's own label."""
        return self.code or self.site.hostname.split(".")[0]


@register_setting(icon="mail")
class SiteContactSettings(BaseSiteSetting):
    """The site's own contact details, shown in every page's footer (R4 l, Điều 8.2.l)."""

    owner = models.CharField(
        _("cơ quan chủ quản"), max_length=255, blank=True, help_text=_("Ví dụ: Ủy ban nhân dân tỉnh Quảng Ngãi")
    )
    owner_en = models.CharField(_("cơ quan chủ quản (tiếng Anh)"), max_length=255, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    address_en = models.CharField(_("địa chỉ (tiếng Anh)"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    hotline = models.CharField(
        _("đường dây nóng"),
        max_length=50,
        blank=True,
        help_text=_("Số người dân gọi để phản ánh, hỏi về thủ tục; hiện nổi bật trên trang chủ."),
    )
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    responsible = models.CharField(
        _("người chịu trách nhiệm chính"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Chánh Văn phòng UBND tỉnh, Trưởng Ban biên tập"),
    )
    responsible_en = models.CharField(_("người chịu trách nhiệm chính (tiếng Anh)"), max_length=255, blank=True)
    licence = models.CharField(_("giấy phép"), max_length=255, blank=True)
    licence_en = models.CharField(_("giấy phép (tiếng Anh)"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thông tin liên hệ của trang")
        verbose_name_plural = _("thông tin liên hệ của trang")

    def _localized(self, name: str) -> str:
        return local_text(getattr(self, name), getattr(self, f"{name}_en"))

    @property
    def local_owner(self) -> str:
        """The governing body in the language being served (English when given, else Vietnamese)."""
        return self._localized("owner")

    @property
    def local_address(self) -> str:
        """The address in the language being served."""
        return self._localized("address")

    @property
    def local_responsible(self) -> str:
        """The person responsible in the language being served."""
        return self._localized("responsible")

    @property
    def local_licence(self) -> str:
        """The licence line in the language being served."""
        return self._localized("licence")
