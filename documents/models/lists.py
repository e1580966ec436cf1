"""The lists editors choose from: document types, issuing authorities, fields (lĩnh vực)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from vietnam.text import slugify


class NamedListItem(models.Model):
    """A name in Vietnamese and English with a folded slug for URLs (?loai=quyet-dinh). Abstract."""

    name = models.CharField(_("tên"), max_length=255, unique=True)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    slug = models.SlugField(_("mã trên đường dẫn"), max_length=255, unique=True, blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=100)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:255]
        super().save(*args, **kwargs)

    @property
    def local_name(self) -> str:
        """The name in the language being served."""
        return self.name_en if get_language() == "en" and self.name_en else self.name


class DocumentType(NamedListItem):
    """Hình thức văn bản: Luật, Nghị quyết, Nghị định, Quyết định, Chỉ thị, Thông tư, Kế hoạch, Công văn…"""

    abbreviation = models.CharField(_("ký hiệu"), max_length=20, blank=True, help_text=_("Ví dụ: QĐ, NQ, KH"))

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
