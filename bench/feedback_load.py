"""python -m bench.feedback_load [--submissions N] [--concurrency N] [--workers N] [--skip-kill]: the question
form under load, through gunicorn on PostgreSQL.

1. Creates the load database if it is missing (BENCH_LOAD_DATABASE_URL, default
   postgres://postgres@127.0.0.1:5432/portal_bench_load; its name must contain "bench" or "load"), migrates it and
   onboards the portal site (idempotent). Questions and queued tasks left by earlier runs are deleted.
2. Starts gunicorn on 127.0.0.1 and a free port only, with --workers sync workers (default 4: two per core
   on the 2-core reference machine) and a 30 s request timeout, with bench/load_settings.py (the test
   settings, DEBUG off, e-mail queued in the database as in production and never sent).
3. Run 1: --submissions citizens (default 200) each GET /hoi-dap/gui-cau-hoi/ on the portal's host, POST the
   form with its CSRF token, and follow the 302 to the receipt page for their code, --concurrency at a time
   (default 50 threads). Each has its own X-Forwarded-For address, as real citizens would, so the per-IP
   rate limit (5 questions an hour) stays on and is not reached. Checks: every POST answered 302 and every
   receipt showed a code, no 5xx, exactly that many questions stored with distinct codes, each the code its
   asker was shown, each with its "received" event (written in the same transaction).
4. Run 2: the same load, and when a third of it is done one gunicorn worker that holds a client connection is
   sent SIGKILL (gunicorn starts another). Requests in flight on that worker may fail; no acknowledged
   submission (302 and a receipt code) may be missing, nothing a client saw refused may be stored, at most
   one submission may be lost (a sync worker serves one request at a time), and gunicorn must be back to
   --workers workers. Stored questions = acknowledged + those whose POST committed but whose answer was lost.
5. Prints throughput (acknowledged submissions per second of wall time), latency p50/p95/max of the POST and
   of GET form + POST, and the status counts; exits with status 1 when a check fails. gunicorn is stopped at
   the end, on errors and on Ctrl-C.

The client runs on the same machine as gunicorn and PostgreSQL and shares their CPUs; latencies are measured
by the client, queueing included (with 50 clients and 4 sync workers most of a request's time is spent
waiting for a worker). Linux only: the worker to kill is found through /proc. Run it with the virtualenv's
Python from the project's root: `.venv/bin/python -m bench.feedback_load`.
"""

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_load"
SETTINGS_MODULE = "bench.load_settings"
MAIL_TASK = "groundwork.mail.deliver_mail"
FORM_PATH = "/hoi-dap/gui-cau-hoi/"
# Every title starts with this, so a run finds its own questions and the next run deletes them.
TITLE_MARK = "Tải thử"
REQUEST_TIMEOUT = (5, 60)  # seconds to connect, seconds to wait for the answer
RUN_TIMEOUT = 600  # seconds for a whole run of submissions
START_TIMEOUT = 60  # seconds for gunicorn to answer /healthz with every worker up
WORKER_TIMEOUT = 30  # gunicorn's --timeout: a worker silent this long is killed and replaced
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RECEIPT_CODE = re.compile(r'class="receipt-code".*?\b((?:HD|KN)-[0-9A-Z]{4}-[0-9A-Z]{4})\b', re.DOTALL)


def nfc(text: str) -> str:
    """`text` in NFC, as the portal stores every form value (vietnam.middleware)."""
    return unicodedata.normalize("NFC", text)


# The database ------------------------------------------------------------------------------------------


def configure_environment() -> str:
    """Point Django (here and in gunicorn) at the load database and bench/load_settings.py; returns the URL."""
    url = os.environ.get("BENCH_LOAD_DATABASE_URL", DEFAULT_DATABASE_URL)
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(f"BENCH_LOAD_DATABASE_URL must be a PostgreSQL URL, not {url!r}.")
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    return url


def prepare_database() -> str:
    """Migrate, onboard the portal, delete what earlier load runs left; returns the portal's hostname."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from feedback.models import Question
    from home.onboarding import create_agency_site

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    portal = create_agency_site("Ủy ban nhân dân tỉnh Quảng Ngãi", "portal").agency
    questions = Question.objects.filter(title__startswith=TITLE_MARK).delete()[1].get("feedback.Question", 0)
    # No task worker ever runs on this database (mail, Wagtail's reference index): its queue only grows.
    tasks = DBTaskResult.objects.all().delete()[0]
    print(
        f"Database migrated, portal site {portal.site.hostname} ready in {time.perf_counter() - started:.1f} s; "
        f"deleted from earlier runs: {questions} questions, {tasks} queued tasks."
    )
    return portal.site.hostname


def queued_mail() -> int:
    """The mails queued (never sent: no task worker runs) since prepare_database() deleted the earlier ones."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=MAIL_TASK).count()


