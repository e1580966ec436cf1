"""The province's commune-level administrative units since 1 July 2025 (reference data, R4 a).

Nghị quyết 1677/NQ-UBTVQH15 (16/6/2025) made 96 units: 86 xã, 9 phường and đặc khu Lý Sơn; their codes are the
Cục Thống kê list's (Công văn 1027/CTK-CSCL, 25/6/2025). The rows are written by data migrations: correcting one
is a new migration, not an edit in the admin.
"""

from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from vietnam.text import fold_diacritics, local_text, sort_key


class AdministrativeUnit(models.Model):
    """One commune-level unit (xã, phường or đặc khu) of the province."""

    class Kind(models.TextChoices):
        COMMUNE = "xa", _("Xã")
        WARD = "phuong", _("Phường")
        SPECIAL_ZONE = "dac-khu", _("Đặc khu")

    class FormerProvince(models.TextChoices):
        QUANG_NGAI = "quang-ngai", _("Quảng Ngãi")
        KON_TUM = "kon-tum", _("Kon Tum")

    code = models.CharField(
        _("mã số"), max_length=5, unique=True, help_text=_("Mã đơn vị hành chính theo danh mục của Cục Thống kê.")
    )
    name = models.CharField(_("tên"), max_length=100, help_text=_("Tên riêng, không kèm loại: “Tư Nghĩa”."))
    name_en = models.CharField(
        _("tên tiếng Anh"), max_length=100, help_text=_("Không dấu, kèm loại: “Tu Nghia Commune”.")
    )
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, db_index=True)
    former_province = models.CharField(_("thuộc tỉnh cũ"), max_length=12, choices=FormerProvince.choices)
    former_district = models.CharField(
        _("huyện, thị xã, thành phố cũ"),
        max_length=100,
        blank=True,
        help_text=_("Đơn vị cấp huyện (đã bỏ từ 1/7/2025) có phần lớn địa bàn của đơn vị này."),
    )
    # [{"kind": "thi-tran", "name": "La Hà", "seat": true}, {"kind": "", "name": "Nghĩa Trung"}, …]: the units merged
    # into this one, as the sources name them ("kind" left blank where they do not say it).
    former_units = models.JSONField(_("các đơn vị cũ hợp thành"), default=list, blank=True)
    unchanged = models.BooleanField(_("giữ nguyên, không sắp xếp"), default=False)

    class Meta:
        verbose_name = _("đơn vị hành chính cấp xã")
        verbose_name_plural = _("đơn vị hành chính cấp xã")
        ordering = ["code"]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        """The name with its kind, as Vietnamese writes it: "Xã Tư Nghĩa"."""
        return f"{self.get_kind_display()} {self.name}"

    @property
    def local_name(self) -> str:
        """The name in the language being served: "Xã Tư Nghĩa" or "Tu Nghia Commune"."""
        return local_text(self.full_name, self.name_en)

    @property
    def sort_key(self) -> tuple:
        """Its place in a list in the language being served (Vietnamese dictionary order, or the English name's)."""
        return sort_key(local_text(self.name, self.name_en))

    @property
    def site_code(self) -> str:
        """The code its own site would have (R1: the place name without diacritics): "Tư Nghĩa" -> "tunghia"."""
        return "".join(fold_diacritics(self.name).lower().split())

    def former_unit_names(self) -> list[str]:
        """The former units in the language being served: "thị trấn La Hà (huyện lỵ cũ)" / "La Ha Township
        (former district seat)"."""
        return [former_unit_name(unit) for unit in self.former_units]


FORMER_KINDS = {
    "xa": (_("xã"), "Commune"),
    "phuong": (_("phường"), "Ward"),
    "thi-tran": (_("thị trấn"), "Township"),
    "huyen": (_("huyện"), "District"),
}


def former_unit_name(unit: dict) -> str:
    """One former unit's name with its kind when known, and whether it was a district seat, in the language served."""
    kind = FORMER_KINDS.get(unit.get("kind", ""))
    if get_language() == "en":
        name = fold_diacritics(unit["name"]) + (f" {kind[1]}" if kind else "")
    else:
        name = f"{kind[0]} {unit['name']}" if kind else unit["name"]
    if unit.get("seat"):
        name += " " + gettext("(huyện lỵ cũ)")
    return name
