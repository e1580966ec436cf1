"""The real front cache for tests: Debian's varnishd with deploy/varnish/portal.vcl in front of Django's live server
or of gunicorn processes on the test database. In CI (CI=true) a missing varnishd fails the test (tests/conftest.py):
.ci/run installs Debian's varnish package."""

import os
import subprocess
import sys
import time

import pytest
import requests
from django.core.management import call_command
from django.db import connection

from frontcache.varnish import Varnish, temporary_workdir, varnishd_path
from tests.processes import free_port

PORTAL_HOST = "quangngai.localhost"


@pytest.fixture(scope="session")
def maintenance_page(tmp_path_factory, django_db_setup, django_db_blocker):
    """The static maintenance page, as `manage.py render_maintenance_page` writes it at each deploy."""
    folder = tmp_path_factory.mktemp("maintenance")
    with django_db_blocker.unblock():
        call_command("render_maintenance_page", str(folder), verbosity=0)
    return folder / "maintenance.html"


def start_varnish(servers, maintenance_page, **options) -> Varnish:
    if varnishd_path() is None:
        pytest.skip("varnishd is not installed (apt-get install varnish)")
    return Varnish(free_port(), servers, temporary_workdir(), maintenance_page, **options).start()


@pytest.fixture
def front(live_server, maintenance_page, settings):
    """Varnish in front of the live server, told of every publish (FRONT_CACHE_PURGE_URL's setting)."""
    host = "127.0.0.1" if live_server.thread.host == "localhost" else live_server.thread.host
    varnish = start_varnish([(host, live_server.thread.port)], maintenance_page)
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "frontcache.backends.VarnishBackend", "LOCATION": varnish.url}
    }
    yield varnish
    varnish.stop()


def fetch(varnish: Varnish, path: str, host: str = PORTAL_HOST, method: str = "GET", session=None, **options):
    """A request through `varnish` for `path` on `host`, redirects not followed."""
    client = session or requests
    headers = {"Host": host, **options.pop("headers", {})}
    return client.request(method, varnish.url + path, headers=headers, allow_redirects=False, timeout=30, **options)


class Gunicorn:
    """gunicorn with the test settings on the test database (committed data only), on a free port."""

    def __init__(self, log_folder, **environment):
        self.port = free_port()
        self.log = log_folder / f"gunicorn-{self.port}.log"
        database = connection.settings_dict
        self.environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
            **environment,
        }
        self.process = None

    def start(self) -> "Gunicorn":
        command = [sys.executable, "-m", "gunicorn", "portal.wsgi:application", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", "1", "--threads", "4", "--log-level", "warning"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=self.environment)  # noqa: S603
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn exited: {self.log.read_text()[-2000:]}")
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/healthz", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        pytest.fail("gunicorn did not answer /healthz within 120 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
