"""Settings of the worker process that tests/worker starts: the test settings, with tasks queued in the database and
mail sent over SMTP, as in production. The database, the SMTP server (EMAIL_HOST, EMAIL_PORT, EMAIL_TIMEOUT) and
TASKS_STALE_AFTER come from the environment the test gives it."""

from portal.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