# The server --------------------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn serving portal.wsgi on 127.0.0.1 with `workers` sync workers, in its own process group.

    Use it as a context manager: it waits until /healthz answers and every worker is up, and on leaving
    stops gunicorn (SIGTERM, then SIGKILL to its process group after the graceful timeout).
    """

    def __init__(self, workers: int, host: str, log: Path):
        self.workers = workers
        self.host = host
        self.log = log
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        command = [
            *(sys.executable, "-m", "gunicorn", "portal.wsgi:application"),
            *("--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers), "--worker-class", "sync"),
            *("--timeout", str(WORKER_TIMEOUT), "--graceful-timeout", "10", "--log-level", "warning"),
        ]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own command line)
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=Path(__file__).parent.parent
            )
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with status {self.process.returncode}; see {self.log}")
            try:
                answer = requests.get(f"{self.base_url}/healthz", headers={"Host": self.host}, timeout=2)
            except requests.RequestException:
                answer = None
            if answer is not None and answer.status_code == 200 and len(self.worker_pids()) == self.workers:
                return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not come up within {START_TIMEOUT} s; see {self.log}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)  # the group gunicorn leads: its workers
            self.process.wait(timeout=5)

    def worker_pids(self) -> list[int]:
        """The PIDs of gunicorn's workers: the processes whose parent is the master."""
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # gone meanwhile
                continue
            # The command name (2nd field) is in parentheses and may hold spaces: the parent PID follows it.
            if int(stat.rpartition(")")[2].split()[1]) == self.process.pid:
                pids.append(int(entry.name))
        return sorted(pids)

    def busy_worker(self) -> tuple[int, bool]:
        """A worker holding a client connection (a request in hand), if any; returns (pid, whether it holds one)."""
        connections = set()
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
            columns = line.split()
            local_port, state, inode = int(columns[1].split(":")[1], 16), columns[3], columns[9]
            if local_port == self.port and state == "01":  # ESTABLISHED, on the server's side
                connections.add(f"socket:[{inode}]")
        pids = self.worker_pids()
        for pid in pids:
            try:
                descriptors = {os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()}
            except OSError:
                continue
            if descriptors & connections:
                return pid, True
        return pids[0], False

    def wait_for_workers(self, replaced: int, timeout: float = 30) -> list[int]:
        """Wait until gunicorn has `workers` workers again, none of them `replaced`; returns their PIDs."""
        deadline = time.monotonic() + timeout
        while True:
            pids = self.worker_pids()
            if (len(pids) == self.workers and replaced not in pids) or time.monotonic() > deadline:
                return pids
            time.sleep(0.2)


# The citizens ------------------------------------------------------------------------------------------


@dataclass
class Submission:
    """One citizen's question and what became of it: the statuses each step got, the code shown, timings."""

    index: int
    title: str
    address: str
    statuses: dict = field(default_factory=dict)  # step ("form", "post", "receipt") → HTTP status
    code: str = ""
    error: str = ""  # "<step>: <exception>" when a request got no answer
    started: float = 0.0
    posted: float = 0.0
    answered: float = 0.0  # the POST's answer
    finished: float = 0.0

    @property
    def acknowledged(self) -> bool:
        """The asker was told the question was received: a 302, then the receipt page with a code."""
        return self.statuses.get("post") == 302 and bool(self.code)

    @property
    def outcome_unknown(self) -> bool:
        """The POST was sent and may have committed, but its asker saw no receipt."""
        return not self.acknowledged and (self.error.startswith(("post", "receipt")) or "receipt" in self.statuses)


