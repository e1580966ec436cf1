"""Subscriptions to digests (R12): a request waiting for its confirmation, the confirmed subscription, and a record
of each digest sent.

The address is kept for the digests and nothing else: it is shown to nobody, never logged, not in the admin, and
gone with the subscription (deleting or unsubscribing deletes the row and its digests). It is stored in NFC and
lower case, so one address has at most one subscription and one pending request. No token is stored: the
confirmation link's token is kept as its SHA-256 hash only; the management links are signed (following.tokens).
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.models.pages import RICH_TEXT_FEATURES
from home.models.records import PublishedRecordMixin
from home.routing import LocalizedRoutesMixin, localized_path

# How long a confirmation link works; unconfirmed requests older than this are deleted by `send_digests`.
CONFIRMATION_DAYS = 7


class Frequency(models.TextChoices):
    DAILY = "hang-ngay", _("Hằng ngày")
    WEEKLY = "hang-tuan", _("Hằng tuần")


# Time between two digests. A little less than a day or a week: the daily timer starting a few seconds earlier than
# the day before must not skip a day.
INTERVALS = {Frequency.DAILY: timedelta(hours=22), Frequency.WEEKLY: timedelta(days=7) - timedelta(hours=2)}


class Choices(models.Model):
    """What a subscriber follows: sites, topics (digest source keys), how often, in which language. Abstract."""

    email = models.EmailField(_("thư điện tử"), max_length=254)
    language = models.CharField(_("ngôn ngữ"), max_length=8, choices=settings.LANGUAGES)
    frequency = models.CharField(_("tần suất"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    topics = models.JSONField(_("chủ đề"), default=list)
    agencies = models.ManyToManyField("home.Agency", verbose_name=_("cơ quan, đơn vị"), related_name="+")
    # The site where the visitor subscribed: its page for following is where the links of the e-mails lead.
    origin = models.ForeignKey(
        "home.Agency", verbose_name=_("đăng ký tại"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True


class SubscriptionRequest(Choices):
    """Choices sent through the form, waiting for the address's owner to confirm them (double opt-in)."""

    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("yêu cầu nhận tin chờ xác nhận")
        verbose_name_plural = _("yêu cầu nhận tin chờ xác nhận")
        constraints = [models.UniqueConstraint(fields=["email"], name="following_one_request_per_address")]

    def __str__(self):
        return f"#{self.pk}"  # never the address

    @property
    def expired(self) -> bool:
        return self.created_at < timezone.now() - timedelta(days=CONFIRMATION_DAYS)


class Subscription(Choices):
    """A confirmed subscription: its digests go out daily or weekly, with what is new since the last one."""

    # Signed into the management links; a new one (on request) makes every older link stop working.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    confirmed_at = models.DateTimeField(default=timezone.now)
    # The end of the period the last digest covered (its start: the confirmation).
    covered_until = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("đăng ký nhận tin")
        verbose_name_plural = _("đăng ký nhận tin")
        constraints = [models.UniqueConstraint(fields=["email"], name="following_one_subscription_per_address")]
        indexes = [models.Index(fields=["frequency", "covered_until"], name="following_due_idx")]

    def __str__(self):
        return f"#{self.pk}"  # never the address


class Digest(models.Model):
    """A digest sent: the period it covered and how many items it listed (no address, no content)."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="digests")
    since = models.DateTimeField()
    until = models.DateTimeField()
    items = models.PositiveIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bản tin đã gửi")
        verbose_name_plural = _("bản tin đã gửi")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "until"], name="following_one_digest_per_period")
        ]

    def __str__(self):
        return f"#{self.subscription_id} {self.until:%d/%m/%Y}"


class FollowPage(LocalizedRoutesMixin, PublishedRecordMixin, Page):
    """The site's page for following it by e-mail (/theo-doi/, /en/follow/): the form, then the links of the
    e-mails: confirming (xac-nhan/<token>/), changing or deleting (quan-ly/<token>/). See following.views."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "following/follow_page.html"

    class Meta:
        verbose_name = _("trang nhận tin qua thư điện tử")
        verbose_name_plural = _("trang nhận tin qua thư điện tử")

    @path("", name="index")
    def index(self, request):
        from following.views import subscribe

        return subscribe(request, self)

    @localized_path("da-gui/", "sent/", name="sent")
    def sent(self, request):
        from following.views import sent

        return sent(request, self)

    @localized_path("xac-nhan/<str:token>/", "confirm/<str:token>/", name="confirm")
    def confirm(self, request, token):
        from following.views import confirm

        return confirm(request, self, token)

    @localized_path("quan-ly/<str:token>/", "manage/<str:token>/", name="manage")
    def manage(self, request, token):
        from following.views import manage

        return manage(request, self, token)
