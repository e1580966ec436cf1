"""The task worker under faults: killed while sending, killed after the SMTP server accepted, its database
connection cut, its database gone for a while (as in a PostgreSQL restart).

Each test starts the real worker (`manage.py run_worker`) as a subprocess on the test database, with a real SMTP
server (aiosmtpd) in this process, and commits: the worker sees only committed rows. Short timeouts in the worker's
environment keep each test to a few seconds.
"""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection
from django_tasks_db.models import DBTaskResult

from groundwork.mail import send_mail
from outbox.models import SentMail
from tests.processes import free_port, wait_until

ROOT = Path(__file__).resolve().parent.parent.parent
WORKER_COMMAND = "run_worker"
APPLICATION_NAME = "portal-test-worker"  # how the test finds the worker's connections in pg_stat_activity
STALE_AFTER = 2  # seconds (TASKS_STALE_AFTER in the worker)
CITIZEN = "nguyen.van.an@example.vn"
WAIT = 60  # seconds any awaited event may take: starting a worker took 13 s at a load average of 8 on 2 cores


def mail_tasks():
    return DBTaskResult.objects.filter(task_path="groundwork.mail.deliver_mail").order_by("enqueued_at")


def queue_receipt(code="HD-2026-0001"):
    """A citizen's receipt for a question, queued (and committed) as the question form queues it."""
    question = {
        "name": "Nguyễn Văn An",
        "agency": {"local_name": "Sở Thông tin và Truyền thông"},
        "title": "Thủ tục cấp giấy phép",
        "code": code,
        "due_on": date(2026, 12, 31),
    }
    context = {"question": question, "lookup_url": "http://quangngai.localhost/hoi-dap/tra-cuu/"}
    send_mail(CITIZEN, f"Câu hỏi {code} đã được tiếp nhận", "feedback/mail/received", context)


class Inbox:
    """An aiosmtpd handler that keeps the messages it accepts. With `stall` ("DATA" or "QUIT"), the first such
    command hangs, as a hung mail server does, until `released` is set: in DATA before the message is accepted (it is
    then refused, unless `accept_stalled`), in QUIT after it was."""

    def __init__(self, stall=None, accept_stalled=False):
        self.stall = stall
        self.accept_stalled = accept_stalled
        self.stalled = threading.Event()  # the stalled command has begun
        self.released = threading.Event()
        self.envelopes = []
        self.port = None

    async def hang(self, command):
        if self.stall != command or self.stalled.is_set():
            return False
        self.stalled.set()
        while not self.released.is_set():
            await asyncio.sleep(0.05)
        return True

    async def handle_DATA(self, server, session, envelope):
        if await self.hang("DATA") and not self.accept_stalled:
            return "451 4.3.0 Try again later"
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    async def handle_QUIT(self, server, session, envelope):
        await self.hang("QUIT")
        return "221 Bye"


