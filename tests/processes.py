"""Helpers for tests that run real servers and processes beside the suite: a free port, and waiting for an event."""

import socket
import time

import pytest


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, timeout: float = 60) -> None:
    """Poll `condition` until it is true; fail the test after `timeout` seconds, naming it by its docstring."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"not true after {timeout} s: {condition.__doc__ or condition}")
        time.sleep(0.1)