def submit(base_url: str, host: str, submission: Submission) -> Submission:
    """GET the form, POST the question, follow the redirect to the receipt, like a browser; never raises."""
    session = requests.Session()
    session.headers.update({"Host": host, "X-Forwarded-For": submission.address, "User-Agent": "portal-load-test"})
    step = "form"
    submission.started = time.perf_counter()
    try:
        form = session.get(base_url + FORM_PATH, timeout=REQUEST_TIMEOUT, allow_redirects=False)
        submission.statuses["form"] = form.status_code
        token = CSRF_TOKEN.search(form.text)
        if form.status_code != 200 or token is None:
            return submission
        step = "post"
        data = {
            "csrfmiddlewaretoken": token.group(1),
            "kind": "hoi-dap",
            "name": f"Nguyễn Văn An {submission.index}",
            "email": f"nguoi.hoi.{submission.address.replace('.', '-')}@example.com",
            "phone": "0905 123 456",
            "legal_field": "",
            "title": submission.title,
            "body": "Tôi muốn hỏi hồ sơ, thời hạn và lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ tại xã Tư Nghĩa. "
            "Xin cơ quan hướng dẫn cụ thể các bước và nơi nộp hồ sơ.",
            "website": "",
        }
        # Multipart with an empty file input, as a browser sends this form.
        empty_file = {"attachment": ("", b"", "application/octet-stream")}
        submission.posted = time.perf_counter()
        answer = session.post(
            base_url + FORM_PATH, data=data, files=empty_file, timeout=REQUEST_TIMEOUT, allow_redirects=False
        )
        submission.answered = time.perf_counter()
        submission.statuses["post"] = answer.status_code
        if answer.status_code != 302:
            return submission
        step = "receipt"
        # Wagtail may write the site's own host and port in Location: only its path is ours to follow.
        receipt = session.get(
            base_url + urlsplit(answer.headers["Location"]).path, timeout=REQUEST_TIMEOUT, allow_redirects=False
        )
        submission.statuses["receipt"] = receipt.status_code
        found = RECEIPT_CODE.search(receipt.text) if receipt.status_code == 200 else None
        submission.code = found.group(1) if found else ""
    except requests.RequestException as error:
        submission.error = f"{step}: {type(error).__name__}"
    finally:
        submission.finished = time.perf_counter()
        session.close()
    return submission


@dataclass
class Run:
    """A run of submissions: each one's fate, the wall time, and the worker killed (if any) and when."""

    name: str
    submissions: list[Submission]
    seconds: float = 0.0
    killed: int | None = None
    killed_busy: bool = False
    killed_after: int = 0
    killed_at: float = 0.0
    replacements: list[int] = field(default_factory=list)


def run_load(server: Server, run: Run, concurrency: int, kill_after: int | None = None) -> Run:
    """Send every submission of `run`, `concurrency` at a time; SIGKILL a busy worker once `kill_after` are done."""
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="citizen") as pool:
        futures = [pool.submit(submit, server.base_url, server.host, submission) for submission in run.submissions]
        try:
            for done, _future in enumerate(as_completed(futures, timeout=RUN_TIMEOUT), start=1):
                if kill_after is not None and run.killed is None and done >= kill_after:
                    run.killed, run.killed_busy = server.busy_worker()
                    os.kill(run.killed, signal.SIGKILL)
                    run.killed_after, run.killed_at = done, time.perf_counter() - started
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    run.seconds = time.perf_counter() - started
    if run.killed is not None:
        run.replacements = server.wait_for_workers(replaced=run.killed)
    return run


def citizens(run_number: int, count: int, tag: str) -> list[Submission]:
    """`count` submissions with unique titles and one address each (10.<run>.x.y: every run has new visitors)."""
    return [
        Submission(
            index=index,
            title=nfc(f"{TITLE_MARK} {tag} số {index:03d}: hồ sơ cấp giấy phép xây dựng nhà ở riêng lẻ"),
            address=f"10.{run_number}.{index // 250}.{index % 250 + 1}",
        )
        for index in range(count)
    ]


def warm_up(server: Server) -> None:
    """Load every worker's code and templates first: a server in service is warm. Nothing is submitted."""
    with ThreadPoolExecutor(max_workers=server.workers * 2) as pool:
        pages = pool.map(
            lambda _: requests.get(server.base_url + FORM_PATH, headers={"Host": server.host}, timeout=REQUEST_TIMEOUT),
            range(server.workers * 6),
        )
        statuses = Counter(page.status_code for page in pages)
    if set(statuses) != {200}:
        raise RuntimeError(f"The form does not answer 200 before the load: {dict(statuses)}")


# Checks and report -------------------------------------------------------------------------------------


@dataclass
class Check:
    """One verdict of the report: what is checked, whether it held, the figures behind it."""

    label: str
    passed: bool
    detail: str = ""


