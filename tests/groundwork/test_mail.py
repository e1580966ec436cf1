"""E-mail through the task queue (groundwork/mail.py): a real SMTP server, retries from the database queue run by
`manage.py db_worker`, no address in the logs; and Wagtail's own tasks on that queue."""

import email
import logging
import unicodedata
from datetime import timedelta
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from groundwork.mail import MAX_ATTEMPTS, deliver_mail, send_mail
from home.onboarding import create_agency_site
from tests.processes import free_port

CITIZEN = "nguyen.van.an@example.vn"
SUBJECT = "Câu hỏi Q-2026-0001 đã được tiếp nhận"
CONTEXT = {"name": "Nguyễn & Trần"}


@pytest.fixture(autouse=True)
def mail_templates(tmp_path, settings):
    """Test-only templates: "test/message" (text and HTML) and "test/plain" (text only)."""
    (tmp_path / "test").mkdir()
    (tmp_path / "test/message.txt").write_text('{% load i18n %}{% translate "Trang chủ" %}: {{ name }}\n')
    (tmp_path / "test/message.html").write_text('{% load i18n %}<p>{% translate "Trang chủ" %}: {{ name }}</p>\n')
    (tmp_path / "test/plain.txt").write_text('{% load i18n %}{% translate "Trang chủ" %}\n')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    @property
    def messages(self):
        return [email.message_from_bytes(envelope.content, policy=policy.default) for envelope in self.envelopes]


@pytest.fixture
def smtp_port(settings):
    """A free local port, with Django's SMTP backend pointed at it; nothing listens there until `smtp_server`."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    return port


@pytest.fixture
def smtp_server(smtp_port):
    """start(): a real SMTP server (aiosmtpd) on `smtp_port`, stopped after the test; returns its Inbox."""
    controllers = []

    def start():
        inbox = Inbox()
        controllers.append(Controller(inbox, hostname="127.0.0.1", port=smtp_port))
        controllers[-1].start()
        return inbox

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def logs(caplog):
    """Every log record, the task libraries' included."""
    caplog.set_level(logging.DEBUG)
    for name in ("django_tasks", "django_tasks_db"):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def logged_text(logs):
    """What the portal's process logged at any level (not the test SMTP server's own "mail.log")."""
    return "\n".join(record.getMessage() for record in logs.records if record.name != "mail.log")


def mail_tasks():
    return DBTaskResult.objects.filter(task_path="groundwork.mail.deliver_mail").order_by("enqueued_at")


@pytest.mark.django_db
def test_a_message_reaches_a_real_smtp_server_in_utf8_nfc_with_text_and_html(smtp_server, settings):
    inbox = smtp_server()

    send_mail(CITIZEN, unicodedata.normalize("NFD", SUBJECT), "test/message", CONTEXT)

    [envelope] = inbox.envelopes
    assert envelope.rcpt_tos == [CITIZEN]
    [message] = inbox.messages
    assert message["To"] == CITIZEN
    assert message["From"] == settings.DEFAULT_FROM_EMAIL
    subject = message["Subject"].strip()  # Django 5.2 folds an encoded subject onto its second line
    assert subject == SUBJECT
    assert unicodedata.is_normalized("NFC", subject)
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    assert text.get_content_charset() == html.get_content_charset() == "utf-8"
    assert text.get_content().splitlines() == ["Trang chủ: Nguyễn & Trần"]  # plain text is not HTML-escaped
    assert html.get_content().splitlines() == ["<p>Trang chủ: Nguyễn &amp; Trần</p>"]


