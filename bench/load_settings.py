"""Settings for the load tests (`python -m bench.feedback_load`, `python -m bench.services_load`): the test
settings, with e-mail queued as in production.

The test settings run tasks at once, inside the request; production queues them in the database, in the
submission's own transaction (groundwork/mail.py), and that is the cost a submission has in production. No task
worker runs during the load test, so the queued mail is never sent; the e-mail backend stays the test settings'
in-memory one all the same, so nothing can reach an SMTP server. DEBUG stays off (base settings).

BENCH_PRIVATE_MEDIA_ROOT, when set, is the private storage's folder for every process of the run (gunicorn's
workers and the bench checking what they stored); the test settings give each process a folder of its own.
"""

import os
from pathlib import Path

from portal.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

if os.environ.get("BENCH_PRIVATE_MEDIA_ROOT"):
    PRIVATE_MEDIA_ROOT = Path(os.environ["BENCH_PRIVATE_MEDIA_ROOT"])
    STORAGES = {**STORAGES, "private": {**STORAGES["private"], "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}}}  # noqa: F405
