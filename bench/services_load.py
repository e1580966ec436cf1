"""python -m bench.services_load [--submissions N] [--concurrency N] [--workers N] [--samples N] [--file-size BYTES]:
dossiers submitted online under load, with the procedures catalogue and the dossier status page read beside them,
through gunicorn on PostgreSQL.

1. The load database (BENCH_LOAD_DATABASE_URL, as for bench.feedback_load; default
   postgres://postgres@127.0.0.1:5432/portal_bench_load) is created if missing and migrated; the demo's three sites
   are onboarded and given the demo's 30 procedures (demo.services; idempotent). On the bench's copy of
   "Đăng ký khai sinh" the declaration is the online form itself and the birth certificate the one file uploaded,
   so every dossier has exactly one file. Dossiers and queued tasks of earlier runs are deleted; the private
   storage is a fresh temporary folder (BENCH_PRIVATE_MEDIA_ROOT, given to gunicorn too), removed at the end.
2. gunicorn as bench.feedback_load starts it: 127.0.0.1 and a free port only, --workers sync workers (default 4),
   a 30 s request timeout, bench/load_settings.py (e-mail queued in the database, never sent).
3. Under load: --submissions applicants (default 500), --concurrency at a time (default 50 threads), GET the
   commune's form, POST it with a PDF of about --file-size bytes (default 1 MiB: one page and an embedded scan,
   a valid PDF), and read the code and security code on the receipt. Each has its own X-Forwarded-For address, as
   real applicants would, so the per-address limit (30 dossiers an hour) stays on and is not reached. Beside them
   one reader per measured page loops until the submissions are done: the catalogue /thu-tuc-hanh-chinh/ on the
   portal and on the commune's site, each also searched without diacritics, and the status page (the lookup form
   fetched, then timed: POST the code and security code, follow the redirect to the dossier's status page), each
   lookup from a new address (the lookup allows 20 per address in ten minutes).
4. Alone: the same readers, --samples each (default 60), nothing else running.
5. Checks: no 5xx answer anywhere; every POST answered 302 and every receipt showed a code; exactly --submissions
   dossiers of the run, with distinct codes, each the code its applicant was shown, each with its "received" event
   and one file; as many DossierFile rows; no orphaned file (the files under the private storage's ho-so/ are
   exactly the rows' files) and every row's file on disk with its size; one receipt e-mail queued per dossier;
   every status page showed its dossier. Prints the throughput and a table of latencies (p50, p95, nearest rank);
   exits with status 1 when a check fails. gunicorn is stopped at the end, on errors and on Ctrl-C.

The client runs on the machine that runs gunicorn and PostgreSQL and shares their CPUs; latencies are the client's,
queueing for a worker included (with 50 applicants and 4 sync workers a request mostly waits for a worker). Linux
only (bench.feedback_load's Server). Run it from the project's root: `.venv/bin/python -m bench.services_load`.
"""

import argparse
import io
import itertools
import os
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import requests

from .feedback_load import (
    CSRF_TOKEN,
    MAIL_TASK,
    REQUEST_TIMEOUT,
    RUN_TIMEOUT,
    WORKER_TIMEOUT,
    Check,
    Server,
    configure_environment,
    describe_failures,
    nfc,
    print_log_tail,
)

# Every applicant's name starts with this, so a run finds its own dossiers.
MARK = "Tải thử"
PROCEDURE_SLUG = "dang-ky-khai-sinh"
UPLOADED_PAPER = "Giấy chứng sinh"  # the start of the name of the one paper uploaded
CATALOGUE_PATH = "/thu-tuc-hanh-chinh/"
LOOKUP_PATH = "/thu-tuc-hanh-chinh/tra-cuu-ho-so/"
FORM_TOKEN = re.compile(r'name="token" value="([^"]+)"')
RECEIPT = re.compile(r'class="receipt-code"><strong>([^<]+)</strong>.*?<code>([^<]+)</code>', re.DOTALL)
USER_AGENT = "portal-load-test"
# Readers' addresses: each sample its own, so the lookup's limit per address is never what is measured.
READER_ADDRESSES = (f"172.16.{n // 250}.{n % 250 + 1}" for n in itertools.count())
READER_ADDRESS_LOCK = threading.Lock()


def reader_address() -> str:
    with READER_ADDRESS_LOCK:
        return next(READER_ADDRESSES)


