"""python -m bench.faults [--submissions N] [--concurrency N] [--workers N]: the portal under faults, on services of
its own, with production's settings (bench/fault_settings.py). Not in CI; about 18 minutes on the 2-core machine
at a load average of 11–14 (most of it the 1,000 submissions and the migrations).

Starts, in a temporary folder, its own PostgreSQL 15 (initdb, pg_ctl on a free port, run as the postgres user:
never the machine's 5432), its own redis-server (a free port), an aiosmtpd SMTP server in this process that counts
what it receives by Message-ID and recipient, gunicorn (--workers sync workers, default 3) and the task worker
(`manage.py run_worker`, with TASKS_STALE_AFTER=5 s so a task its killed predecessor held is run again soon).
Migrates, onboards the portal site, then:

1. PostgreSQL restarted (`pg_ctl restart -m fast`) during a stream of page GETs and question submissions: the time
   from the restart until the app answers 200 again (target ≤ 5 s), and every acknowledged question (302 and a
   receipt code) in the database afterwards.
2. Redis stopped (SIGKILL) during a stream of page GETs, then started again: every page still 200, the count and
   latency before, during and after, and Redis holding keys again afterwards (the cache used again).
3. The task worker killed (SIGKILL), then --submissions questions (default 1,000) sent --concurrency at a time
   (default 50), and a gunicorn worker holding a request killed (SIGKILL) a third of the way: bench.feedback_load's
   run and checks. Counted: acknowledged = POST 302 and a receipt with a code; lost = acknowledged but not stored
   with that code; duplicated = two rows for one submission (one title). A submission whose answer was lost with
   the worker may be stored or not: the client never saw it acknowledged, and a retry would be the client's.
4. The task worker started again with the questions' e-mails queued, killed (SIGKILL) when a third of them are
   delivered, and started again: every e-mail task ends SUCCESSFUL, the SMTP server received every Message-ID for
   every recipient, and at most one twice: the kill comes just after the SMTP server accepted a message, the one
   moment (between its 250 and the worker's record of it, groundwork.mail) when a message is sent again, with
   the same Message-ID.

Prints the figures, the load average, PASS/FAIL per check; exits 1 when a check fails. Everything it started is
stopped at the end, on errors and on Ctrl-C. Linux only; needs postgresql-15, redis-server and root or the postgres
user (PostgreSQL refuses to run as root: its folder is given to postgres and pg_ctl run through runuser).
"""

import argparse
import email
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from email import policy
from pathlib import Path

import requests

from .feedback_load import (
    FORM_PATH,
    MAIL_TASK,
    REQUEST_TIMEOUT,
    Check,
    Run,
    Server,
    Submission,
    citizens,
    free_port,
    print_log_tail,
    report,
    run_load,
    submit,
    verify,
    warm_up,
)

PG_BIN = Path("/usr/lib/postgresql/15/bin")
RECOVERY_TARGET = 5.0  # seconds for the app to answer again after PostgreSQL's restart
PAGES = ("/", "/en/", "/tin-tuc/", FORM_PATH)
ROOT = Path(__file__).resolve().parent.parent


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# Services of the bench's own ---------------------------------------------------------------------------


