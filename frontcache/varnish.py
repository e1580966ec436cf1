"""Varnish with the repository's VCL (deploy/varnish/portal.vcl), on given application servers: for
deploy/serve-prod and the tests that go through the real cache.

portal.vcl includes backends.vcl from its vcl_path; `render_backends` writes one for a set of servers, and
`Varnish` starts varnishd with it listed before deploy/varnish/ (whose backends.vcl is the one-machine default).
"""

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from django.conf import settings

VCL_DIR = settings.BASE_DIR / "deploy" / "varnish"
VARNISHD = "/usr/sbin/varnishd"


def varnishd_path() -> str | None:
    """Debian's varnishd, or one on PATH; None if Varnish is not installed."""
    if Path(VARNISHD).exists():
        return VARNISHD
    return shutil.which("varnishd")


def render_backends(
    servers: list[tuple[str, int]], purgers: list[str], maintenance_page: Path, default_ttl: int = 120
) -> str:
    """backends.vcl for `servers` (host, port), each probed on /healthz and taken in turn; `purgers`: the addresses
    or networks ("10.0.0.0/24") allowed to PURGE and BAN (localhost always is); `maintenance_page`: the file served
    with a 503 when no server answers and no stale copy is left (`manage.py render_maintenance_page`);
    `default_ttl`: seconds a response without Cache-Control or Expires is kept."""
    lines = [
        "import directors;",
        "import std;",
        "",
        "probe portal_health {",
        '    .url = "/healthz";',
        "    .interval = 1s;",
        "    .timeout = 1s;",
        "    .window = 3;",
        "    .threshold = 2;",
        "    .initial = 2;",  # healthy from the start, not after the first probes
        "}",
        "",
    ]
    for number, (host, port) in enumerate(servers, start=1):
        lines += [
            f"backend app_{number} {{",
            f'    .host = "{host}";',
            f'    .port = "{port}";',
            "    .probe = portal_health;",
            # The probe's Host: one Django allows (a bare address gets a 400 and the server would look down).
            f'    .host_header = "{settings.PORTAL_DOMAIN}";',
            "    .connect_timeout = 2s;",
            "    .first_byte_timeout = 30s;",
            "}",
            "",
        ]
    lines += ["sub vcl_init {", "    new app = directors.round_robin();"]
    lines += [f"    app.add_backend(app_{number});" for number in range(1, len(servers) + 1)]
    lines += ["}", "", "acl purgers {", '    "127.0.0.1";', '    "::1";']
    for purger in purgers:
        address, _, bits = purger.partition("/")
        lines.append(f'    "{address}"/{bits};' if bits else f'    "{address}";')
    lines += [
        "}",
        "",
        "sub portal_maintenance_page {",
        f'    set resp.body = std.fileread("{maintenance_page}");',
        "}",
        "",
    ]
    lines += ["sub portal_default_ttl {", f"    set beresp.ttl = {default_ttl}s;", "}"]
    return "\n".join(lines) + "\n"


class Varnish:
    """A varnishd in the foreground on 127.0.0.1:`port`, with portal.vcl and a backends.vcl of its own, its working
    directory under `workdir`. `start()` returns once it accepts connections; `stop()` ends it."""

    def __init__(
        self,
        port: int,
        servers: list[tuple[str, int]],
        workdir: Path,
        maintenance_page: Path,
        purgers: list[str] = (),
        memory: str = "64m",
        default_ttl: int = 120,
    ):
        self.port = port
        self.workdir = Path(workdir)
        self.config_dir = self.workdir / "vcl"
        self.config_dir.mkdir(parents=True, exist_ok=True)
        (self.config_dir / "backends.vcl").write_text(
            render_backends(servers, list(purgers), maintenance_page, default_ttl)
        )
        self.memory = memory
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        varnishd = varnishd_path()
        if varnishd is None:
            raise FileNotFoundError("varnishd không có trên máy này (apt-get install varnish)")
        return [
            varnishd,
            "-F",  # foreground: a child of ours, stopped with us
            "-n",
            str(self.workdir / "instance"),
            "-a",
            f"127.0.0.1:{self.port}",
            "-T",
            "none",  # no management port: nothing to guess or to collide with
            "-j",
            "none",  # run as whoever starts it, who can read the maintenance page (Debian's jail is for its service)
            "-p",
            f"vcl_path={self.config_dir}:{VCL_DIR}",
            "-f",
            str(VCL_DIR / "portal.vcl"),
            "-s",
            f"malloc,{self.memory}",
            "-p",
            "ban_lurker_sleep=0.01",  # bans reach stored objects at once, not after a second
        ]

    def start(self, timeout: float = 30) -> "Varnish":
        self.log = self.workdir / "varnishd.log"
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.log.read_text(errors="replace")
                raise RuntimeError(f"varnishd dừng khi khởi động:\n{output}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"varnishd không mở cổng {self.port} sau {timeout} giây")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def temporary_workdir() -> Path:
    """A fresh folder for a varnishd's working directory and VCL."""
    return Path(tempfile.mkdtemp(prefix="portal-varnish-"))