# The database ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where the applicants submit and what they send: the hosts, the form's path and its filled-in fields."""

    portal_host: str
    site_host: str
    form_path: str
    fields: dict  # the form's answers (q_<id>), as typed
    file_field: str  # the one upload (f_<id>)
    file_name: str


def prepare_database() -> Target:
    """Migrate, onboard the demo's sites with their procedures, give the birth registration one upload, and delete
    what earlier runs left; returns where and what to submit."""
    from django.core.management import call_command
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from demo.content import SITES
    from demo.services import DOSSIERS, seed_procedures
    from home.onboarding import Onboarding, create_agency_site
    from services.models import Dossier, DossierAccess, DossierCounter, ProcedurePage
    from vietnam.text import slugify

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    agencies = {}
    for spec in SITES:
        agency = create_agency_site(spec.name, spec.kind, name_en=spec.name_en).agency
        agencies[agency.code] = agency
    seed_procedures(agencies, Onboarding(agency=agencies[""]))
    page = ProcedurePage.objects.get(locale__language_code="vi", slug=PROCEDURE_SLUG, agency=agencies["tunghia"])
    page = one_upload(page)
    deleted = Dossier.objects.count()
    DossierAccess.objects.all().delete()
    Dossier.objects.all().delete()
    DossierCounter.objects.all().delete()
    # No task worker ever runs on this database (mail, Wagtail's indexes): its queue only grows.
    tasks = DBTaskResult.objects.all().delete()[0]
    print(
        f"Database migrated, three sites with their procedures ready in {time.perf_counter() - started:.1f} s; "
        f"deleted from earlier runs: {deleted} dossiers, {tasks} queued tasks."
    )

    answers = next(spec.answers for spec in DOSSIERS if spec.procedure == "Đăng ký khai sinh")
    today = timezone.localdate()
    fields = {}
    for question in page.form_fields.all():
        answer = answers[question.label]
        fields[f"q_{question.pk}"] = (today + answer).strftime("%d/%m/%Y") if isinstance(answer, timedelta) else answer
    (component,) = page.components.exclude(upload="")
    return Target(
        portal_host=agencies[""].site.hostname,
        site_host=agencies["tunghia"].site.hostname,
        form_path=page.relative_url(agencies["tunghia"].site) + page.reverse_subpage("submit"),
        fields=fields,
        file_field=f"f_{component.pk}",
        file_name=f"{slugify(component.name, max_length=40)}.pdf",
    )


def one_upload(page):
    """The birth registration with the declaration filled in online and the birth certificate the one upload
    (a new revision, published once: an unchanged page is left as it is)."""
    wanted = {c.name: "bat-buoc" if c.name.startswith(UPLOADED_PAPER) else "" for c in page.components.all()}
    if {c.name: c.upload for c in page.components.all()} == wanted:
        return page
    draft = page.get_latest_revision_as_object()
    components = list(draft.components.all())
    for component in components:
        component.upload = wanted[component.name]
    # Set in memory: on a page without unpublished changes .all() reads the database afresh each time.
    draft.components = components
    draft.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def padded_pdf(size: int) -> bytes:
    """A valid one-page PDF of about `size` bytes: a short text, and a scan's worth of random bytes in an
    embedded file (incompressible, as a scan is)."""
    from pypdf import PdfReader, PdfWriter

    from demo.pdf import pdf_bytes

    page = pdf_bytes(["Tải thử: Giấy chứng sinh (bản quét)", "Tệp sinh ra để đo tải, không phải giấy tờ thật."])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(page)))
    writer.add_attachment("ban-quet.bin", os.urandom(max(0, size - len(page) - 1024)))
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    if not data.startswith(b"%PDF-") or len(PdfReader(io.BytesIO(data)).pages) != 1:
        raise RuntimeError("The padded PDF does not read back as a one-page PDF.")
    return data


# The applicants ----------------------------------------------------------------------------------------


@dataclass
class Submission:
    """One applicant's dossier and what became of it: each step's HTTP status, the codes shown, timings."""

    index: int
    applicant: str
    address: str
    statuses: dict = field(default_factory=dict)  # step ("form", "post", "receipt") → HTTP status
    code: str = ""
    secret: str = ""
    error: str = ""  # "<step>: <exception>" when a request got no answer
    started: float = 0.0
    posted: float = 0.0
    answered: float = 0.0
    finished: float = 0.0

    @property
    def acknowledged(self) -> bool:
        """The applicant was told the dossier was received: a 302, then the receipt with its code."""
        return self.statuses.get("post") == 302 and bool(self.code)


