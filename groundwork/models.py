"""The named lists editors choose from (document types, fields, procedure sectors…): an abstract model, and how
the standard lists are put in them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from vietnam.text import local_text, slugify


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
        return local_text(self.name, self.name_en)


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
