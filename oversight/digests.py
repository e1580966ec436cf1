"""The daily deadline digest: `enqueue_deadline_digests` (run daily by `manage.py send_deadline_digests`) queues a
`send_deadline_digest` task per editorial board (an agency's `moderators` group) with something to say: items of its
sites overdue or due within `SOON` working days. Each task sends one Vietnamese e-mail to the group's active members
with an address, listing the items with absolute admin links, and records the sending (`DeadlineDigest`, one per
group and day) in the same transaction: a second run the same day, or a second worker, sends nothing.
"""

import logging
from datetime import date

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from groundwork.mail import send_mail
from home.models import Agency
from vietnam.workdays import add_working_days, is_working_day

from .models import DeadlineDigest
from .states import open_items, rule_names

logger = logging.getLogger(__name__)

# "Due soon": within this many working days.
SOON = 2
# Items listed per digest (the total is given, and a link to the full listing).
LISTED = 50


def group_agencies(group: Group):
    """The sites a BBT group watches: every site for the portal's BBT, otherwise those it moderates."""
    agencies = Agency.objects.filter(moderators=group)
    if agencies.filter(kind=Agency.Kind.PORTAL).exists():
        return Agency.objects.all()
    return agencies


def enqueue_deadline_digests(today: date | None = None) -> int:
    """Queue a digest task for each BBT group whose sites have items overdue or due soon on `today`; how many.
    Nothing on days off: the boards work on working days."""
    today = today or timezone.localdate()
    if not is_working_day(today):
        return 0
    counts = open_items(Agency.objects.all(), None, add_working_days(today, SOON), cap=0, today=today).counts
    busy = {agency_id for (agency_id, _code), n in counts.items() if n}
    queued = 0
    for agency in Agency.objects.order_by("pk"):
        if busy and (agency.is_portal or agency.pk in busy):
            send_deadline_digest.enqueue(agency.moderators_id, today.isoformat())
            queued += 1
    return queued


def digest_recipients(group: Group) -> list[str]:
    """The addresses of the group's active members."""
    return list(group.user_set.filter(is_active=True).exclude(email="").order_by("pk").values_list("email", flat=True))


@task()
def send_deadline_digest(group_id: int, day: str) -> str:
    """Send group `group_id` its digest of `day` (ISO 8601) unless already sent or nothing is due.
    Returns "sent", "already-sent", "nothing-due" or "no-recipients"."""
    today = date.fromisoformat(day)
    group = Group.objects.filter(pk=group_id).first()
    if group is None:
        return "nothing-due"
    if DeadlineDigest.objects.filter(group=group, day=today).exists():
        return "already-sent"
    agencies = group_agencies(group)
    block = open_items(agencies, None, add_working_days(today, SOON), cap=LISTED, today=today)
    if not block.total:
        return "nothing-due"
    recipients = digest_recipients(group)
    if not recipients:
        return "no-recipients"
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override("vi"):
        names = rule_names()
        items = sorted(block.items, key=lambda item: (item.due, item.title))[:LISTED]
        lines = [
            {
                "item": item,
                "category": names.get(item.category, item.category),
                "url": base + item.edit_url,
                "overdue": item.due < today,
            }
            for item in items
        ]
        subject = gettext("Thời hạn đăng tin ngày %(date)s: %(count)d mục quá hạn hoặc sắp đến hạn") % {
            "date": f"{today:%d/%m/%Y}",
            "count": block.total,
        }
        try:
            with transaction.atomic():
                DeadlineDigest.objects.create(group=group, day=today, items=block.total, recipients=len(recipients))
                send_mail(
                    recipients,
                    subject,
                    "oversight/mail/digest",
                    {
                        "lines": lines,
                        "total": block.total,
                        "more": block.total - len(lines),
                        "today": today,
                        "soon": SOON,
                        "listing_url": base + reverse("oversight_deadlines"),
                    },
                    language="vi",
                )
        except IntegrityError:  # another worker sent it meanwhile
            return "already-sent"
    logger.info("Deadline digest to group %s: %d items", group_id, block.total)
    return "sent"
