from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SentMail(models.Model):
    """A message an SMTP server accepted, by the id groundwork.mail.send_mail gave it; no address, no content."""

    message_id = models.UUIDField(primary_key=True)
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("Thư đã gửi")
        verbose_name_plural = _("Thư đã gửi")

    def __str__(self):
        return str(self.message_id)