def verify(run: Run, workers: int) -> tuple[list[Check], dict]:
    """Compare what the citizens were told with what the database holds; returns the checks and the counts."""
    from feedback.models import Question, QuestionEvent

    submissions = run.submissions
    tag = submissions[0].title.split(" số ")[0]
    stored = list(
        Question.objects.filter(title__startswith=f"{tag} số ").values_list("title", "code", "pk").order_by("pk")
    )
    stored_titles = Counter(title for title, _code, _pk in stored)
    stored_codes = {title: code for title, code, _pk in stored}
    received = set(
        QuestionEvent.objects.filter(
            question_id__in=[pk for *_rest, pk in stored], action=QuestionEvent.Action.RECEIVED
        ).values_list("question_id", flat=True)
    )
    acknowledged = [submission for submission in submissions if submission.acknowledged]
    unknown = [submission for submission in submissions if submission.outcome_unknown]
    server_errors = sum(status >= 500 for submission in submissions for status in submission.statuses.values())
    failed = [submission for submission in submissions if not submission.acknowledged]
    missing = [submission.title for submission in acknowledged if stored_codes.get(submission.title) != submission.code]
    # Stored although the asker was told otherwise (a 4xx, or the POST never sent): a lie to the citizen.
    explained = {submission.title for submission in acknowledged + unknown}
    unexplained = [title for title in stored_titles if title not in explained]
    committed_unacknowledged = sum(1 for submission in unknown if submission.title in stored_titles)
    total, codes = len(stored), len({code for _title, code, _pk in stored})
    counts = {
        "acknowledged": len(acknowledged),
        "stored": total,
        "committed_unacknowledged": committed_unacknowledged,
        "lost": len(failed),
    }

    checks = [Check("no 5xx answer", server_errors == 0, f"{server_errors} answers ≥ 500")]
    if run.killed is None:
        checks += [
            Check(
                f"all {len(submissions)} POSTs answered 302 and every receipt showed a code",
                len(acknowledged) == len(submissions),
                f"{len(acknowledged)} acknowledged; failures: {describe_failures(failed)}",
            ),
            Check(f"exactly {len(submissions)} questions stored", total == len(submissions), f"{total} stored"),
        ]
    else:
        checks += [
            Check(
                "at most one submission lost (the killed sync worker's request in flight)",
                len(failed) <= 1,
                f"{len(failed)} not acknowledged: {describe_failures(failed)}",
            ),
            Check(
                "stored = acknowledged + committed but unacknowledged",
                total == len(acknowledged) + committed_unacknowledged,
                f"{total} = {len(acknowledged)} + {committed_unacknowledged}",
            ),
            Check(
                f"gunicorn replaced worker {run.killed}: {workers} workers again",
                len(run.replacements) == workers and run.killed not in run.replacements,
                f"workers now {run.replacements}",
            ),
        ]
    checks += [
        Check(
            "every acknowledged submission stored with the code its asker was shown",
            not missing,
            f"{len(acknowledged) - len(missing)} of {len(acknowledged)}"
            + (f"; missing or different: {missing[:3]}" if missing else ""),
        ),
        Check(
            "nothing stored that its asker was told failed, nor twice",
            not unexplained and all(count == 1 for count in stored_titles.values()),
            f"{len(unexplained)} unexplained, {sum(count > 1 for count in stored_titles.values())} stored twice",
        ),
        Check(f"{total} distinct codes", codes == total, f"{codes} distinct codes for {total} questions"),
        Check(
            "every stored question has its “received” event (same transaction)",
            len(received) == total,
            f"{len(received)} of {total}",
        ),
    ]
    return checks, counts


def describe_failures(failed: list[Submission]) -> str:
    """Why these submissions were not acknowledged, counted by reason ("post: ConnectionError ×1")."""
    reasons = Counter(submission.error or f"statuses {submission.statuses}" for submission in failed)
    return ", ".join(f"{reason} ×{count}" for reason, count in reasons.items()) or "none"


def latency_line(label: str, seconds: list[float]) -> str:
    """One line of the report: nearest-rank p50, p95 and the maximum of `seconds`, in milliseconds."""
    from .searches import percentile

    if not seconds:
        return f"  {label:<26} no answers"
    milliseconds = [value * 1000 for value in seconds]
    return (
        f"  {label:<26} p50 {percentile(milliseconds, 50):6.0f} ms   p95 {percentile(milliseconds, 95):6.0f} ms"
        f"   max {max(milliseconds):6.0f} ms   (n={len(milliseconds)})"
    )


