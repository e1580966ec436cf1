"""The named lists editors choose from (document types, fields, procedure sectors…): an abstract model."""

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
