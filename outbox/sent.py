"""Which queued messages were already accepted by the SMTP server.

A delivery task can run twice: its worker may be killed after the server accepted the message but before the task
was marked done, and the task is then put back in the queue (worker.recovery). The message's id, recorded the moment
the server accepts it and committed at once (the worker runs tasks in autocommit), lets the second run skip it. What
is left is a window of milliseconds between the server's "250" and the commit. Records are kept KEEP_FOR, far
longer than a message's retries last (groundwork.mail.RETRY_MINUTES: about 17 hours).
"""

from datetime import timedelta

from django.db import connection
from django.utils import timezone

from .models import SentMail

KEEP_FOR = timedelta(days=14)


def was_sent(message_id: str) -> bool:
    """Whether the message with this id was already accepted by an SMTP server."""
    return SentMail.objects.filter(message_id=message_id).exists()


def record_sent(message_id: str) -> None:
    """Record that the SMTP server accepted this message, and forget records older than KEEP_FOR."""
    if not connection.in_atomic_block and connection.connection is not None and not connection.is_usable():
        # PostgreSQL dropped the connection while the message was being sent (a restart): without a new one the
        # record would be lost and the message sent again.
        connection.close()
    SentMail.objects.bulk_create([SentMail(message_id=message_id)], ignore_conflicts=True)
    SentMail.objects.filter(sent_at__lt=timezone.now() - KEEP_FOR).delete()
