"""python -m bench.pages [--seconds S] [--samples N] [--no-browser]: the public pages' cost, with production settings.

1. The bench database (BENCH_PAGES_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/portal_bench_pages) is
   created if missing, migrated and seeded with the demo (`seed_demo`) unless it already holds it. Its media go to
   BENCH_PAGES_VAR_DIR (default var/bench-pages/), its static files are collected there; the cache is Redis at
   BENCH_PAGES_REDIS_URL (default redis://127.0.0.1:6379/9, a database index the bench owns: emptied at the start).
   The settings are production's with a local SECRET_KEY, SECURE_SSL_REDIRECT and HSTS off.
2. Warm, in this process (Django's test client, every middleware): the median render time of --samples requests
   (default 30) and the SQL queries of one, for the portal home, an agency home, a news page, a legal document, the
   document search, the procedures catalogue and its search, and a procedure page.
3. gunicorn (2 sync workers) on a free loopback port: uncached requests per second of each page (wrk, --seconds
   each; threads of a Python client if wrk is missing).
4. Varnish in front of it: deploy/varnish/portal.vcl when the repository has it (with a backends.vcl of the bench's
   pointing at this gunicorn), else the built-in VCL with cookies dropped and a TTL forced for the bench. Beside it
   nginx serves a static copy of the portal home in the same run; the ratio of the two is printed.
5. Chromium (Playwright, /usr/bin/chromium, 360 px wide, loopback, straight to gunicorn): largest contentful paint
   and the bytes transferred for the document, CSS, JS and fonts (everything before content images), for both homes
   and a news page.
6. The load average at the start and the end, and PASS/FAIL per target: home ≤ 30 ms and detail pages ≤ 20 ms
   median, the catalogue and its search ≤ 50 ms, through Varnish ≥ ½ of the static file's req/s, LCP ≤ 300 ms,
   ≤ 100 KB before images. Exits with status 1 when a target fails.

Everything runs on the machine that runs PostgreSQL: the client, gunicorn, Varnish and nginx share its CPUs.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from .feedback_load import Server, free_port

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_pages"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/9"
LOCAL_SECRET_KEY = "bench-pages-local-only-" + "k" * 40  # never a production key: this bench's processes only
CHROMIUM = "/usr/bin/chromium"
NGINX = "/usr/sbin/nginx"
VARNISHD = "/usr/sbin/varnishd"
REPO_VCL = BASE_DIR / "deploy" / "varnish" / "portal.vcl"
FORCED_TTL_VCL = """vcl 4.1;
backend app {{ .host = "127.0.0.1"; .port = "{port}"; }}
sub vcl_recv {{
    if (req.method != "GET" && req.method != "HEAD") {{ return (pass); }}
    unset req.http.Cookie;
    return (hash);
}}
sub vcl_backend_response {{
    unset beresp.http.Set-Cookie;
    set beresp.uncacheable = false;
    set beresp.ttl = 300s;
    return (deliver);
}}
"""


@dataclass
class Target:
    """One page measured: its label, host and path, and the median it must not exceed (ms)."""

    label: str
    host: str
    path: str
    limit_ms: float
    median_ms: float = 0.0
    queries: int = 0
    uncached_rps: float = 0.0
    varnish_rps: float = 0.0
    failures: list[str] = field(default_factory=list)


# Setting up ------------------------------------------------------------------------------------------------


def configure_environment() -> str:
    """Point Django (here and in gunicorn) at the bench database with production settings; returns its URL."""
    url = os.environ.get("BENCH_PAGES_DATABASE_URL", DEFAULT_DATABASE_URL)
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(f"BENCH_PAGES_DATABASE_URL must be a PostgreSQL URL, not {url!r}.")
    var_dir = Path(os.environ.get("BENCH_PAGES_VAR_DIR", BASE_DIR / "var" / "bench-pages"))
    os.environ.update(
        {
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": LOCAL_SECRET_KEY,
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "PORTAL_PORT": "80",
            "PORTAL_VAR_DIR": str(var_dir),
            "STATIC_ROOT": str(var_dir / "static"),
            "REDIS_URL": os.environ.get("BENCH_PAGES_REDIS_URL", DEFAULT_REDIS_URL),
            "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
        }
    )
    return url


def ensure_database(url: str) -> None:
    """Create the bench database if it is missing (on the same server's `postgres` database)."""
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created the database {name}.")


def prepare() -> None:
    """Migrate, seed the demo unless it is there, collect the static files, empty the bench's cache."""
    from django.core.cache import cache
    from django.core.management import call_command

    from documents.models import LegalDocumentPage
    from home.models import Agency

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    if Agency.objects.count() < 3 or not LegalDocumentPage.objects.live().exists():
        # The demo app (and its seed_demo) is never installed with production settings: seeded with the demo's.
        print("Seeding the demo (seed_demo, in a process with the demo's settings)…", flush=True)
        environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
        subprocess.run(  # noqa: S603 (our own command line)
            [sys.executable, "manage.py", "seed_demo", "--verbosity", "0"], env=environment, cwd=BASE_DIR, check=True
        )
    call_command("collectstatic", interactive=False, verbosity=0)
    cache.clear()
    print(f"Database migrated and seeded, static files collected in {time.perf_counter() - started:.1f} s.")


def targets() -> list[Target]:
    """The pages measured, found in the demo: each on its own site's host."""
    from documents.models import LegalDocumentPage
    from home.models import Agency, NewsPage
    from services.models import ProcedurePage

    portal = Agency.objects.get(kind=Agency.Kind.PORTAL).site
    agency = Agency.objects.filter(kind=Agency.Kind.AGENCY).order_by("pk").first().site

    def on_site(page) -> tuple[str, str]:
        site_id, root_url, path = page.get_url_parts()
        host = root_url.split("://", 1)[1].split(":")[0]
        return host, path

    def first(model, **filters):
        return model.objects.live().filter(locale__language_code="vi", **filters).order_by("path").first()

    news = first(NewsPage, path__startswith=portal.root_page.path)
    document = first(LegalDocumentPage)
    procedure = first(ProcedurePage, path__startswith=portal.root_page.path)
    return [
        Target("Portal home", portal.hostname, "/", 30),
        Target("Agency home", agency.hostname, "/", 30),
        Target("News page", *on_site(news), 20),
        Target("Legal document page", *on_site(document), 20),
        Target("Document search", portal.hostname, "/van-ban/?q=quyết định", 50),
        Target("Procedures catalogue", portal.hostname, "/thu-tuc-hanh-chinh/", 50),
        Target("Catalogue search", portal.hostname, "/thu-tuc-hanh-chinh/?q=khai sinh", 50),
        Target("Procedure page", *on_site(procedure), 20),
    ]


# Measuring ---------------------------------------------------------------------------------------------------


def time_in_process(target: Target, samples: int) -> None:
    """Median render time over `samples` warm requests and the queries of one, through Django's test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=target.host)
    for _ in range(3):
        response = client.get(target.path)
        if response.status_code != 200:
            target.failures.append(f"HTTP {response.status_code}")
            return
    with CaptureQueriesContext(connection) as captured:
        client.get(target.path)
    target.queries = len(captured)
    durations = []
    for _ in range(samples):
        started = time.perf_counter()
        client.get(target.path)
        durations.append((time.perf_counter() - started) * 1000)
    target.median_ms = statistics.median(durations)


def requests_per_second(base_url: str, host: str, path: str, seconds: float, connections: int) -> float:
    """Requests per second on `base_url + path` with Host `host`, for `seconds` (wrk; Python threads without it)."""
    url = base_url + requests.utils.requote_uri(path)
    if shutil.which("wrk"):
        output = subprocess.run(  # noqa: S603 (our own command line)
            ["wrk", "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "-H", f"Host: {host}", url],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        if errors:
            print(f"  ({errors.group(1)} answers not 2xx/3xx on {path})")
        return float(rate.group(1)) if rate else 0.0
    return _threaded_rate(url, host, seconds, connections)


def _threaded_rate(url: str, host: str, seconds: float, threads: int) -> float:
    done = [0] * threads
    deadline = time.monotonic() + seconds

    def loop(index: int) -> None:
        with requests.Session() as session:
            while time.monotonic() < deadline:
                session.get(url, headers={"Host": host}, timeout=10)
                done[index] += 1

    workers = [threading.Thread(target=loop, args=(index,)) for index in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(done) / seconds


# Front servers -----------------------------------------------------------------------------------------------


class Process:
    """A server started in its own session and stopped on leaving (SIGTERM, then SIGKILL)."""

    def __init__(self, command: list[str], port: int, log: Path):
        self.command, self.port, self.log = command, port, log
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Process":
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)  # noqa: S603
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.command[0]} exited with status {self.process.returncode}; see {self.log}")
            try:
                requests.get(f"http://127.0.0.1:{self.port}/", timeout=1)
                return self
            except requests.RequestException:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"{self.command[0]} did not answer within 20 s; see {self.log}")

    def __exit__(self, *exc_info) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def varnish(directory: Path, backend_port: int, portal_host: str) -> tuple[Process, str]:
    """Varnish in front of gunicorn: the repository's VCL when there is one, else a forced TTL; and which."""
    port = free_port()
    work = directory / "varnish"
    work.mkdir()
    if REPO_VCL.exists():
        backends = (REPO_VCL.parent / "backends.vcl").read_text()
        backends = backends.replace('"8000"', f'"{backend_port}"').replace('"quangngai.gov.vn"', f'"{portal_host}"')
        (work / "backends.vcl").write_text(backends)
        vcl, which = REPO_VCL, "deploy/varnish/portal.vcl"
        path = ["-p", f"vcl_path={work}:{REPO_VCL.parent}:/etc/varnish"]
    else:
        vcl = work / "bench.vcl"
        vcl.write_text(FORCED_TTL_VCL.format(port=backend_port))
        which, path = "built-in VCL, cookies dropped, TTL forced to 300 s (no deploy/varnish/portal.vcl)", []
    command = [VARNISHD, "-F", "-n", str(work / "state"), "-a", f"127.0.0.1:{port}", "-f", str(vcl), *path]
    command += ["-s", "malloc,128m", "-p", "thread_pool_min=20"]
    return Process(command, port, directory / "varnish.log"), which


def nginx(directory: Path, html: bytes) -> Process:
    """nginx serving `html` as a static file (the portal home's copy) on a free loopback port."""
    port = free_port()
    root = directory / "static-copy"
    root.mkdir()
    (root / "index.html").write_bytes(html)
    conf = directory / "nginx.conf"
    conf.write_text(
        f"""daemon off; worker_processes 2; pid {directory}/nginx.pid; error_log {directory}/nginx-error.log;
user root;
events {{ worker_connections 1024; }}
http {{
    access_log off; client_body_temp_path {directory}; proxy_temp_path {directory};
    fastcgi_temp_path {directory}; uwsgi_temp_path {directory}; scgi_temp_path {directory};
    default_type text/html;
    server {{ listen 127.0.0.1:{port}; root {root}; index index.html; }}
}}
"""
    )
    return Process([NGINX, "-p", str(directory), "-c", str(conf)], port, directory / "nginx.log")


# The browser ------------------------------------------------------------------------------------------------

LCP_SCRIPT = """() => new Promise(resolve => {
    let last = 0;
    new PerformanceObserver(list => { for (const entry of list.getEntries()) last = entry.startTime; })
        .observe({type: "largest-contentful-paint", buffered: true});
    setTimeout(() => resolve(last), 300);
})"""
BEFORE_IMAGES = {"document", "stylesheet", "script", "font"}


def browser_figures(port: int, pages: list[Target]) -> list[tuple[str, float, int]]:
    """(label, LCP in ms, bytes of document, CSS, JS and fonts) for each page, at 360 px, from a fresh context."""
    from playwright.sync_api import sync_playwright

    figures = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-background-networking"]
        )
        try:
            for target in pages:
                context = browser.new_context(viewport={"width": 360, "height": 740})
                page = context.new_page()
                sizes = {}

                def finished(request, sizes=sizes):
                    if request.resource_type in BEFORE_IMAGES:
                        sizes[request.url] = (
                            request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]
                        )

                page.on("requestfinished", finished)
                page.goto(f"http://{target.host}:{port}{target.path}", wait_until="load")
                lcp = page.evaluate(LCP_SCRIPT)
                figures.append((target.label, lcp, sum(sizes.values())))
                context.close()
        finally:
            browser.close()
    return figures


