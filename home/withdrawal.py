"""Withdrawal ("Thu hồi", R13): a published official page taken out of every listing without being lost.

Who may publish a live page (its site's BBT, superusers: `RecordPermissionTester.can_withdraw`) withdraws it with a
reason; every language version goes together (one `Withdrawal` per translation_key). The page stays live at its
URL, with a banner giving the reason and the date, and keeps its history; `restore()` puts it back. Both are
logged as Wagtail actions ("portal.withdraw", "portal.restore") on each language version, so they show in the
page's history (each entry with its own uuid: Wagtail's history keeps one entry per uuid and action, across pages).

`not_withdrawn(queryset)` is the one exclusion every listing, feed, sitemap, digest and search index applies: a
NOT EXISTS on the withdrawals' unique translation_key (an anti-join on two indexes), whatever the number of pages.
"""

from uuid import uuid4

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page

from .models.records import RecordPermissionTester, Withdrawal, not_withdrawn

WITHDRAW_ACTION = "portal.withdraw"
RESTORE_ACTION = "portal.restore"

__all__ = ["is_withdrawn", "may_withdraw", "not_withdrawn", "restore", "withdraw", "withdrawal_of", "withdrawn_keys"]


def withdrawal_of(page: Page) -> Withdrawal | None:
    """The withdrawal of `page` (any of its language versions), or None."""
    return Withdrawal.objects.filter(translation_key=page.translation_key).first()


def may_withdraw(tester) -> bool:
    """Whether the user of a page's permission tester may withdraw or restore it: only project pages
    (RecordPermissionTester) are records; the tree's root and Wagtail's own page type are not."""
    return isinstance(tester, RecordPermissionTester) and tester.can_withdraw()


def withdrawn_keys() -> set:
    """The translation keys of every withdrawn page (one query of a small table), where a query cannot take
    not_withdrawn(): a search backend's filters take plain fields only."""
    return set(Withdrawal.objects.values_list("translation_key", flat=True))


def is_withdrawn(page: Page) -> bool:
    return Withdrawal.objects.filter(translation_key=page.translation_key).exists()


def withdraw(page: Page, user, reason: str) -> Withdrawal:
    """Withdraw `page` and its translations; logged on each. Raises ValueError if it already is."""
    with transaction.atomic():
        withdrawal, created = Withdrawal.objects.get_or_create(
            translation_key=page.translation_key,
            defaults={"reason": reason.strip(), "withdrawn_by": user, "withdrawn_at": timezone.now()},
        )
        if not created:
            raise ValueError("already withdrawn")
        for version in _versions(page):
            log(version, WITHDRAW_ACTION, user=user, uuid=uuid4(), data={"reason": withdrawal.reason})
    return withdrawal


def restore(page: Page, user) -> None:
    """Put `page` and its translations back in the listings; logged on each. Does nothing if it is not withdrawn."""
    with transaction.atomic():
        withdrawal = withdrawal_of(page)
        if withdrawal is None:
            return
        withdrawal.delete()
        for version in _versions(page):
            log(version, RESTORE_ACTION, user=user, uuid=uuid4(), data={"reason": withdrawal.reason})


def _versions(page: Page):
    return Page.objects.filter(translation_key=page.translation_key).specific().order_by("pk")


class WithdrawFormatter(LogFormatter):
    label = _("Thu hồi")
    message = _("Thu hồi khỏi danh sách")

    def format_comment(self, log_entry):
        return log_entry.data.get("reason", "")


class RestoreFormatter(WithdrawFormatter):
    label = _("Khôi phục")
    message = _("Khôi phục vào danh sách")


def register_actions(actions) -> None:
    """The two log actions, for the `register_log_actions` hook (the reason shows as the entry's comment)."""
    actions.register_action(WITHDRAW_ACTION)(WithdrawFormatter)
    actions.register_action(RESTORE_ACTION)(RestoreFormatter)
