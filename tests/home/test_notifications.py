"""Wagtail's workflow and comment e-mails go through the mail queue: nothing is sent inside the editor's request."""

import pytest
from django.core import mail
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.admin.views.pages import edit as page_edit_view
from wagtail.users.models import UserProfile

from home.notifications import queue_notification, workflow_notifications_held

from .helpers import section
from .test_moderation import current_task_state, submit_new_page

pytestmark = pytest.mark.django_db


def queued_mail():
    return DBTaskResult.objects.filter(task_path="groundwork.mail.deliver_mail")


def test_a_submission_queues_the_bbts_email_and_the_worker_sends_it(
    client, agency, editor, moderator, database_queue, run_worker
):
    submit_new_page(client, editor, section(agency, "gioi-thieu"))

    assert mail.outbox == [] and queued_mail().count() == 1
    run_worker()
    [message] = mail.outbox
    assert message.to == [moderator.email]
    assert "Hội nghị chuyển đổi số" in message.subject


def test_the_editor_hears_of_the_approval_through_the_queue(
    client, agency, editor, moderator, database_queue, run_worker
):
    page = submit_new_page(client, editor, section(agency, "gioi-thieu"))
    run_worker()
    mail.outbox.clear()

    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", current_task_state(page).pk)),
        {"comment": ""},
    )

    assert mail.outbox == []
    run_worker()
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_each_recipient_gets_the_message_in_their_admin_language(
    client, agency, editor, moderator, make_user, settings, tmp_path
):
    """Rendered for each recipient in the language of their account (templates that print it, here)."""
    templates = tmp_path / "wagtailadmin/notifications"
    templates.mkdir(parents=True)
    language = "{% load i18n %}{% get_current_language as language %}"
    (templates / "task_state_submitted_subject.txt").write_text(language + "subject {{ language }}")
    (templates / "task_state_submitted.txt").write_text(language + "body {{ language }} {{ user.username }}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    english = make_user("bbt_english", agency.moderators)
    profile = UserProfile.get_for_user(english)
    profile.preferred_language = "en"
    profile.save()

    submit_new_page(client, editor, section(agency, "gioi-thieu"))

    received = {message.to[0]: (message.subject, message.body) for message in mail.outbox}
    assert received[english.email] == ("subject en", "body en bbt_english")
    assert received[moderator.email] == ("subject vi", "body vi bbt_stttt")


def test_workflow_emails_are_held_back_inside_the_block(client, agency, editor, moderator):
    with workflow_notifications_held():
        submit_new_page(client, editor, section(agency, "gioi-thieu"))

    assert mail.outbox == []


def test_comment_notifications_from_the_page_editor_are_queued(agency, editor, moderator, make_user, database_queue):
    silent = make_user("khong_nhan_thu", agency.moderators)
    profile = UserProfile.get_for_user(silent)
    profile.updated_comments_notifications = False
    profile.save()
    page = section(agency, "gioi-thieu")

    assert page_edit_view.send_notification is queue_notification  # what the editor calls for comments
    queue_notification(
        [moderator, silent],
        "updated_comments",
        {
            "page": page,
            "editor": editor,
            "new_comments": [],
            "resolved_comments": [],
            "deleted_comments": [],
            "replied_comments": [],
        },
    )

    assert mail.outbox == []
    [task] = queued_mail()
    assert task.args_kwargs["args"][0] == [moderator.email]
