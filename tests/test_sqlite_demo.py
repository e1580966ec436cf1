"""The demo's SQLite database (`make demo`) takes the task worker's and the requests' writes at once.

The demo runs the task worker beside the web server on one SQLite file: both write (questions, sessions, the tasks
they queue, the worker claiming and finishing them). On SQLite's defaults a transaction whose read turns into a write
while another process writes fails at once with "database is locked": a 500 for the citizen. The test migrates its
own SQLite file once (about 30 s), onboards the portal, then runs the real worker (`manage.py run_worker`) and a real
server (gunicorn, two processes of four threads) on it while two clients send questions, and checks that none failed,
every question was saved and the worker sent every e-mail they queued without ever finding the database locked.
It does not use the suite's database.
"""

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


def manage(env: dict, *args: str) -> None:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The environment of a demo on a SQLite file of its own, migrated, with the portal's site onboarded."""
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
    manage(env, "migrate", "--no-input")
    manage(env, "create_agency_site", "--name", "Cổng thông tin điện tử tỉnh Quảng Ngãi", "--kind", "portal")
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

    def __init__(self, port: int, number: int):
        self.base = f"http://127.0.0.1:{port}"
        self.host = f"quangngai.localhost:{port}"
        self.number = number
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect
        )

    def request(self, path: str, data: dict | None = None, address: str = "") -> tuple[int, str, str]:
        """(status, body, Location) of a GET, or of a POST of `data`."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Host": self.host})  # noqa: S310
        if address:
            request.add_header("X-Forwarded-For", address)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode(), response.headers.get("Location", "")
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


def test_the_worker_and_two_clients_write_to_the_demo_database_at_once(demo, processes, tmp_path):
    port = int(demo["PORTAL_PORT"])
    database = demo["DATABASE_URL"].removeprefix("sqlite:///")

    def count(sql: str) -> int:
        with sqlite3.connect(database, timeout=30) as db:
            return db.execute(sql).fetchone()[0]

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
    assert count("SELECT count(*) FROM feedback_question") == CLIENTS * QUESTIONS_EACH

    def all_sent():
        """the worker ran every task the questions queued"""
        return count("SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status != 'SUCCESSFUL'") == 0

    wait_until(all_sent)
    assert "Database unavailable" not in (tmp_path / "worker.log").read_text()  # it never waited out a lock
    assert count("SELECT count(*) FROM django_tasks_database_dbtaskresult") >= CLIENTS * QUESTIONS_EACH
