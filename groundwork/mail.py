"""The one way the portal sends e-mail: rendered in the caller's request, delivered by the task worker.

`send_mail` renders a message and queues a `deliver_mail` task. With the database task backend the task row
is written in the caller's transaction, so a submission and its notifications are committed together or not at
all, and an SMTP server that is down or slow never fails or blocks the submission: the worker retries later.
Each message gets an id when it is queued, kept through its retries: a task run again after its worker was killed
skips a message the SMTP server already accepted (outbox.sent), so an e-mail is sent at least once and, but for a
window of milliseconds, not twice. The id is also the message's Message-ID.
Logs name the template and the attempt, never an address or a name: those are citizens' personal data.
"""

import logging
import smtplib
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone, translation
from django_tasks import task

from outbox.sent import record_sent, was_sent
from vietnam.text import nfc

logger = logging.getLogger(__name__)

# Minutes to wait before each new attempt: a failed message is tried 7 times over about 17 hours.
RETRY_MINUTES = (1, 5, 15, 60, 240, 720)
MAX_ATTEMPTS = len(RETRY_MINUTES) + 1


def send_mail(
    to: str | list[str],
    subject: str,
    template: str,
    context: dict,
    language: str = "vi",
    html: bool = True,
    headers: dict[str, str] | None = None,
) -> None:
    """Render `template` (a path without extension under templates/, e.g. "feedback/mail/received": its .txt,
    and .html if it exists and `html` is true) in `language`, and queue its delivery.

    `to` is an address or a list of them; empty ones are dropped, and nothing is queued when none remain.
    `subject` may be a lazy translation: it is rendered in `language` too. `headers` are added to the message (e.g.
    List-Unsubscribe); Message-ID is the queue's own. The task is enqueued at once, not on
    commit: with the database backend it belongs to the caller's transaction. Delivery errors never reach the
    caller; template errors do (they are the caller's bugs).
    """
    addresses = [to] if isinstance(to, str) else list(to or [])
    recipients = list(dict.fromkeys(address.strip() for address in addresses if address and address.strip()))
    if not recipients:
        return
    with translation.override(language):
        subject = nfc(" ".join(str(subject).split()))  # one line: a header cannot hold a line break
        # Plain text is not HTML: "&" stays "&" whether or not the template turns autoescaping off.
        text = nfc(get_template(f"{template}.txt").template.render(Context(context, autoescape=False)))
        html_text = render_html(template, context) if html else None
    extra = {"headers": dict(headers)} if headers else {}  # tasks without extra headers stay as they were
    deliver_mail.enqueue(recipients, subject, text, html_text, template, message_id=str(uuid.uuid4()), **extra)


def render_html(template: str, context: dict) -> str | None:
    """The HTML alternative of `template` (its .html), or None if it has none."""
    try:
        html_template = get_template(f"{template}.html")
    except TemplateDoesNotExist:
        return None
    return nfc(html_template.render(context))


@task()
def deliver_mail(
    to: list[str],
    subject: str,
    text: str,
    html: str | None,
    template: str,
    attempt: int = 1,
    message_id: str = "",
    headers: dict[str, str] | None = None,
) -> str:
    """Send one rendered message from DEFAULT_FROM_EMAIL; on an SMTP or network error, queue the next attempt.

    `template` names the message in logs; `attempt` counts from 1; `message_id` (a UUID, empty in tasks queued
    before there were ids) is recorded once the SMTP server accepts the message, and a message already recorded is
    not sent again; `headers` are the caller's extra headers, kept through the retries. Returns "sent", "retrying"
    or "failed" (the task's result, kept by the database backend). Raises nothing for a delivery failure.
    """
    if message_id and was_sent(message_id):
        logger.warning("Mail %s was already sent (attempt %d run again); not sent twice", template, attempt)
        return "sent"
    extra_headers = dict(headers or {})
    if message_id:
        extra_headers["Message-ID"] = f"<{message_id}@{settings.PORTAL_DOMAIN}>"
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to, headers=extra_headers or None)
    if html:
        message.attach_alternative(html, "text/html")
    connection = get_connection()
    try:
        # A connection opened here stays open after sending, so the message is recorded as soon as the server has
        # accepted it, before QUIT: a server slow to say goodbye must not have it sent again.
        connection.open()
        connection.send_messages([message])
        if message_id:
            record_sent(message_id)
    except (smtplib.SMTPException, OSError) as error:  # refused, unreachable, timed out (EMAIL_TIMEOUT)…
        reason = type(error).__name__  # not str(error): SMTP errors quote the recipients' addresses
        if attempt >= MAX_ATTEMPTS:
            logger.error("Mail %s not sent after %d attempts (%s)", template, attempt, reason)
            return "failed"
        if not deliver_mail.get_backend().supports_defer:
            # The immediate backend (tests) cannot wait: retrying now would only fail again.
            logger.error("Mail %s not sent (%s); this task backend cannot retry later", template, reason)
            return "failed"
        minutes = RETRY_MINUTES[attempt - 1]
        deliver_mail.using(run_after=timezone.now() + timedelta(minutes=minutes)).enqueue(
            to,
            subject,
            text,
            html,
            template,
            attempt=attempt + 1,
            message_id=message_id,
            **({"headers": headers} if headers else {}),
        )
        logger.warning(
            "Mail %s: attempt %d of %d failed (%s); retry in %d min", template, attempt, MAX_ATTEMPTS, reason, minutes
        )
        return "retrying"
    except ValueError as error:  # an address or header Django refuses: no retry can fix it
        logger.error("Mail %s not sent: invalid message (%s)", template, type(error).__name__)
        return "failed"
    finally:
        close_quietly(connection)
    logger.info("Mail %s sent (attempt %d)", template, attempt)
    return "sent"


def close_quietly(connection) -> None:
    """Say goodbye to the SMTP server, if a session is open; an error then changes nothing for the message."""
    session = getattr(connection, "connection", None)  # the SMTP backend's session; other backends have none
    try:
        connection.close()
    except (smtplib.SMTPException, OSError):
        session.close()  # a QUIT that timed out leaves the socket open