def submit(base_url: str, target: Target, pdf: bytes, submission: Submission, receipts: list) -> Submission:
    """GET the form, POST the dossier with its file, follow the redirect to the receipt, like a browser; never
    raises. An acknowledged dossier's (code, secret) is appended to `receipts` for the status readers."""
    session = requests.Session()
    session.headers.update({"Host": target.site_host, "X-Forwarded-For": submission.address, "User-Agent": USER_AGENT})
    step = "form"
    submission.started = time.perf_counter()
    try:
        form = session.get(base_url + target.form_path, timeout=REQUEST_TIMEOUT, allow_redirects=False)
        submission.statuses["form"] = form.status_code
        csrf, token = CSRF_TOKEN.search(form.text), FORM_TOKEN.search(form.text)
        if form.status_code != 200 or csrf is None or token is None:
            return submission
        step = "post"
        data = {
            "csrfmiddlewaretoken": csrf.group(1),
            "token": token.group(1),
            "applicant": submission.applicant,
            "email": f"nguoi.nop.{submission.address.replace('.', '-')}@example.vn",
            "phone": "",
            **target.fields,
            "website": "",
        }
        files = {target.file_field: (target.file_name, pdf, "application/pdf")}
        submission.posted = time.perf_counter()
        answer = session.post(
            base_url + target.form_path, data=data, files=files, timeout=REQUEST_TIMEOUT, allow_redirects=False
        )
        submission.answered = time.perf_counter()
        submission.statuses["post"] = answer.status_code
        if answer.status_code != 302:
            return submission
        step = "receipt"
        receipt = session.get(
            base_url + urlsplit(answer.headers["Location"]).path, timeout=REQUEST_TIMEOUT, allow_redirects=False
        )
        submission.statuses["receipt"] = receipt.status_code
        found = RECEIPT.search(receipt.text) if receipt.status_code == 200 else None
        if found:
            submission.code, submission.secret = found.group(1).strip(), found.group(2).strip()
            receipts.append((submission.code, submission.secret))
    except requests.RequestException as error:
        submission.error = f"{step}: {type(error).__name__}"
    finally:
        submission.finished = time.perf_counter()
        session.close()
    return submission


def applicants(count: int, tag: str) -> list[Submission]:
    """`count` applicants with unique names and one address each (10.9.x.y)."""
    return [
        Submission(
            index=index,
            applicant=nfc(f"{MARK} {tag} số {index:03d}"),
            address=f"10.9.{index // 250}.{index % 250 + 1}",
        )
        for index in range(count)
    ]


# The readers -------------------------------------------------------------------------------------------


@dataclass
class Reader:
    """One measured page: its label, host and path (with its query), and each phase's latencies and statuses."""

    label: str
    host: str
    path: str
    params: dict | None = None
    lookup: bool = False  # the status page: POST the lookup, follow to the status page
    seconds: dict = field(default_factory=lambda: {"load": [], "alone": []})
    statuses: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)

    def sample(self, base_url: str, phase: str, receipts: list, turn: int) -> None:
        """Take one timed sample; never raises (a failure is counted)."""
        session = requests.Session()
        session.headers.update({"Host": self.host, "X-Forwarded-For": reader_address(), "User-Agent": USER_AGENT})
        try:
            if self.lookup:
                self.sample_lookup(session, base_url, phase, receipts[turn % len(receipts)])
            else:
                started = time.perf_counter()
                page = session.get(base_url + self.path, params=self.params, timeout=REQUEST_TIMEOUT)
                elapsed = time.perf_counter() - started
                self.statuses[page.status_code] += 1
                if page.status_code == 200:
                    self.seconds[phase].append(elapsed)
                else:
                    self.failures[f"status {page.status_code}"] += 1
        except requests.RequestException as error:
            self.failures[type(error).__name__] += 1
        finally:
            session.close()

    def sample_lookup(self, session, base_url: str, phase: str, receipt: tuple[str, str]) -> None:
        code, secret = receipt
        form = session.get(base_url + self.path, timeout=REQUEST_TIMEOUT)  # the form, as the visitor opens it
        self.statuses[form.status_code] += 1
        csrf = CSRF_TOKEN.search(form.text)
        if form.status_code != 200 or csrf is None:
            self.failures[f"lookup form {form.status_code}"] += 1
            return
        started = time.perf_counter()
        found = session.post(
            base_url + self.path,
            data={"csrfmiddlewaretoken": csrf.group(1), "code": code, "secret": secret},
            timeout=REQUEST_TIMEOUT,
            allow_redirects=False,
        )
        self.statuses[found.status_code] += 1
        if found.status_code != 302:
            self.failures[f"lookup POST {found.status_code}"] += 1
            return
        status = session.get(base_url + urlsplit(found.headers["Location"]).path, timeout=REQUEST_TIMEOUT)
        elapsed = time.perf_counter() - started
        self.statuses[status.status_code] += 1
        if status.status_code == 200 and code in status.text:
            self.seconds[phase].append(elapsed)
        else:
            self.failures[f"status page {status.status_code}"] += 1


