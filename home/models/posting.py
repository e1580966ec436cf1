"""The posting time limits of Điều 9.1 (R10), as data: one row per category, its trigger and its limit in working
days. The portal's administrators change names and limits in Settings ("Thời hạn đăng tin"); the codes are fixed,
created by a data migration, and named by the content that follows each rule (`POSTING_CATEGORY`)."""

from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _

from vietnam.text import local_text

CACHE_KEY = "home:posting-limits"


class PostingRule(models.Model):
    """One category of R10: what starts its clock and how many working days it allows.

    The English versions' rule (`english`) has limit 0: an English page must follow its Vietnamese source, so it
    is out of date from the day the source is published again after it ("reviewed whenever the source changes").
    """

    code = models.SlugField(_("mã"), max_length=40, unique=True, editable=False)
    name = models.CharField(_("loại thông tin"), max_length=255)
    name_en = models.CharField(_("loại thông tin (tiếng Anh)"), max_length=255, blank=True)
    trigger = models.CharField(_("tính từ"), max_length=255, help_text=_("Sự kiện bắt đầu tính thời hạn."))
    limit = models.PositiveSmallIntegerField(
        _("thời hạn (ngày làm việc)"), help_text=_("Số ngày làm việc kể từ sau ngày của sự kiện trên.")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0, editable=False)

    class Meta:
        verbose_name = _("thời hạn đăng tin")
        verbose_name_plural = _("thời hạn đăng tin")
        ordering = ["order", "code"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(CACHE_KEY)

    @property
    def local_name(self) -> str:
        """The name in the language being served."""
        return local_text(self.name, self.name_en)