# The run ----------------------------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=float, default=3, help="seconds of wrk per page and server (default 3)")
    parser.add_argument("--samples", type=int, default=30, help="warm requests timed per page (default 30)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium figures")
    options = parser.parse_args()

    load_start = os.getloadavg()
    print(f"Load average at the start: {' '.join(f'{value:.2f}' for value in load_start)} ({os.cpu_count()} CPUs)")
    url = configure_environment()
    ensure_database(url)

    import django

    django.setup()
    prepare()
    pages = targets()
    failed = []

    print(f"\nWarm, in process (median of {options.samples}; SQL queries of one request):")
    for target in pages:
        time_in_process(target, options.samples)
        ok = not target.failures and target.median_ms <= target.limit_ms
        failed += [] if ok else [target.label]
        print(
            f"  {target.label:<22} {target.median_ms:7.1f} ms {target.queries:4d} queries"
            f"  ≤ {target.limit_ms:.0f} ms {verdict(ok)} {' '.join(target.failures)}  {target.host}{target.path}"
        )

    with tempfile.TemporaryDirectory(prefix="bench-pages-") as name:
        directory = Path(name)
        os.chmod(directory, 0o755)  # noqa: S103 (nginx's and Varnish's workers read their files; nothing secret)
        portal_host = pages[0].host
        with Server(2, portal_host, directory / "gunicorn.log") as server:
            print(
                f"\ngunicorn, 2 sync workers on {server.base_url}: uncached requests/s "
                f"(wrk, {options.seconds:g} s, 4 connections):"
            )
            for target in pages:
                target.uncached_rps = requests_per_second(server.base_url, target.host, target.path, options.seconds, 4)
                print(f"  {target.label:<22} {target.uncached_rps:8.1f} req/s")

            html = requests.get(server.base_url + "/", headers={"Host": portal_host}, timeout=10).content
            front, which = varnish(directory, server.port, portal_host)
            with front, nginx(directory, html) as static:
                print(f"\nThrough Varnish ({which}), wrk {options.seconds:g} s, 20 connections:")
                for target in pages:
                    base = f"http://127.0.0.1:{front.port}"
                    requests.get(base + target.path, headers={"Host": target.host}, timeout=10)  # fill the cache
                    target.varnish_rps = requests_per_second(base, target.host, target.path, options.seconds, 20)
                    print(f"  {target.label:<22} {target.varnish_rps:10.1f} req/s")
                static_rps = requests_per_second(
                    f"http://127.0.0.1:{static.port}", portal_host, "/", options.seconds, 20
                )
                ratio = pages[0].varnish_rps / static_rps if static_rps else 0.0
                ok = ratio >= 0.5
                failed += [] if ok else ["Varnish vs static"]
                print(
                    f"  nginx, static copy of the portal home: {static_rps:.1f} req/s; "
                    f"Varnish/static = {ratio:.2f} (≥ 0.50 {verdict(ok)})"
                )

            if not options.no_browser:
                print("\nChromium at 360 px, loopback, straight to gunicorn (LCP; document, CSS, JS and fonts):")
                for label, lcp, size in browser_figures(server.port, [pages[0], pages[1], pages[2]]):
                    ok = lcp <= 300 and size <= 100 * 1024
                    failed += [] if ok else [f"{label} (browser)"]
                    print(f"  {label:<22} LCP {lcp:6.0f} ms, {size / 1024:6.1f} KB before images  {verdict(ok)}")

    load_end = os.getloadavg()
    print(f"\nLoad average at the end: {load_end[0]:.2f} {load_end[1]:.2f} {load_end[2]:.2f}")
    print("All targets met." if not failed else f"Targets missed: {', '.join(failed)}.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