def readers_for(target: Target) -> list[Reader]:
    return [
        Reader("Catalogue, portal", target.portal_host, CATALOGUE_PATH),
        Reader("Catalogue, commune site", target.site_host, CATALOGUE_PATH),
        Reader("Search “dang ky khai sinh”, portal", target.portal_host, CATALOGUE_PATH, {"q": "dang ky khai sinh"}),
        Reader(
            "Search “dang ky ho kinh doanh”, site", target.site_host, CATALOGUE_PATH, {"q": "dang ky ho kinh doanh"}
        ),
        Reader("Status: lookup POST + status GET", target.site_host, LOOKUP_PATH, lookup=True),
    ]


def read(base_url: str, reader: Reader, phase: str, receipts: list, stop: threading.Event, samples: int) -> None:
    """Sample `reader` until `stop` is set (under load) or `samples` times (alone); the status page waits for a
    first receipt."""
    while reader.lookup and not receipts and not stop.is_set():
        time.sleep(0.05)
    for turn in itertools.count():
        if stop.is_set() or (samples and turn >= samples) or (reader.lookup and not receipts):
            return
        reader.sample(base_url, phase, receipts, turn)


def warm_up(base_url: str, target: Target, readers: list[Reader], workers: int) -> None:
    """Load every worker's code and templates first: a server in service is warm. Nothing is submitted."""
    pages = [(target.site_host, target.form_path, None)] + [
        (reader.host, reader.path, reader.params) for reader in readers
    ]
    with ThreadPoolExecutor(max_workers=workers * 2) as pool:
        answers = pool.map(
            lambda page: (
                requests.get(
                    base_url + page[1], params=page[2], headers={"Host": page[0]}, timeout=REQUEST_TIMEOUT
                ).status_code
            ),
            pages * workers * 2,
        )
        statuses = Counter(answers)
    if set(statuses) != {200}:
        raise RuntimeError(f"The pages do not answer 200 before the load: {dict(statuses)}")


# The runs ----------------------------------------------------------------------------------------------


@dataclass
class LoadRun:
    submissions: list[Submission]
    seconds: float = 0.0


def run_load(server: Server, target: Target, pdf: bytes, run: LoadRun, readers: list[Reader], concurrency: int):
    """Send every submission, `concurrency` at a time, while every reader samples its page."""
    receipts, stop = [], threading.Event()
    reading = [
        threading.Thread(target=read, args=(server.base_url, reader, "load", receipts, stop, 0), daemon=True)
        for reader in readers
    ]
    for thread in reading:
        thread.start()
    started = time.perf_counter()
    try:
        with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="applicant") as pool:
            futures = [
                pool.submit(submit, server.base_url, target, pdf, submission, receipts)
                for submission in run.submissions
            ]
            try:
                for _future in as_completed(futures, timeout=RUN_TIMEOUT):
                    pass
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
        run.seconds = time.perf_counter() - started
    finally:
        stop.set()
        for thread in reading:
            thread.join(timeout=REQUEST_TIMEOUT[1] * 2)
    return receipts


def run_alone(server: Server, readers: list[Reader], receipts: list, samples: int) -> None:
    """Every reader, `samples` times each, all at once, with no submission running."""
    stop = threading.Event()
    reading = [
        threading.Thread(target=read, args=(server.base_url, reader, "alone", receipts, stop, samples), daemon=True)
        for reader in readers
    ]
    for thread in reading:
        thread.start()
    for thread in reading:
        thread.join(timeout=RUN_TIMEOUT)


