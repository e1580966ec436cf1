"""The digests: `enqueue_due_digests` (run daily by `manage.py send_digests`) queues a `send_digest` task per
subscription that is due; each task, in one transaction with the subscription's row locked, lists what was
published in the chosen topics on the chosen sites since the period the last digest covered, queues the e-mail
(nothing when nothing is new), records the digest and moves the subscription's period on. A scheduler run twice, or
two workers taking the same subscription, find it no longer due: nothing is sent twice.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task
from wagtail.models import Page

from groundwork.mail import send_mail

from .models import INTERVALS, Digest, Frequency, Subscription
from .sources import ITEMS_PER_SOURCE, DigestItem, digest_sources
from .subscribing import manage_link, one_click_link, purge_expired_requests, unsubscribe_headers
from .tokens import management_token

logger = logging.getLogger(__name__)


@dataclass
class DigestSection:
    """One topic of a digest: its items (each with its site's name) and how many more there are."""

    label: str
    items: list[tuple[DigestItem, str]] = field(default_factory=list)
    more: int = 0


def due_subscriptions(now: datetime):
    """The subscriptions whose next digest is due at `now`."""
    due = Q()
    for frequency in Frequency:
        due |= Q(frequency=frequency, covered_until__lte=now - INTERVALS[frequency])
    return Subscription.objects.filter(due)


def enqueue_due_digests(now: datetime | None = None) -> int:
    """Delete expired requests, then queue a digest task for every subscription due at `now`; how many."""
    now = now or timezone.now()
    purge_expired_requests()
    ids = list(due_subscriptions(now).order_by("pk").values_list("pk", flat=True))
    for subscription_id in ids:
        send_digest.enqueue(subscription_id, now.isoformat())
    return len(ids)


def sections_for(subscription: Subscription, since: datetime, until: datetime) -> list[DigestSection]:
    """What the subscription's digest lists for (since, until], in its language, topic by topic (registry order)."""
    chosen = subscription.agencies.select_related("site__root_page")
    agencies = {agency.site.root_page.translation_key: agency for agency in chosen}
    roots = list(
        Page.objects.filter(translation_key__in=agencies, locale__language_code=subscription.language).only(
            "path", "depth", "translation_key"
        )
    )
    names = {root.pk: agencies[root.translation_key].local_name for root in roots}
    sections = []
    for source in digest_sources():
        if source.key not in subscription.topics:
            continue
        items, total = source.items(roots, since, until, ITEMS_PER_SOURCE)
        if items:
            sections.append(
                DigestSection(
                    str(source.label), [(item, names[item.root_id]) for item in items], more=total - len(items)
                )
            )
    return sections


@task()
def send_digest(subscription_id: int, until: str) -> str:
    """Send the subscription's digest for the period ending at `until` (ISO 8601), if it is still due and anything
    is new. Returns "sent", "nothing-new" or "not-due"."""
    until = datetime.fromisoformat(until)
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("origin__site")
            .filter(pk=subscription_id)
            .first()
        )
        if subscription is None or subscription.covered_until > until - INTERVALS[subscription.frequency]:
            return "not-due"
        since = subscription.covered_until
        with translation.override(subscription.language):
            sections = sections_for(subscription, since, until)
            count = sum(len(section.items) + section.more for section in sections)
            if count:
                token = management_token(subscription.key)
                subject = gettext("Bản tin Cổng thông tin điện tử tỉnh Quảng Ngãi: %(count)d mục mới đến %(date)s") % {
                    "count": count,
                    "date": f"{timezone.localtime(until):%d/%m/%Y}",
                }
                unsubscribe = one_click_link(subscription.origin, token)
                send_mail(
                    subscription.email,
                    subject,
                    "following/mail/digest",
                    {
                        "sections": sections,
                        "count": count,
                        "since": timezone.localtime(since),
                        "until": timezone.localtime(until),
                        "frequency": subscription.get_frequency_display(),
                        "manage_url": manage_link(subscription),
                        "unsubscribe_url": unsubscribe,
                    },
                    language=subscription.language,
                    headers=unsubscribe_headers(unsubscribe),
                )
                Digest.objects.create(subscription=subscription, since=since, until=until, items=count)
        subscription.covered_until = until
        subscription.save(update_fields=["covered_until"])
    logger.info("Digest of subscription %s: %d items", subscription_id, count)
    return "sent" if count else "nothing-new"