@pytest.mark.django_db
def test_a_failed_delivery_is_queued_again_and_the_worker_delivers_it_once_the_server_is_back(
    database_queue, run_worker, smtp_port, smtp_server, logs
):
    send_mail([CITIZEN], SUBJECT, "test/message", CONTEXT)  # nothing listens on smtp_port: no error here

    [first] = mail_tasks()
    assert first.status == "READY"

    before = timezone.now()
    run_worker()

    first, retry = mail_tasks()
    assert (first.status, first.return_value) == ("SUCCESSFUL", "retrying")
    assert retry.status == "READY"
    assert before + timedelta(minutes=1) <= retry.run_after <= timezone.now() + timedelta(minutes=1)
    assert retry.args_kwargs["kwargs"] == {"attempt": 2, "message_id": first.args_kwargs["kwargs"]["message_id"]}
    warning = next(record for record in logs.records if record.name == "groundwork.mail")
    assert warning.levelname == "WARNING"
    assert warning.getMessage() == "Mail test/message: attempt 1 of 7 failed (ConnectionRefusedError); retry in 1 min"

    inbox = smtp_server()
    run_worker()
    assert inbox.envelopes == []  # not due yet

    mail_tasks().filter(pk=retry.pk).update(run_after=timezone.now())  # a minute later
    run_worker()

    [message] = inbox.messages
    assert (message["To"], message["Subject"].strip()) == (CITIZEN, SUBJECT)
    assert mail_tasks().get(pk=retry.pk).return_value == "sent"
    assert mail_tasks().count() == 2
    assert "@" not in logged_text(logs)  # no recipient, sender or server address in any log line


@pytest.mark.django_db
def test_the_last_attempt_gives_up_with_an_error_and_no_new_task(database_queue, run_worker, smtp_port, logs):
    deliver_mail.enqueue([CITIZEN], SUBJECT, "Trang chủ", None, "test/plain", attempt=MAX_ATTEMPTS)

    run_worker()

    [task] = mail_tasks()
    assert task.return_value == "failed"
    [error] = [record for record in logs.records if record.name == "groundwork.mail"]
    assert error.levelname == "ERROR"
    assert error.getMessage() == "Mail test/plain not sent after 7 attempts (ConnectionRefusedError)"
    assert "@" not in logged_text(logs)


@pytest.mark.django_db
def test_a_backend_that_cannot_wait_does_not_retry_and_the_caller_sees_no_error(smtp_port, logs):
    send_mail(CITIZEN, SUBJECT, "test/message", CONTEXT)  # the immediate backend sends inside this call

    [error] = [record for record in logs.records if record.name == "groundwork.mail"]
    assert error.levelname == "ERROR"
    assert "cannot retry" in error.getMessage()
    assert "@" not in logged_text(logs)


@pytest.mark.django_db
def test_the_message_is_queued_in_the_callers_transaction(database_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail(CITIZEN, SUBJECT, "test/message", CONTEXT)
        assert mail_tasks().count() == 1
        raise RuntimeError("the submission failed")

    assert mail_tasks().count() == 0


@pytest.mark.django_db
def test_nothing_is_queued_without_an_address(database_queue):
    send_mail("", SUBJECT, "test/message", CONTEXT)
    send_mail(["", "  ", None], SUBJECT, "test/message", CONTEXT)
    send_mail([], SUBJECT, "test/message", CONTEXT)

    assert mail_tasks().count() == 0


@pytest.mark.django_db
def test_empty_and_repeated_addresses_are_dropped():
    send_mail([CITIZEN, "", f" {CITIZEN} ", "bbt@quangngai.gov.vn"], SUBJECT, "test/message", CONTEXT)

    [message] = mail.outbox
    assert message.to == [CITIZEN, "bbt@quangngai.gov.vn"]


@pytest.mark.django_db
def test_the_subject_and_body_are_rendered_in_the_language_asked_for():
    send_mail(CITIZEN, gettext_lazy("Trang chủ"), "test/plain", {}, language="en")
    send_mail(CITIZEN, gettext_lazy("Trang chủ"), "test/plain", {})

    english, vietnamese = mail.outbox
    assert (english.subject, english.body) == ("Home", "Home\n")
    assert (vietnamese.subject, vietnamese.body) == ("Trang chủ", "Trang chủ\n")
    assert english.alternatives == []  # no test/plain.html: text only


@pytest.mark.django_db
def test_wagtails_own_tasks_run_from_the_database_queue(database_queue, run_worker):
    agency = create_agency_site("Sở Tài chính", "agency").agency
    home = agency.site.root_page
    queued = DBTaskResult.objects.all()
    assert {task.task_path for task in queued} >= {
        "modelsearch.tasks.insert_or_update_object_task",
        "wagtail.tasks.update_reference_index_task",
    }
    assert home.pk not in {page.pk for page in Page.objects.search("Tài chính")}  # it waits for the worker

    run_worker()

    assert set(queued.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert home.pk in {page.pk for page in Page.objects.search("Tài chính")}