# Checks and report -------------------------------------------------------------------------------------


def verify(run: LoadRun, readers: list[Reader], pdf_size: int, private_root: Path) -> list[Check]:
    """Compare what the applicants were told with what the database and the private storage hold."""
    from django_tasks_db.models import DBTaskResult

    from services.models import Dossier, DossierEvent, DossierFile

    submissions = run.submissions
    tag = submissions[0].applicant.rsplit(" số ", 1)[0]
    dossiers = Dossier.objects.filter(applicant__startswith=f"{tag} số ")
    stored = dict(dossiers.values_list("applicant", "code"))
    count, codes = dossiers.count(), len(set(stored.values()))
    acknowledged = [s for s in submissions if s.acknowledged]
    failed = [s for s in submissions if not s.acknowledged]
    different = [s.applicant for s in acknowledged if stored.get(s.applicant) != s.code]
    received = DossierEvent.objects.filter(dossier__in=dossiers, action=DossierEvent.Action.RECEIVED).count()
    files = DossierFile.objects.filter(dossier__in=dossiers)
    per_dossier = Counter(files.values_list("dossier_id", flat=True))
    rows = set(DossierFile.objects.values_list("file", flat=True))
    on_disk = {str(path.relative_to(private_root)) for path in (private_root / "ho-so").rglob("*") if path.is_file()}
    wrong_size = [
        name
        for name, size in DossierFile.objects.values_list("file", "size")
        if size != pdf_size or not (private_root / name).is_file() or (private_root / name).stat().st_size != size
    ]
    server_errors = sum(status >= 500 for s in submissions for status in s.statuses.values())
    server_errors += sum(n for reader in readers for status, n in reader.statuses.items() if status >= 500)
    reader_failures = Counter()
    for reader in readers:
        reader_failures.update({f"{reader.label}: {why}": n for why, n in reader.failures.items()})
    mail = DBTaskResult.objects.filter(task_path=MAIL_TASK).count()
    total = len(submissions)
    return [
        Check("no 5xx answer (submissions and readers)", server_errors == 0, f"{server_errors} answers ≥ 500"),
        Check(
            f"all {total} POSTs answered 302 and every receipt showed a code",
            len(acknowledged) == total,
            f"{len(acknowledged)} acknowledged; failures: {describe_failures(failed)}",
        ),
        Check(f"exactly {total} dossiers stored", count == total, f"{count} stored"),
        Check(f"{total} distinct codes", codes == count == total, f"{codes} distinct codes for {count} dossiers"),
        Check(
            "every dossier stored with the code its applicant was shown",
            not different,
            f"{len(acknowledged) - len(different)} of {len(acknowledged)}"
            + (f"; e.g. {different[:3]}" if different else ""),
        ),
        Check("every dossier has its “received” event", received == count, f"{received} of {count}"),
        Check(
            f"{total} DossierFile rows, one per dossier",
            files.count() == total and set(per_dossier.values()) == {1} and len(per_dossier) == count,
            f"{files.count()} rows for {len(per_dossier)} dossiers",
        ),
        Check(
            "no orphaned file: the files under ho-so/ are exactly the rows' files",
            on_disk == rows,
            f"{len(on_disk)} files on disk, {len(rows)} rows; {len(on_disk - rows)} orphaned, "
            f"{len(rows - on_disk)} missing",
        ),
        Check(
            f"every row's file on disk with its size ({pdf_size:,} bytes)",
            not wrong_size,
            f"{len(wrong_size)} missing or of another size",
        ),
        Check("one receipt e-mail queued per dossier", mail == count, f"{mail} queued for {count} dossiers"),
        Check(
            "every reader's sample answered as expected (status pages showed their dossier)",
            not reader_failures,
            ", ".join(f"{why} ×{n}" for why, n in reader_failures.items()) or "none",
        ),
    ]


def milliseconds(seconds: list[float]) -> tuple[str, str, str]:
    """p50, p95 (nearest rank) in milliseconds and the count of `seconds`, as the table prints them."""
    from .searches import percentile  # it imports Django's models: only once Django is set up

    if not seconds:
        return "—", "—", "0"
    values = [value * 1000 for value in seconds]
    return f"{percentile(values, 50):.0f}", f"{percentile(values, 95):.0f}", str(len(values))