class PostgreSQL:
    """A PostgreSQL 15 cluster in `folder`, on a free port of 127.0.0.1, run as the postgres user."""

    def __init__(self, folder: Path):
        self.folder, self.port = folder / "pg", free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/portal_faults_bench"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def pg_ctl(self, action: str, *args: str) -> None:
        """`pg_ctl <action>`, waiting for it; the server's output always to its log file, never to a pipe of ours
        (the server would hold the pipe open, and the wait for its end would never end)."""
        command = [*self.as_postgres, str(PG_BIN / "pg_ctl"), action, "-D", str(self.folder), "-w", "-t", "60"]
        command += ["-l", str(self.folder / "server.log"), *args]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603 - our own command line

    def start(self) -> "PostgreSQL":
        self.folder.mkdir()
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
            self.folder.parent.chmod(0o755)
        command = [*self.as_postgres, str(PG_BIN / "initdb"), "-D", str(self.folder), "-U", "postgres"]
        subprocess.run([*command, "--auth=trust", "-E", "UTF8"], check=True, capture_output=True)  # noqa: S603
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c max_connections=200"
        self.pg_ctl("start", "-o", options)
        subprocess.run(  # noqa: S603 - our own command line
            [
                str(PG_BIN / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "portal_faults_bench",
            ],
            check=True,
        )
        return self

    def stop(self) -> None:
        if (self.folder / "postmaster.pid").exists():
            self.pg_ctl("stop", "-m", "immediate")


class Redis:
    """A redis-server on a free port, without persistence; killed and started again at will."""

    def __init__(self, folder: Path):
        self.folder, self.port, self.process = folder, free_port(), None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "Redis":
        command = [
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--dir",
            str(self.folder),
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603 - our own command line
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if self.keys() >= 0:
                    return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def keys(self) -> int:
        import redis

        return redis.Redis(port=self.port, socket_timeout=1).dbsize()

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


class Inbox:
    """aiosmtpd's handler: each message's Message-ID, once per recipient it was delivered to."""

    def __init__(self):
        self.deliveries: Counter = Counter()  # (Message-ID, recipient) → times received
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            for recipient in envelope.rcpt_tos:
                self.deliveries[(message["Message-ID"], recipient)] += 1
        return "250 Message accepted for delivery"

    def delivered(self) -> int:
        with self.lock:
            return len(self.deliveries)


class TaskWorker:
    """`manage.py run_worker` in a process of its own, killed with SIGKILL and started again at will."""

    def __init__(self, log: Path):
        self.log, self.process = log, None

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own command line
                [sys.executable, "manage.py", "run_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


# Streams of requests -----------------------------------------------------------------------------------


@dataclass
class Answer:
    """One request of a stream: when it was sent (seconds since the stream's start), its status (0: no answer)."""

    sent: float
    status: int
    seconds: float


@dataclass
class Stream:
    """Threads GETting the pages in turn until stopped; every answer kept."""

    base_url: str
    host: str
    answers: list[Answer] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    started: float = field(default_factory=time.perf_counter)

    def reader(self, offset: int) -> None:
        session = requests.Session()
        session.headers.update({"Host": self.host, "User-Agent": "portal-fault-bench"})
        turn = offset
        while not self.stop.is_set():
            path, turn = PAGES[turn % len(PAGES)], turn + 1
            sent = time.perf_counter()
            try:
                status = session.get(self.base_url + path, timeout=REQUEST_TIMEOUT, allow_redirects=False).status_code
            except requests.RequestException:
                status = 0
            self.answers.append(Answer(sent - self.started, status, time.perf_counter() - sent))
            time.sleep(0.02)

    def between(self, start: float, end: float) -> list[Answer]:
        return [answer for answer in self.answers if start <= answer.sent < end]


def summary(answers: list[Answer]) -> str:
    """ "n=…, statuses …, p50 … ms, p95 … ms" for a phase of a stream."""
    from .searches import percentile

    if not answers:
        return "no requests"
    statuses = Counter(answer.status for answer in answers)
    milliseconds = [answer.seconds * 1000 for answer in answers]
    return (
        f"n={len(answers)}, statuses {dict(sorted(statuses.items()))}, "
        f"p50 {percentile(milliseconds, 50):.0f} ms, p95 {percentile(milliseconds, 95):.0f} ms"
    )


# The faults ---------------------------------------------------------------------------------------------


def postgres_restarted(server: Server, database: PostgreSQL, tag: str) -> list[Check]:
    """Readers and submitters while PostgreSQL restarts; the time until 200 again; every acknowledged one stored."""
    from feedback.models import Question

    stream = Stream(server.base_url, server.host)
    submissions = citizens(3, 400, f"{tag}-pg")
    done: list[Submission] = []
    stop_submitting = threading.Event()

    def submitter(offset: int) -> None:
        for submission in submissions[offset::4]:
            if stop_submitting.is_set():
                return
            done.append(submit(server.base_url, server.host, submission))

    with ThreadPoolExecutor(max_workers=8) as pool:
        for offset in range(4):
            pool.submit(stream.reader, offset)
            pool.submit(submitter, offset)
        try:
            time.sleep(3)
            restart_at = time.perf_counter() - stream.started
            database.pg_ctl("restart", "-m", "fast")
            restarted_at = time.perf_counter() - stream.started
            time.sleep(8)
        finally:  # on an error too: the pool waits for its threads
            stream.stop.set()
            stop_submitting.set()
    failures = [answer for answer in stream.answers if answer.sent >= restart_at and answer.status != 200]
    back_at = max((answer.sent + answer.seconds for answer in failures), default=restart_at)
    recovery = back_at - restart_at
    after = stream.between(back_at, float("inf"))
    from django.db import connections

    connections.close_all()  # this process's connection died with the restart too
    acknowledged = [submission for submission in done if submission.acknowledged]
    stored = dict(Question.objects.filter(title__contains=f"{tag}-pg").values_list("title", "code"))
    lost = [s.title for s in acknowledged if stored.get(s.title) != s.code]
    print("\n== 1. PostgreSQL restarted (pg_ctl restart -m fast) during GETs and question submissions ==")
    print(f"  restart took {restarted_at - restart_at:.1f} s; before: {summary(stream.between(0, restart_at))}")
    print(f"  from the restart until the last failed answer: {summary(stream.between(restart_at, back_at))}")
    print(f"  afterwards: {summary(after)}")
    print(
        f"  submissions: {len(done)} sent, {len(acknowledged)} acknowledged, {len(stored)} stored; "
        f"POST statuses {dict(Counter(s.statuses.get('post', 0) for s in done))} (0: not posted, its form failed)"
    )
    return [
        Check(
            f"the app answers 200 again within {RECOVERY_TARGET:.0f} s of the restart",
            recovery <= RECOVERY_TARGET and bool(after) and all(a.status == 200 for a in after),
            f"{recovery:.2f} s ({len(failures)} answers not 200 after it began)",
        ),
        Check("no acknowledged submission lost", not lost, f"{len(acknowledged) - len(lost)} of {len(acknowledged)}"),
    ]


def redis_stopped(server: Server, redis_server: Redis) -> list[Check]:
    """Readers while Redis is killed and started again: every page 200; Redis used again afterwards."""
    stream = Stream(server.base_url, server.host)
    with ThreadPoolExecutor(max_workers=4) as pool:
        for offset in range(4):
            pool.submit(stream.reader, offset)
        try:
            time.sleep(3)
            killed_at = time.perf_counter() - stream.started
            redis_server.kill()
            time.sleep(5)
            restarted_at = time.perf_counter() - stream.started
            redis_server.start()
            time.sleep(5)  # REDIS_RETRY_AFTER (1 s here) and the cache filled again
        finally:
            stream.stop.set()
    keys = redis_server.keys()
    print("\n== 2. Redis stopped (SIGKILL) during page GETs, then started again ==")
    print(f"  Redis up:      {summary(stream.between(0, killed_at))}")
    print(f"  Redis down:    {summary(stream.between(killed_at, restarted_at))}")
    print(f"  Redis back:    {summary(stream.between(restarted_at, float('inf')))}; keys in Redis then: {keys}")
    not_ok = [answer for answer in stream.answers if answer.status != 200]
    return [
        Check("every page served 200 with Redis down", not not_ok, f"{len(not_ok)} of {len(stream.answers)} not 200"),
        Check("the cache used again once Redis is back", keys > 0, f"{keys} keys"),
    ]


def worker_killed_under_load(server: Server, options, tag: str) -> list[Check]:
    """bench.feedback_load's run with a gunicorn worker killed: 0 lost, 0 duplicated."""
    run = Run(
        f"3. {options.submissions} parallel submissions, a gunicorn worker killed (SIGKILL)",
        citizens(4, options.submissions, f"{tag}-kill"),
    )
    run_load(server, run, options.concurrency, kill_after=options.submissions // 3)
    checks, counts = verify(run, options.workers)
    report(run, checks, counts)
    return checks


def task_worker_killed(worker: TaskWorker, inbox: Inbox) -> list[Check]:
    """The queued e-mails delivered by a worker killed a third of the way and started again: each once."""
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    mail = DBTaskResult.objects.filter(task_path=MAIL_TASK)
    queued, already = mail.exclude(status="SUCCESSFUL").count(), inbox.delivered()
    started = time.perf_counter()
    worker.start()
    while inbox.delivered() < already + queued // 3 and time.perf_counter() - started < 120:
        time.sleep(0.01)
    killed_after = inbox.delivered() - already
    worker.kill()
    worker.start()
    deadline = time.perf_counter() + 180
    while mail.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists() and time.perf_counter() < deadline:
        time.sleep(0.5)
    seconds = time.perf_counter() - started
    statuses = dict(mail.values_list("status").annotate(count=Count("id")).values_list("status", "count"))
    expected = {
        (f"<{arguments['kwargs']['message_id']}", recipient)
        for arguments in mail.values_list("args_kwargs", flat=True)
        for recipient in (arguments["args"][0] if arguments["args"] else arguments["kwargs"]["to"])
    }
    received = {(message_id.split("@")[0], recipient) for message_id, recipient in inbox.deliveries}
    twice = sum(count > 1 for count in inbox.deliveries.values())
    print("\n== 4. The task worker killed (SIGKILL) while e-mails are queued, then started again ==")
    print(
        f"  {queued} e-mails queued; worker killed after {killed_after} delivered; all done in {seconds:.1f} s; "
        f"tasks: {statuses}; deliveries (Message-ID × recipient): {len(inbox.deliveries)}, twice: {twice}"
    )
    return [
        Check("every e-mail task SUCCESSFUL", set(statuses) == {"SUCCESSFUL"}, str(statuses)),
        Check(
            "every e-mail received (each Message-ID, each recipient)",
            expected <= received,
            f"{len(expected & received)} of {len(expected)}",
        ),
        # The worker may die between the SMTP server's 250 and its record of it (groundwork.mail): that message is
        # sent again, with the same Message-ID (mail clients show one). The kill here aims at that moment.
        Check(
            "at most one e-mail sent twice (the one in flight at the kill), none three times",
            twice <= 1 and max(inbox.deliveries.values(), default=0) <= 2,
            f"{twice} twice",
        ),
    ]


# Entry point -------------------------------------------------------------------------------------------


def environment(database: PostgreSQL, redis_server: Redis, smtp_port: int, folder: Path) -> None:
    """Production's settings (bench/fault_settings.py) on the bench's own services, for this process and children."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.fault_settings",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": database.url,
            "REDIS_URL": redis_server.url,
            "REDIS_RETRY_AFTER": "1",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_TIMEOUT": "5",
            "TASKS_STALE_AFTER": "5",
            "PORTAL_TRUSTED_PROXIES": "127.0.0.1",  # each citizen's X-Forwarded-For: the rate limit stays per address
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private"),
            "LOG_LEVEL": "WARNING",
        }
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.faults", description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=1000, help="questions while a worker is killed (1,000)")
    parser.add_argument("--concurrency", type=int, default=50, help="citizens at a time (default 50)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers (default 3)")
    options = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # each figure as it comes, also into a file
    from aiosmtpd.controller import Controller

    checks: list[Check] = []
    begun = time.perf_counter()
    print(f"Load average before: {load_average()} ({os.cpu_count()} CPUs)")
    with tempfile.TemporaryDirectory(prefix="portal-faults-") as directory, ExitStack() as stack:
        folder = Path(directory)
        database = PostgreSQL(folder).start()
        stack.callback(database.stop)
        redis_server = Redis(folder).start()
        stack.callback(redis_server.kill)
        inbox, smtp_port = Inbox(), free_port()
        smtp = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
        smtp.start()
        stack.callback(smtp.stop)
        environment(database, redis_server, smtp_port, folder)
        import django

        django.setup()
        from django.core.management import call_command

        from home.onboarding import create_agency_site

        call_command("migrate", interactive=False, verbosity=0)
        host = create_agency_site("Ủy ban nhân dân tỉnh Quảng Ngãi", "portal").agency.site.hostname
        print(
            f"PostgreSQL 15 on :{database.port}, Redis on :{redis_server.port}, SMTP on :{smtp_port}, set up in "
            f"{time.perf_counter() - begun:.0f} s; portal at {host}."
        )
        worker = TaskWorker(folder / "worker.log")
        worker.start()
        stack.callback(worker.kill)
        log = folder / "gunicorn.log"
        tag = time.strftime("%H%M%S")
        try:
            with Server(options.workers, host, log) as server:
                print(f"gunicorn: {options.workers} sync workers on {server.base_url}; task worker running.")
                warm_up(server)
                checks += postgres_restarted(server, database, tag)
                checks += redis_stopped(server, redis_server)
                worker.kill()  # the questions' e-mails wait in the queue for part 4
                checks += worker_killed_under_load(server, options, tag)
                checks += task_worker_killed(worker, inbox)
        except BaseException:
            print_log_tail(log)
            print_log_tail(folder / "worker.log")
            raise
        finally:
            from django.db import connections

            connections.close_all()
        passed = all(check.passed for check in checks)
        print(f"\nSummary (load average now {load_average()}; {time.perf_counter() - begun:.0f} s in all):")
        for check in checks:
            print(f"  [{'PASS' if check.passed else 'FAIL'}] {check.label}: {check.detail}")
        if not passed:
            print_log_tail(log)
            print_log_tail(folder / "worker.log")
    print(f"\n{'PASS' if passed else 'FAIL'}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
