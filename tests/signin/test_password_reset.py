"""Wagtail's password reset (/admin/password_reset/): throttled per e-mail and per client address without telling
anyone which addresses have accounts, and its e-mail in Vietnamese through the mail queue (groundwork/mail.py)."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.conftest import PASSWORD
from tests.groundwork import test_mail
from tests.groundwork.test_mail import mail_tasks

pytestmark = pytest.mark.django_db

# The real SMTP server of tests/groundwork/test_mail.py (the database queue and its worker are tests/conftest.py's).
smtp_port, smtp_server = test_mail.smtp_port, test_mail.smtp_server

RESET = "/admin/password_reset/"
DONE = "/admin/password_reset/done/"


def request_reset(client, email, **headers):
    return client.post(RESET, {"email": email}, **headers)


def test_ten_requests_for_one_address_send_three_emails_and_all_read_the_same(client, editor):
    responses = [request_reset(Client(REMOTE_ADDR=f"198.51.100.{number}"), editor.email) for number in range(10)]

    assert [(response.status_code, response["Location"]) for response in responses] == [(302, DONE)] * 10
    assert len(mail.outbox) == 3
    assert {tuple(message.to) for message in mail.outbox} == {(editor.email,)}


def test_one_client_address_asks_for_ten_resets_an_hour(client, agency, make_user):
    users = [make_user(f"bientap{number}_stttt", agency.editors) for number in range(12)]

    responses = [request_reset(client, user.email) for user in users]

    assert {response["Location"] for response in responses} == {DONE}
    assert len(mail.outbox) == 10
    assert sorted(message.to[0] for message in mail.outbox) == sorted(user.email for user in users[:10])
    # An address nobody has reads the same as one that has an account, throttled or not.
    assert request_reset(client, "khong.ai@example.vn")["Location"] == DONE


def test_the_limits_count_whatever_the_case_of_the_address_and_forwarded_for(client, editor):
    for number, email in enumerate([editor.email, editor.email.upper(), f" {editor.email} ", editor.email]):
        request_reset(client, email, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")

    assert len(mail.outbox) == 3


def test_with_smtp_down_the_reset_email_is_queued_and_delivered_once_smtp_is_back(
    client, editor, database_queue, run_worker, smtp_port, smtp_server
):
    # The requester's browser is in English; the e-mail is in the account's admin language, Vietnamese by default.
    assert request_reset(client, editor.email, HTTP_ACCEPT_LANGUAGE="en")["Location"] == DONE

    [queued] = mail_tasks()
    assert queued.status == "READY"
    run_worker()  # nothing listens on smtp_port
    first, retry = mail_tasks()
    assert (first.status, first.return_value, retry.status) == ("SUCCESSFUL", "retrying", "READY")

    inbox = smtp_server()
    mail_tasks().filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()

    [message] = inbox.messages
    assert message["To"] == editor.email
    assert message["Subject"].strip() == "Đặt lại mật khẩu – Cổng TTĐT tỉnh Quảng Ngãi"
    body = message.get_body(("plain",)).get_content()
    assert "Để đặt mật khẩu mới" in body and f"Tên đăng nhập của bạn: {editor.username}" in body
    [link] = re.findall(r"https?://\S+/admin/password_reset/confirm/\S+", body)

    # The link works: it leads to the form for a new password, and the new password signs in.
    visitor = Client()
    form = visitor.get(urlsplit(link).path, follow=True)
    assert form.status_code == 200 and 'name="new_password1"' in form.text
    new_password = "mat-khau-moi-2026-quang-ngai"
    visitor.post(form.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    editor.refresh_from_db()
    assert editor.check_password(new_password) and not editor.check_password(PASSWORD)


def test_the_email_says_how_long_the_link_works(client, editor):
    request_reset(client, editor.email)

    [message] = mail.outbox
    assert "trong 60 phút" in message.body  # PASSWORD_RESET_TIMEOUT: an hour, not Django's three days
