"""Settings for the test suite: PostgreSQL by default (the engine of record), fast hashing."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from .base import *  # noqa: E402,F403
from .base import ALLOWED_HOSTS  # noqa: E402

# The demo's content and its seed_demo command: never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
SECRET_KEY = "test-only-not-secret-quang-ngai-portal-key-0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks (e-mail, Wagtail's indexes) run at once, inside the test: no worker to start. tests/groundwork/test_mail.py
# switches to the database backend where the queue itself is under test.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))  # a fresh folder per run: no leftovers
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-private-"))
atexit.register(shutil.rmtree, PRIVATE_MEDIA_ROOT, ignore_errors=True)
# On disk whatever the environment says (a private bucket is tested against its own server).
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}},
}
# The read replica's alias as a mirror of the test database (a connection of its own to it), whatever the environment
# says; nothing reads from it unless a test sets DATABASE_READ_REPLICA = "replica" (tests/groundwork/test_routers.py).
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
DATABASE_READ_REPLICA = None
WAGTAILADMIN_BASE_URL = "http://quangngai.localhost"

# Serve static files from the apps and static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Usage beacons (reporting.usage) written as they come, on the request's connection: a batch left to a timer thread
# would commit its rows in the middle of a later test.
USAGE_FLUSH_HITS = 1
