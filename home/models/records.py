"""Official records (Điều 9.2, R13): a page that has ever been published is never lost.

Wagtail lets whoever may change and publish a page delete or unpublish it. Every project page model takes
`PublishedRecordMixin`, so its permission tester refuses both to all but superusers once the page has been
published: one rule that the delete and unpublish views, the page's "More" menu, the explorer's listing buttons and
bulk actions, and the admin API's actions all ask. Editors and the BBT withdraw such a page instead
(`home.withdrawal`): a `Withdrawal` keeps it at its URL with a banner and out of every listing, in every language.

A significant change to a published page carries a public `ChangeNote` ("Cập nhật"), written in the page editor
with its revision (`home.change_notes`) and shown once that revision is published.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PagePermissionTester
from wagtail.utils.decorators import cached_classmethod

from ..change_notes import NOTE_MAX_LENGTH, RecordPageForm, record_edit_handler

EVER_PUBLISHED = Q(live=True) | Q(first_published_at__isnull=False) | Q(last_published_at__isnull=False)
# The longest reason of a withdrawal (public, short; a change note's is NOTE_MAX_LENGTH).
REASON_MAX_LENGTH = 500


def has_been_published(page: Page) -> bool:
    """Whether `page` or any page under it is live or was ever published (the subtree goes with a deletion).

    The page's own fields answer for most pages without a query: the explorer asks this of every page it lists.
    """
    if page.live or page.first_published_at or page.last_published_at:
        return True
    return page.get_descendants().filter(EVER_PUBLISHED).exists()


class RecordPermissionTester(PagePermissionTester):
    """Wagtail's permissions, except that only superusers delete a page that has ever been published or unpublish
    a page; who may publish a live page withdraws it instead."""

    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        return self.user.is_superuser or not has_been_published(self.page)

    def can_move(self):
        # Wagtail derives "may move" from "may delete"; a move keeps the record, so its own rule stays.
        return super().can_delete(ignore_bulk=True)

    def can_unpublish(self):
        # A live page has been published: taking it down is for administrators (editors and the BBT withdraw).
        return self.user.is_superuser and super().can_unpublish()

    def can_withdraw(self):
        """Whether the user may withdraw the live page or restore it: who may publish it (its site's BBT, superusers).
        Site roots are not withdrawn: they are the site."""
        if not self.page.live or self.page.depth <= 2 or self.page.is_site_root():
            return False
        return self.can_publish()


class PublishedRecordMixin:
    """For every page model of the portal: its pages are official records once published, and their editor asks
    for a change note when a published page changes significantly."""

    # Models with a form of their own subclass RecordPageForm (it holds the change-note fields).
    base_form_class = RecordPageForm

    def permissions_for_user(self, user):
        """The RecordPermissionTester of `user` on this page."""
        return RecordPermissionTester(user, self)

    @cached_classmethod
    def get_edit_handler(cls):
        """Wagtail's tabs of the model's panels, with the change-note fields at the end of the content tab."""
        return record_edit_handler(cls)


class Withdrawal(models.Model):
    """A published page withdrawn from listings, with every language version of it (they share its
    translation_key). The page stays live at its URL with a banner; deleting the row restores it."""

    translation_key = models.UUIDField(unique=True)
    reason = models.TextField(_("lý do thu hồi"), max_length=REASON_MAX_LENGTH)
    withdrawn_at = models.DateTimeField(_("thời điểm thu hồi"))
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("trang đã thu hồi")
        verbose_name_plural = _("trang đã thu hồi")

    def __str__(self):
        return self.reason


def not_withdrawn(queryset: QuerySet, page: str = "") -> QuerySet:
    """`queryset` without the withdrawn pages: the one exclusion every listing, feed, sitemap, digest and search
    index applies (a NOT EXISTS on Withdrawal's unique translation_key, an anti-join on two indexes).

    For a queryset of pages leave `page` empty; for rows that point to a page, name the relation ("page")."""
    key = f"{page}__translation_key" if page else "translation_key"
    return queryset.filter(~Exists(Withdrawal.objects.filter(translation_key=OuterRef(key))))


class ChangeNote(models.Model):
    """The public note of a significant change, written with `revision`; public once `published_at` is set (that
    revision, or a later one, was published)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("ghi chú cập nhật"), max_length=NOTE_MAX_LENGTH)
    published_at = models.DateTimeField(_("ngày cập nhật"), null=True, blank=True)

    class Meta:
        verbose_name = _("ghi chú cập nhật")
        verbose_name_plural = _("ghi chú cập nhật")
        indexes = [models.Index(fields=["page", "published_at"], name="home_changenote_page")]

    def __str__(self):
        return self.note