def report(run: Run, checks: list[Check], counts: dict) -> bool:
    """Print the run's figures and checks; returns whether every check passed."""
    submissions = run.submissions
    answered = [submission for submission in submissions if "post" in submission.statuses]
    print(f"\n== {run.name} ==")
    print(
        f"Wall time {run.seconds:.1f} s; throughput {counts['acknowledged'] / run.seconds:.1f} acknowledged "
        f"submissions/s ({sum(len(s.statuses) for s in submissions) / run.seconds:.1f} HTTP requests/s)."
    )
    print("Latency, seen by the client (queueing for a worker included):")
    print(latency_line("POST (to its 302)", [s.answered - s.posted for s in answered]))
    print(latency_line("GET form + POST", [s.answered - s.started for s in answered]))
    print(latency_line("whole (with the receipt)", [s.finished - s.started for s in submissions if s.acknowledged]))
    for step in ("form", "post", "receipt"):
        statuses = Counter(s.statuses[step] for s in submissions if step in s.statuses)
        print(f"  {step:<8} statuses: {', '.join(f'{code} ×{count}' for code, count in sorted(statuses.items()))}")
    errors = Counter(s.error for s in submissions if s.error)
    print(f"  no answer: {', '.join(f'{error} ×{count}' for error, count in errors.items()) or 'none'}")
    if run.killed is not None:
        holding = "holding a client connection" if run.killed_busy else "idle (no worker held a connection)"
        print(
            f"Killed worker {run.killed} ({holding}) with SIGKILL after {run.killed_after} of {len(submissions)} "
            f"submissions, {run.killed_at:.1f} s into the run; workers afterwards: {run.replacements}."
        )
        print(
            f"Acknowledged {counts['acknowledged']}, stored {counts['stored']} "
            f"({counts['committed_unacknowledged']} committed but their answer lost), "
            f"not acknowledged {counts['lost']}."
        )
    for check in checks:
        print(f"  [{'PASS' if check.passed else 'FAIL'}] {check.label}: {check.detail}")
    return all(check.passed for check in checks)


def print_log_tail(log: Path, lines: int = 40) -> None:
    """Print the end of gunicorn's log (its errors and Django's), after a failure."""
    text = log.read_text(errors="replace").splitlines() if log.exists() else []
    print(f"\ngunicorn's log ({log}), last {min(lines, len(text))} of {len(text)} lines:")
    for line in text[-lines:]:
        print(f"  {line}")


# Entry point -------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.feedback_load", description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=200, help="questions per run (default 200)")
    parser.add_argument("--concurrency", type=int, default=50, help="citizens at a time (default 50)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default 4)")
    parser.add_argument("--skip-kill", action="store_true", help="skip the run that kills a worker")
    options = parser.parse_args(argv)

    url = configure_environment()
    from .__main__ import describe_machine, ensure_database

    created = ensure_database(url)
    import django

    django.setup()
    from django.db import connections

    if created:
        print("Database created.")
    host = prepare_database()
    describe_machine(url)
    tag = time.strftime("%Y%m%d-%H%M%S")
    passed = True
    with tempfile.TemporaryDirectory(prefix="feedback-load-") as directory:
        log = Path(directory) / "gunicorn.log"
        try:
            with Server(options.workers, host, log) as server:
                print(
                    f"gunicorn: {options.workers} sync workers on {server.base_url} (loopback only), "
                    f"timeout {WORKER_TIMEOUT} s; Host: {host}; client: {options.concurrency} threads, "
                    f"{options.submissions} submissions per run, one X-Forwarded-For address each."
                )
                warm_up(server)
                runs = [Run("Run 1: parallel submissions", citizens(1, options.submissions, f"{tag}-1"))]
                run_load(server, runs[0], options.concurrency)
                if not options.skip_kill:
                    runs.append(Run("Run 2: a worker killed mid-load", citizens(2, options.submissions, f"{tag}-2")))
                    run_load(server, runs[1], options.concurrency, kill_after=options.submissions // 3)
                for run in runs:
                    checks, counts = verify(run, options.workers)
                    passed = report(run, checks, counts) and passed
                print(
                    f"\nMail queued in the database by the submissions, never sent (no task worker): {queued_mail()}."
                )
        except KeyboardInterrupt:
            print("\nInterrupted: gunicorn stopped, nothing checked.")
            return 130
        except Exception:
            print_log_tail(log)
            raise
        finally:
            connections.close_all()
        if not passed:
            print_log_tail(log)
    print(f"\n{'PASS' if passed else 'FAIL'}: {'every check passed' if passed else 'a check failed'}.")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