@pytest.fixture
def database_queue(settings):
    """The database task backend of production instead of the tests' immediate one."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def smtp_server():
    """start(stall=None, accept_stalled=False): a real SMTP server on a free port, stopped after the test; returns
    its Inbox."""
    controllers = []

    def start(stall=None, accept_stalled=False):
        inbox = Inbox(stall, accept_stalled)
        inbox.port = free_port()
        controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
        controller.start()
        controllers.append(controller)
        return inbox

    yield start
    for controller in controllers:
        controller.handler.released.set()
        controller.stop()


@pytest.fixture
def worker(wagtail_roots, database_queue, tmp_path):
    """start(inbox, database_port=None): the worker as a subprocess on the test database (through `database_port`
    when given), sending to `inbox`'s server; every worker started is killed after the test."""
    processes = []
    database = connection.settings_dict

    login = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")

    def start(inbox, database_port=None):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.worker.settings",
            "DATABASE_URL": (
                f"postgres://{login}@{database['HOST'] or '127.0.0.1'}:"
                f"{database_port or database['PORT'] or 5432}/{database['NAME']}"
            ),
            "PGAPPNAME": APPLICATION_NAME,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(inbox.port),
            "EMAIL_TIMEOUT": "10",  # longer than any stall lasts before the test kills or releases
            "TASKS_STALE_AFTER": str(STALE_AFTER),
            "LOG_LEVEL": "INFO",
        }
        with (tmp_path / f"worker-{len(processes) + 1}.log").open("ab") as log:
            process = subprocess.Popen(
                [sys.executable, "manage.py", WORKER_COMMAND, "--interval", "0.2", "--no-startup-delay", "--no-reload"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
    for path in sorted(tmp_path.glob("worker-*.log")):  # shown by pytest when the test failed
        print(f"--- {path.name}\n{path.read_text(errors='replace')}")


class Relay:
    """A TCP relay to PostgreSQL that the test can cut: `cut()` closes every connection through it and refuses new
    ones until `restore()`, which is what a client sees while PostgreSQL restarts."""

    def __init__(self, target):
        self.target = target
        self.port = free_port()
        self.sockets = []
        self.listener = None

    def restore(self):
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self.accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        for sock in [self.listener, *self.sockets]:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        self.sockets = []

    def accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:  # cut
                return
            server = socket.create_connection(self.target)
            self.sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for sock in (source, sink):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


@pytest.fixture
def relay():
    """A Relay to the test database's server, listening; cut at the end of the test."""
    database = connection.settings_dict
    relay = Relay((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
    relay.restore()
    yield relay
    relay.cut()


def finished():
    """Every mail task has finished."""
    return mail_tasks().exists() and not mail_tasks().exclude(status__in=["SUCCESSFUL", "FAILED"]).exists()


def test_a_worker_killed_while_sending_leaves_the_mail_to_the_next_one_and_it_arrives_once(smtp_server, worker):
    inbox = smtp_server(stall="DATA")
    queue_receipt()
    first = worker(inbox)
    assert inbox.stalled.wait(WAIT), "the worker never reached DATA"

    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    [task] = mail_tasks()
    assert task.status == "RUNNING"
    assert inbox.envelopes == []

    second = worker(inbox)
    wait_until(finished)

    [envelope] = inbox.envelopes
    assert envelope.rcpt_tos == [CITIZEN]
    assert b"HD-2026-0001" in envelope.content
    [task] = mail_tasks()
    assert (task.status, task.return_value, len(task.worker_ids)) == ("SUCCESSFUL", "sent", 2)
    assert second.poll() is None


def test_a_worker_killed_after_the_smtp_server_accepted_the_mail_does_not_get_it_sent_twice(smtp_server, worker):
    inbox = smtp_server(stall="QUIT")
    queue_receipt()
    first = worker(inbox)
    assert inbox.stalled.wait(WAIT), "the worker never reached QUIT"
    assert len(inbox.envelopes) == 1  # accepted: the citizen has it

    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    assert mail_tasks().get().status == "RUNNING"

    worker(inbox)
    wait_until(finished)

    [envelope] = inbox.envelopes
    [task] = mail_tasks()
    assert (task.status, task.return_value, len(task.worker_ids)) == ("SUCCESSFUL", "sent", 2)
    [sent] = SentMail.objects.all()  # recorded as accepted, under the id the message carries
    assert f"Message-ID: <{sent.message_id}@".encode() in envelope.content


def terminate_worker_connections():
    """Make PostgreSQL end the worker's connections, as an administrator or a restart does; returns how many."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s AND pid <> "
            "pg_backend_pid()",
            [APPLICATION_NAME],
        )
        return cursor.rowcount


def test_the_worker_carries_on_when_postgresql_ends_its_connection_during_a_send(smtp_server, worker):
    inbox = smtp_server(stall="DATA", accept_stalled=True)
    running = worker(inbox)
    queue_receipt("HD-2026-0001")
    assert inbox.stalled.wait(WAIT), "the worker never reached DATA"

    assert terminate_worker_connections() >= 1
    inbox.released.set()  # the server accepts the message; the worker must record it on a new connection
    wait_until(finished)
    queue_receipt("HD-2026-0002")
    wait_until(lambda: len(inbox.envelopes) == 2)
    wait_until(finished)

    assert running.poll() is None  # the same process, not a restarted one
    assert [task.return_value for task in mail_tasks()] == ["sent", "sent"]
    assert [len(task.worker_ids) for task in mail_tasks()] == [1, 1]  # each sent once, by its first run


def test_the_worker_waits_out_a_database_outage_and_carries_on(smtp_server, worker, relay):
    inbox = smtp_server()
    running = worker(inbox, database_port=relay.port)
    queue_receipt("HD-2026-0001")
    wait_until(finished)

    relay.cut()  # PostgreSQL restarting: connections closed, new ones refused
    time.sleep(2)
    assert running.poll() is None, "the worker exited while its database was down"
    relay.restore()
    queue_receipt("HD-2026-0002")
    wait_until(lambda: len(inbox.envelopes) == 2)
    wait_until(finished)  # the worker marks the task done just after the server accepted the message

    assert running.poll() is None
    assert [task.return_value for task in mail_tasks()] == ["sent", "sent"]
