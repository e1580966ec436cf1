"""Playwright on Debian's Chromium against pytest-django's live server (`playwright install` cannot download)."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The flags this machine needs: root (no sandbox) and a closed network (no background connections).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make around it are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _wagtail_roots(wagtail_roots):
    """Browser tests share data with the live server's thread, so they commit (see tests/conftest.py)."""


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """new_page(**context_options): a page in a fresh browser context (its own cookies), closed afterwards."""
    contexts = []

    def make(**options):
        context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def site_url(live_server):
    """site_url(agency, path="/"): the live server's URL of `path` on the agency's own host."""
    port = live_server.url.rsplit(":", 1)[1]

    def url(agency, path="/"):
        return f"http://{agency.site.hostname}:{port}{path}"

    return url
