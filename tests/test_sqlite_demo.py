"""`make demo`'s embedded default (SQLite, DEBUG off) works as a newcomer meets it, and takes concurrent writes.

The module builds one demo as `make demo` does: it migrates a SQLite file of its own (about 30 s) and runs `seed_demo`
on it (a few minutes), so CI runs the SQLite code paths the demo takes. It does not use the suite's database.

- The smoke check serves it with `manage.py runserver` and the demo's settings, as `make demo` does: the three home
  pages answer, a document search typed without diacritics finds a demo document, a question is submitted, and the
  portal's own 404 and "too large" pages show (DEBUG is off), with the static files and a document's PDF served.
- The concurrency check: the task worker and the requests write to one file at once. On SQLite's defaults a
  transaction whose read turns into a write while another process writes fails at once with "database is locked":
  a 500 for the citizen. It runs the real worker (`manage.py run_worker`) and a real server (gunicorn, two processes
  of four threads) while two clients send questions, and checks that none failed, every question was saved and the
  worker sent every e-mail they queued without ever finding the database locked.
"""

import html
import http.cookiejar
import os
import re
import sqlite3
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.processes import free_port, wait_until

ROOT = Path(__file__).resolve().parent.parent
ASK = "/hoi-dap/gui-cau-hoi/"
CLIENTS = 2
QUESTIONS_EACH = 15
WAIT = 60  # seconds any awaited event may take


def manage(env: dict, *args: str, timeout: int = 180) -> str:
    """Run a management command on the demo's database; its output."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The environment of a demo on a SQLite file of its own, migrated and seeded as `make demo` does."""
    directory = tmp_path_factory.mktemp("demo")
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "PORTAL_VAR_DIR": str(directory),
        "DATABASE_URL": f"sqlite:///{directory / 'demo.sqlite3'}",
        "PORTAL_PORT": str(port),
        # Every question comes from another address (X-Forwarded-For), under the form's limit of 5 an hour.
        "PORTAL_TRUSTED_PROXIES": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    manage(env, "migrate", "--no-input", timeout=600)
    assert manage(env, "seed_demo", "--verbosity", "0", timeout=900) == ""  # no progress lines at verbosity 0
    return env


