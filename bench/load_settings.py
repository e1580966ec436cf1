"""Settings for the question-form load test (`python -m bench.feedback_load`): the test settings, with e-mail
queued as in production.

The test settings run tasks at once, inside the request; production queues them in the database, in the
submission's own transaction (portal/mail.py), and that is the cost a submission has in production. No task
worker runs during the load test, so the queued mail is never sent; the e-mail backend stays the test settings'
in-memory one all the same, so nothing can reach an SMTP server. DEBUG stays off (base settings).
"""

from portal.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