def report(run: LoadRun, readers: list[Reader], pdf_size: int, checks: list[Check]) -> bool:
    """Print the figures and the checks; returns whether every check passed."""
    submissions = run.submissions
    answered = [s for s in submissions if "post" in s.statuses]
    acknowledged = sum(s.acknowledged for s in submissions)
    print(
        f"\nSubmissions: {len(submissions)} in {run.seconds:.1f} s: {acknowledged / run.seconds:.1f} acknowledged "
        f"dossiers/s, {acknowledged * pdf_size / run.seconds / 1_000_000:.1f} MB/s of files received."
    )
    for step in ("form", "post", "receipt"):
        statuses = Counter(s.statuses[step] for s in submissions if step in s.statuses)
        print(f"  {step:<8} statuses: {', '.join(f'{code} ×{count}' for code, count in sorted(statuses.items()))}")
    errors = Counter(s.error for s in submissions if s.error)
    print(f"  no answer: {', '.join(f'{error} ×{count}' for error, count in errors.items()) or 'none'}")

    rows = [
        ("Submission: POST with the file (to its 302)", milliseconds([s.answered - s.posted for s in answered]), None),
        ("Submission: GET form + POST", milliseconds([s.answered - s.started for s in answered]), None),
        *(
            (reader.label, milliseconds(reader.seconds["load"]), milliseconds(reader.seconds["alone"]))
            for reader in readers
        ),
    ]
    print("\nLatency in ms, seen by the client (queueing for a worker included):")
    print(f"  {'':<46} {'under load':^22}   {'alone':^22}")
    print(f"  {'page':<46} {'p50':>6} {'p95':>7} {'n':>7}   {'p50':>6} {'p95':>7} {'n':>7}")
    for label, loaded, alone in rows:
        alone = alone or ("", "", "")
        print(f"  {label:<46} {loaded[0]:>6} {loaded[1]:>7} {loaded[2]:>7}   {alone[0]:>6} {alone[1]:>7} {alone[2]:>7}")
    print()
    for check in checks:
        print(f"  [{'PASS' if check.passed else 'FAIL'}] {check.label}: {check.detail}")
    return all(check.passed for check in checks)


# Entry point -------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.services_load", description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=500, help="dossiers submitted (default 500)")
    parser.add_argument("--concurrency", type=int, default=50, help="applicants at a time (default 50)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default 4)")
    parser.add_argument("--samples", type=int, default=60, help="samples of each page alone (default 60)")
    parser.add_argument("--file-size", type=int, default=1024 * 1024, help="bytes of each file (default 1 MiB)")
    options = parser.parse_args(argv)

    url = configure_environment()
    from .__main__ import describe_machine, ensure_database

    created = ensure_database(url)
    with tempfile.TemporaryDirectory(prefix="services-load-") as directory:
        private_root = Path(directory) / "private"
        private_root.mkdir()
        os.environ["BENCH_PRIVATE_MEDIA_ROOT"] = str(
            private_root
        )  # read by bench/load_settings.py, here and in gunicorn
        import django

        django.setup()
        from django.db import connections

        if created:
            print("Database created.")
        target = prepare_database()
        describe_machine(url)
        pdf = padded_pdf(options.file_size)
        tag = time.strftime("%Y%m%d-%H%M%S")
        log = Path(directory) / "gunicorn.log"
        readers = readers_for(target)
        try:
            with Server(options.workers, target.portal_host, log) as server:
                print(
                    f"gunicorn: {options.workers} sync workers on {server.base_url} (loopback only), timeout "
                    f"{WORKER_TIMEOUT} s; client: {options.concurrency} applicants at a time, {options.submissions} "
                    f"dossiers with a {len(pdf):,}-byte PDF each, one X-Forwarded-For address each; "
                    f"{len(readers)} readers beside them."
                )
                warm_up(server.base_url, target, readers, options.workers)
                run = LoadRun(applicants(options.submissions, tag))
                receipts = run_load(server, target, pdf, run, readers, options.concurrency)
                run_alone(server, readers, receipts, options.samples)
                checks = verify(run, readers, len(pdf), private_root)
                passed = report(run, readers, len(pdf), checks)
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