@pytest.fixture
def processes(demo, tmp_path):
    """start(name, *command): a process on the demo's database, killed after the test (its output shown if the
    test failed)."""
    started = []

    def start(name, *command):
        with (tmp_path / f"{name}.log").open("ab") as log:
            started.append(
                subprocess.Popen(command, cwd=ROOT, env=demo, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
            )

    yield start
    for process in started:
        process.kill()
        process.wait(timeout=10)
    for path in sorted(tmp_path.glob("*.log")):
        print(f"--- {path.name}\n{path.read_text(errors='replace')[-20000:]}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the caller sees the 302 (its Location names the site's host, which may not resolve here)


class Citizen:
    """A browser of the portal's site: its own cookies, an address of its own for each question."""

    def __init__(self, port: int, number: int, site: str = ""):
        self.base = f"http://127.0.0.1:{port}"
        self.host = f"{site}quangngai.localhost:{port}"
        self.number = number
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect
        )

    def request(self, path: str, data: dict | str | None = None, address: str = "") -> tuple[int, str, str]:
        """(status, body, Location) of a GET, or of a POST of `data` (a form's fields, or its encoded body)."""
        body = (data if isinstance(data, str) else urllib.parse.urlencode(data)).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Host": self.host})  # noqa: S310
        if address:
            request.add_header("X-Forwarded-For", address)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode(errors="replace"), response.headers.get("Location", "")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace"), error.headers.get("Location", "")

    def ask(self, index: int) -> list[int]:
        """Send question `index` as a citizen does (the form, the POST, the receipt); the statuses answered."""
        address = f"10.{self.number}.{index // 250}.{index % 250 + 1}"
        status, page, _ = self.request(ASK, address=address)
        statuses = [status]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if token is None:
            return statuses
        data = {
            "csrfmiddlewaretoken": token.group(1),
            "kind": "hoi-dap",
            "name": "Nguyễn Văn Nông",
            "email": f"nong{self.number}.{index}@example.vn",
            "phone": "",
            "title": f"Lệ phí cấp giấy chứng nhận, câu hỏi {self.number}-{index}",
            "body": "Lệ phí cấp giấy chứng nhận quyền sử dụng đất năm 2026 có thay đổi không?",
            "website": "",
        }
        status, _, location = self.request(ASK, data, address=address)
        statuses.append(status)
        if status == 302:
            statuses.append(self.request(urllib.parse.urlsplit(location).path, address=address)[0])
        return statuses


def count(demo: dict, sql: str) -> int:
    """A number read straight from the demo's SQLite file."""
    with sqlite3.connect(demo["DATABASE_URL"].removeprefix("sqlite:///"), timeout=30) as db:
        return db.execute(sql).fetchone()[0]


def test_make_demo_serves_the_seeded_sites_with_debug_off(demo, processes):
    port = int(demo["PORTAL_PORT"])
    processes("runserver", sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}")
    portal = Citizen(port, 0)

    def serving():
        """the demo's server answers"""
        try:
            return portal.request("/")[0] == 200
        except OSError:
            return False

    wait_until(serving)

    for site, name in (("", "Quảng Ngãi"), ("stttt.", "Sở Thông tin và Truyền thông"), ("tunghia.", "Tư Nghĩa")):
        status, page, _ = Citizen(port, 0, site).request("/")
        assert status == 200 and name in html.unescape(page), site

    status, page, _ = portal.request("/van-ban/?q=quy+che+hoat+dong")
    assert status == 200 and "Quyết định 16/2017/QĐ-UBND" in html.unescape(page)
    status, page, _ = portal.request("/van-ban/16-2017-qd-ubnd/")
    pdf = re.search(r'href="(/documents/[^"]+\.pdf)"', page)
    assert status == 200 and pdf, "the document's page links its PDF"
    status, file, _ = portal.request(html.unescape(pdf.group(1)))
    assert status == 200 and file.startswith("%PDF-")
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', page)
    assert stylesheet and portal.request(stylesheet.group(1))[0] == 200, "static files are served with DEBUG off"

    questions = count(demo, "SELECT count(*) FROM feedback_question")
    assert portal.ask(0) == [200, 302, 200]
    assert count(demo, "SELECT count(*) FROM feedback_question") == questions + 1

    # DEBUG is off: the portal's own pages, never Django's debug pages.
    status, page, _ = portal.request("/khong-co-trang-nay/")
    assert status == 404 and "Không tìm thấy trang" in page and "DEBUG = True" not in page
    status, page, _ = portal.request(ASK, "body=" + "x" * (3 * 1024 * 1024))
    assert status == 413 and "Dữ liệu gửi lên quá lớn" in html.unescape(page) and "Traceback" not in page


def test_the_worker_and_two_clients_write_to_the_demo_database_at_once(demo, processes, tmp_path):
    port = int(demo["PORTAL_PORT"])
    questions = count(demo, "SELECT count(*) FROM feedback_question")

    def count_now(sql: str) -> int:
        return count(demo, sql)

    processes(
        "worker",
        sys.executable,
        "manage.py",
        "run_worker",
        "--interval",
        "0.05",
        "--no-startup-delay",
        "--no-reload",
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    processes("server", str(gunicorn), "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4")

    def serving():
        """the server answers"""
        try:
            return Citizen(port, 0).request("/")[0] == 200
        except OSError:
            return False

    wait_until(serving)

    statuses = {number: [] for number in range(1, CLIENTS + 1)}

    def send(number):
        citizen = Citizen(port, number)
        for index in range(QUESTIONS_EACH):
            statuses[number] += citizen.ask(index)

    threads = [threading.Thread(target=send, args=(number,)) for number in statuses]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=WAIT)

    answered = [status for each in statuses.values() for status in each]
    assert answered.count(500) == 0, f"{answered.count(500)} of {len(answered)} requests answered 500"
    assert set(answered) == {200, 302}, answered
    assert count_now("SELECT count(*) FROM feedback_question") == questions + CLIENTS * QUESTIONS_EACH

    def all_sent():
        """the worker ran every task the questions queued"""
        return count_now("SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status != 'SUCCESSFUL'") == 0

    wait_until(all_sent)
    assert "Database unavailable" not in (tmp_path / "worker.log").read_text()  # it never waited out a lock
    assert count_now("SELECT count(*) FROM django_tasks_database_dbtaskresult") >= CLIENTS * QUESTIONS_EACH
