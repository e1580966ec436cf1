"""Wagtail's workflow e-mails speak each recipient's admin language, Vietnamese unless they chose English, and
link to the admin at WAGTAILADMIN_BASE_URL."""

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from .helpers import section
from .test_moderation import submit_new_page

pytestmark = pytest.mark.django_db


def prefer(user, language: str):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


def mail_to(user):
    (message,) = [message for message in mail.outbox if user.email in message.to]
    return message


def test_each_moderator_is_told_in_their_language(client, agency, editor, moderator, make_user, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://quangngai.localhost:8000"
    english_moderator = prefer(make_user("bbt_stttt_en", agency.moderators), "en")
    prefer(editor, "en")  # the sender's own language is not the recipients'

    page = submit_new_page(client, editor, section(agency, "gioi-thieu"), title="Hội nghị", slug="hoi-nghi")

    vietnamese = mail_to(moderator)
    assert vietnamese.subject == f"Trang “Hội nghị” đã được gửi duyệt ở bước “{page.current_workflow_task.name}”"
    assert "Xin chào" in vietnamese.body
    assert "submitted" not in vietnamese.body
    assert f"http://quangngai.localhost:8000/admin/pages/{page.pk}/edit/" in vietnamese.body

    english = mail_to(english_moderator)
    assert english.subject.startswith('The page "Hội nghị" has been submitted for approval')
    assert f"http://quangngai.localhost:8000/admin/pages/{page.pk}/edit/" in english.body
