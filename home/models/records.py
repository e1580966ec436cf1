"""Official records (Điều 9.2): a page that has ever been published is never erased, except by a superuser.

Wagtail lets whoever may change and publish a page delete it with all its revisions. Every project page model
takes `PublishedRecordMixin`, so its permission tester refuses that deletion: one rule that the delete view, the
page's "More" menu, the explorer's listing buttons and bulk delete, and the admin API's delete action all ask.
The others unpublish instead.
"""

from django.db.models import Q
from wagtail.models import Page, PagePermissionTester

EVER_PUBLISHED = Q(live=True) | Q(first_published_at__isnull=False) | Q(last_published_at__isnull=False)


def has_been_published(page: Page) -> bool:
    """Whether `page` or any page under it is live or was ever published (the subtree goes with a deletion).

    The page's own fields answer for most pages without a query: the explorer asks this of every page it lists.
    """
    if page.live or page.first_published_at or page.last_published_at:
        return True
    return page.get_descendants().filter(EVER_PUBLISHED).exists()


class RecordPermissionTester(PagePermissionTester):
    """Wagtail's permissions, except that only superusers delete a page that has ever been published."""

    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        return self.user.is_superuser or not has_been_published(self.page)

    def can_move(self):
        # Wagtail derives "may move" from "may delete"; a move keeps the record, so its own rule stays.
        return super().can_delete(ignore_bulk=True)


class PublishedRecordMixin:
    """For every page model of the portal: its pages are official records once published."""

    def permissions_for_user(self, user):
        """The RecordPermissionTester of `user` on this page."""
        return RecordPermissionTester(user, self)
