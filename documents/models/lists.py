"""The lists editors choose from: document types, issuing authorities, fields (lĩnh vực)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from groundwork.models import NamedListItem


class DocumentType(NamedListItem):
    """Hình thức văn bản: Luật, Nghị quyết, Nghị định, Quyết định, Chỉ thị, Thông tư, Kế hoạch, Công văn…"""

    abbreviation = models.CharField(_("ký hiệu"), max_length=20, blank=True, help_text=_("Ví dụ: QĐ, NQ, KH"))
    # Nghị quyết and Quyết định are both: a numbered year (16/2017/QĐ-UBND) marks the legal one. The flag says
    # whether the form can be a legal document at all, as the Law on Promulgation of Legal Documents lists them.
    is_legal = models.BooleanField(
        _("hình thức văn bản quy phạm pháp luật"),
        default=False,
        help_text=_(
            "Hình thức có trong hệ thống văn bản quy phạm pháp luật (Luật Ban hành văn bản quy phạm pháp luật 2025); "
            "các hình thức khác là văn bản hành chính (Nghị định 30/2020/NĐ-CP)."
        ),
    )

    class Meta(NamedListItem.Meta):
        verbose_name = _("hình thức văn bản")
        verbose_name_plural = _("hình thức văn bản")


class Authority(NamedListItem):
    """Cơ quan ban hành (thẩm quyền ban hành), linked to its own site when it has one (R10 time limits)."""

    agency = models.ForeignKey(
        "home.Agency",
        verbose_name=_("trang của cơ quan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authorities",
        help_text=_("Văn bản của cơ quan này phải đăng trên trang này trong 2 ngày làm việc (Điều 9.1.c)."),
    )

    class Meta(NamedListItem.Meta):
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")


class LegalField(NamedListItem):
    """Lĩnh vực: the subject areas documents are classified under."""

    class Meta(NamedListItem.Meta):
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
