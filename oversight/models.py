"""What oversight records: the daily deadline digests sent to each editorial board, so none is sent twice a day."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeadlineDigest(models.Model):
    """One day's deadline digest to one BBT group (oversight.digests): one row per group and day."""

    group = models.ForeignKey("auth.Group", verbose_name=_("nhóm Ban biên tập"), on_delete=models.CASCADE)
    day = models.DateField(_("ngày"))
    items = models.PositiveIntegerField(_("số mục"))
    recipients = models.PositiveIntegerField(_("số người nhận"))
    sent_at = models.DateTimeField(_("thời điểm gửi"), auto_now_add=True)

    class Meta:
        verbose_name = _("thư nhắc thời hạn đăng tin")
        verbose_name_plural = _("thư nhắc thời hạn đăng tin")
        constraints = [models.UniqueConstraint(fields=["group", "day"], name="oversight_digest_once_a_day")]

    def __str__(self):
        return f"{self.group} {self.day:%d/%m/%Y}"
