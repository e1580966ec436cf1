"""Wagtail's admin e-mails, queued through the portal's mail queue (groundwork.mail) instead of sent in the request.

Wagtail sends its workflow e-mails (submitted, approved, rejected) from signal handlers whose notifiers open an
SMTP connection inside the request or the import that fired them, and the page editor sends comment notifications
through `wagtail.admin.mail.send_notification` the same way: a slow or absent SMTP server then holds up or breaks
the editor's click. Here the same notifiers, subclassed, render each message as Wagtail does (for each recipient,
in the recipient's admin language, from Wagtail's templates or the project's overrides of them) and queue it; they
take the place of Wagtail's handlers under Wagtail's own dispatch_uids. Comment notifications have no hook: the
editor module's `send_notification` is pointed at `queue_notification`, which does the same.

`workflow_notifications_held()` holds the workflow e-mails back, for work that sends its own summary instead (an
import submits hundreds of pages: the BBT gets one e-mail, not one per page).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin import mail as wagtail_mail
from wagtail.admin.views.pages import edit as page_edit_view
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile

from groundwork.mail import send_mail

_held = ContextVar("workflow_notifications_held", default=False)


@contextmanager
def workflow_notifications_held() -> Iterator[None]:
    """Inside this block (in this thread or task) Wagtail's workflow e-mails are not sent at all."""
    token = _held.set(True)
    try:
        yield
    finally:
        _held.reset(token)


def queue_admin_mail(recipient, template_set: dict, context: dict) -> None:
    """Render Wagtail's notification templates (`template_set`: "subject", "text" paths) for `recipient`, in
    their admin language, and queue the message for them."""
    context = {**context, "user": recipient}
    language = UserProfile.get_for_user(recipient).get_preferred_language()
    with translation.override(language):
        subject = render_to_string(template_set["subject"], context).strip()
    send_mail(
        recipient.email,
        subject,
        template_set["text"].removesuffix(".txt"),
        context,
        language=language,
        html=getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False),
    )


class QueuedEmailMixin:
    """For Wagtail's e-mail notifiers: queue each recipient's message instead of sending them all now."""

    def send_notifications(self, template_set, context, recipients, **kwargs):
        if _held.get():
            return True
        for recipient in recipients:
            queue_admin_mail(recipient, template_set, context)
        return True


class TaskSubmittedNotifier(QueuedEmailMixin, wagtail_mail.GroupApprovalTaskStateSubmissionEmailNotifier):
    """To the task's approvers (the BBT): a page waits for their review."""


class WorkflowSubmittedNotifier(QueuedEmailMixin, wagtail_mail.WorkflowStateSubmissionEmailNotifier):
    """To superusers: a page entered a workflow."""


class WorkflowApprovedNotifier(QueuedEmailMixin, wagtail_mail.WorkflowStateApprovalEmailNotifier):
    """To the editor who submitted: the page was approved."""


class WorkflowRejectedNotifier(QueuedEmailMixin, wagtail_mail.WorkflowStateRejectionEmailNotifier):
    """To the editor who submitted: changes were requested, with the BBT's comment."""


# Module-level instances: signals hold their receivers by weak reference. Wagtail's dispatch_uids, so that each
# replaces Wagtail's handler whichever app is ready first.
RECEIVERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", TaskSubmittedNotifier()),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification", WorkflowSubmittedNotifier()),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification", WorkflowRejectedNotifier()),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification", WorkflowApprovedNotifier()),
]


def queue_notification(recipient_users, notification: str, extra_context: dict) -> bool:
    """`wagtail.admin.mail.send_notification`, queued: the users who have an e-mail address and want this kind of
    notification (their account's preferences) each get the message in their admin language. Returns True."""
    prefix = f"wagtailadmin/notifications/{notification}"
    template_set = {"subject": f"{prefix}_subject.txt", "text": f"{prefix}.txt"}
    context = {"settings": settings, **extra_context}
    for recipient in recipient_users:
        wanted = getattr(UserProfile.get_for_user(recipient), f"{notification}_notifications", False)
        if recipient.is_active and recipient.email and wanted:
            queue_admin_mail(recipient, template_set, context)
    return True


def connect() -> None:
    """Put the queued notifiers in the place of Wagtail's (called from HomeConfig.ready)."""
    for signal, sender, dispatch_uid, notifier in RECEIVERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
    page_edit_view.send_notification = queue_notification
