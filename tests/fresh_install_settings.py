"""Settings of the processes that tests/test_fresh_install.py runs: the test settings, with tasks queued in the
database as in production, and e-mail written to files in PORTAL_TEST_MAIL_DIR where the test reads them."""

import os

from portal.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["PORTAL_TEST_MAIL_DIR"]
