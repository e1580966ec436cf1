"""The site with Redis down (groundwork/cache.py): pages and forms served without it, rate limits kept in the process,
one warning per outage, and /readyz saying the cache is down. Each test runs a redis-server of its own."""

import logging
import shutil
import signal
import subprocess
import time

import pytest
import redis
from django.core.cache import cache, caches

from feedback.models import Question
from groundwork.cache import DegradingRedisCache
from tests.documents.conftest import create_lists
from tests.feedback.test_questions import LOOKUP, ask
from tests.processes import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

LIMITED = "Bạn đã tra cứu nhiều lần trong thời gian ngắn"


class RedisServer:
    """A redis-server on a free port, without persistence, in a folder of its own; stopped and started at will."""

    def __init__(self, folder):
        executable = shutil.which("redis-server")
        if executable is None:
            pytest.skip("redis-server is not installed (apt-get install redis-server)")
        self.command = [executable, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)]
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - our own command line
            [*self.command, "--port", str(self.port)], stdout=subprocess.DEVNULL
        )
        client = redis.Redis.from_url(self.url)
        for _attempt in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def keys(self) -> int:
        return redis.Redis.from_url(self.url).dbsize()


@pytest.fixture
def redis_server(tmp_path, settings):
    """A running Redis, which is the site's cache (with the production backend and a 1 s back-off) for the test."""
    server = RedisServer(tmp_path)
    server.start()
    settings.CACHES = {
        "default": {
            **settings.CACHES["default"],
            "BACKEND": "groundwork.cache.DegradingRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3, "retry_after": 1},
        }
    }
    # The setting's change (Django's setting_changed signal) reset django.core.cache.caches: `cache` is this one now.
    assert isinstance(caches["default"], DegradingRedisCache) and cache.add("probe", 1) and server.keys() == 1
    cache.delete("probe")
    yield server
    if server.process.poll() is None:
        server.kill()


def visit(client, portal, agency) -> dict:
    """What a visitor does: the portal's home page, search, the legal documents, a question asked; the statuses."""
    statuses = {
        "home": client.get("/", HTTP_HOST=portal.site.hostname).status_code,
        "search": client.get("/tim-kiem/", {"q": "quy che"}, HTTP_HOST=portal.site.hostname).status_code,
        "documents": client.get("/van-ban/", {"q": "quy che"}, HTTP_HOST=agency.site.hostname).status_code,
        "question form": client.get("/hoi-dap/gui-cau-hoi/", HTTP_HOST=agency.site.hostname).status_code,
        "question": ask(client, agency).status_code,
    }
    return statuses


def ready(client) -> tuple[int, dict]:
    """/readyz's status and verdict, without each check's figures (tests/home/test_readiness.py has those)."""
    response = client.get("/readyz")
    return response.status_code, {key: value for key, value in response.json().items() if key != "checks"}


def warnings_from_the_cache(caplog) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "groundwork.cache" and record.levelname == "WARNING"
    ]


def test_pages_and_forms_are_served_with_redis_up_down_and_back(client, portal, agency, redis_server, caplog):
    create_lists()
    caplog.set_level(logging.INFO, logger="groundwork.cache")
    served = {"home": 200, "search": 200, "documents": 200, "question form": 200, "question": 302}

    assert visit(client, portal, agency) == served
    assert redis_server.keys() > 0  # the frame and the counts really were in Redis
    assert ready(client) == (200, {"status": "ok"})

    redis_server.kill()
    assert visit(client, portal, agency) == served
    assert visit(client, portal, agency) == served
    assert ready(client) == (503, {"status": "unavailable", "down": ["cache"]})
    assert client.get("/healthz").status_code == 200  # alive: the load balancer keeps sending visitors
    assert Question.objects.count() == 3  # every question asked was kept
    assert len(warnings_from_the_cache(caplog)) == 1

    redis_server.start()
    time.sleep(1.1)  # the back-off after the last failure
    assert visit(client, portal, agency) == served
    assert ready(client) == (200, {"status": "ok"})
    assert redis_server.keys() > 0
    assert len(warnings_from_the_cache(caplog)) == 1
    assert [record.levelname for record in caplog.records if record.name == "groundwork.cache"] == ["WARNING", "INFO"]


def test_a_hung_redis_costs_a_page_one_short_timeout(client, portal, redis_server):
    def seconds_to_serve_the_home_page() -> float:
        started = time.monotonic()
        assert client.get("/", HTTP_HOST=portal.site.hostname).status_code == 200
        return time.monotonic() - started

    seconds_to_serve_the_home_page()
    redis.Redis.from_url(redis_server.url).flushdb()
    uncached = seconds_to_serve_the_home_page()  # the frame computed, as it must be without Redis
    redis_server.process.send_signal(signal.SIGSTOP)  # accepts connections, never answers
    try:
        hung = seconds_to_serve_the_home_page()
    finally:
        redis_server.process.send_signal(signal.SIGCONT)

    # One 0.3 s timeout, then the back-off. Measured: 0.7 s against 0.4 s uncached; 3.9 s with a timeout at each of
    # the page's cache calls.
    assert hung < uncached + 1.2


def test_rate_limits_still_limit_while_redis_is_down(client, agency, redis_server):
    address = {"REMOTE_ADDR": "203.0.113.10"}  # an address of its own: the in-process counts outlive the test
    redis_server.kill()

    answers = [
        client.post(
            LOOKUP, {"code": "HD-AAAA-AAAA", "contact": "a@example.vn"}, HTTP_HOST=agency.site.hostname, **address
        )
        for _attempt in range(21)
    ]

    assert [answer.status_code for answer in answers] == [200] * 21  # never a 500
    assert not any(LIMITED in answer.text for answer in answers[:20])
    assert LIMITED in answers[20].text
    other = client.post(LOOKUP, {"code": "HD-AAAA-AAAA", "contact": "a@example.vn"}, HTTP_HOST=agency.site.hostname)
    assert LIMITED not in other.text  # per address, as with Redis
