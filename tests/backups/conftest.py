"""Fixtures of the backup tests: the installation's storages in folders of the test's own, content in every kind
that a backup must carry, a fresh database to restore into, and processes run as an operator would run them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from demo.pdf import pdf_bytes
from feedback.models import Question
from groundwork.storage import private_storage
from services.models import DossierFile
from tests.documents.conftest import create_lists, document_maker
from tests.services.helpers import make_dossier
from tests.services.test_submission import procedure  # noqa: F401 - a fixture
from tests.test_fresh_install import postgres_admin  # noqa: F401 - a fixture

ROOT = Path(__file__).resolve().parents[2]
DECISION = pdf_bytes(["Quyet dinh 15/QD-UBND ve sao luu"])
ATTACHMENT = pdf_bytes(["So do thua dat cua ba Hoa"])
APPLICATION = pdf_bytes(["Don dang ky ho kinh doanh"])
FINGERPRINT = "import json; from tests.backups.fingerprint import fingerprint; print(json.dumps(fingerprint()))"


def use_storages(settings, monkeypatch, media: Path, private: dict) -> None:
    """Point the default storage at `media` and the private one at `private` (a STORAGES entry), models included."""
    settings.MEDIA_ROOT = media
    settings.STORAGES = {**settings.STORAGES, "private": private}
    for model, name in ((DossierFile, "file"), (Question, "attachment")):
        monkeypatch.setattr(model._meta.get_field(name), "storage", private_storage())


def on_disk(folder: Path) -> dict:
    return {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": folder}}


@pytest.fixture
def roots(tmp_path, settings, monkeypatch):
    """The source installation's media and private roots, in this test's folder."""
    media, private = tmp_path / "media", tmp_path / "private"
    use_storages(settings, monkeypatch, media, on_disk(private))
    return media, private


@pytest.fixture
def content(agency, other_agency, procedure):  # noqa: F811 - the fixture imported above
    """A legal document with its file, a question with an attachment and a dossier with a file (private), on top
    of the onboarded sites' pages. Made in the storages configured when it is requested."""
    document = document_maker(create_lists())(agency, "15/QĐ-UBND", "Về sao lưu", files={"qd-15.pdf": DECISION})
    question = Question.objects.create(
        agency=agency, name="Lê Thị Hoa", email="hoa@example.vn", title="Ranh giới thửa đất"
    )
    question.attachment.save("so-do.pdf", ContentFile(ATTACHMENT))
    dossier = make_dossier(procedure, files=[("Giấy đề nghị", "don.pdf", APPLICATION)])
    return document, question, dossier


def database_url(name: str) -> str:
    server = connection.settings_dict
    credentials = f"{server['USER']}:{server['PASSWORD']}" if server["PASSWORD"] else server["USER"]
    return f"postgres://{credentials}@{server['HOST']}:{server['PORT'] or 5432}/{name}"


@pytest.fixture
def restore_database(postgres_admin):  # noqa: F811 - the fixture imported above
    """The URL of a new, empty database beside the test database, dropped after the test."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"{connection.settings_dict['NAME']}_restore_{worker}"[-63:]
    postgres_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    postgres_admin.execute(f'CREATE DATABASE "{name}"')
    yield database_url(name)
    postgres_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def installation(url: str, media: Path, private: Path, **env: str) -> dict:
    """The environment of a process of an installation on database `url` with these media and private roots."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.backups.settings",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(private),
        **env,
    }


def manage(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """`manage.py args` in a process of its own, as an operator runs it."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def fingerprint_of(env: dict) -> dict:
    """The fingerprint (tests/backups/fingerprint.py) of the installation a process with `env` sees."""
    return json.loads(manage(env, "shell", "--no-imports", "-c", FINGERPRINT).stdout)
