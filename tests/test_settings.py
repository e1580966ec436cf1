"""Configuration: production settings pass Django's deployment checks; the suite runs on PostgreSQL."""

import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        # The browser tests allow async-unsafe ORM calls in this process; a deployment must not.
        env={**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        PORTAL_DOMAIN="quangngai.gov.vn",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_the_suite_runs_on_postgresql_with_the_diacritic_free_search_configuration():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('vi_unaccent', 'Đường Tư Nghĩa')::text")
        assert cursor.fetchone()[0] == "'duong':1 'nghia':3 'tu':2"


def test_the_demo_links_its_emails_to_its_own_host_and_port():
    """Wagtail's workflow e-mails link to WAGTAILADMIN_BASE_URL: in the demo, the address it is served at."""
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        PORTAL_PORT="8000",
        PORTAL_VAR_DIR=tempfile.mkdtemp(prefix="portal-demo-settings-"),
    )

    assert result.stdout.strip() == "http://quangngai.localhost:8000", result.stderr
