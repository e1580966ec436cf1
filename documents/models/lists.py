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


def add_standard_items(model, items: list[dict]) -> int:
    """Put the standard `items` (field values, "name" among them) in the list `model`, in their order.

    An item is already there when an entry has its name (ignoring case) or its slug: that entry keeps what an
    administrator made of it, and only its blank fields (and unset flags) are filled from the standard. Missing
    items are added with `sort_order` 10, 20, 30… For data migrations (works on their historical models, which
    have no custom `save`) and for tests that must put the lists back after emptying the database. Returns how
    many items were added.
    """
    existing = list(model.objects.all())
    by_key = {item.name.casefold(): item for item in existing} | {item.slug: item for item in existing}
    added = 0
    for order, values in enumerate(items, start=1):
        slug = slugify(values["name"])[:255]
        item = by_key.get(values["name"].casefold()) or by_key.get(slug)
        if item is None:
            model.objects.create(slug=slug, sort_order=order * 10, **values)
            added += 1
            continue
        blanks = [name for name, value in values.items() if value and not getattr(item, name)]
        for name in blanks:
            setattr(item, name, values[name])
        if blanks:
            item.save(update_fields=blanks)
    return added


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
