"""Settings for the fault bench (`python -m bench.faults`): production's, as deployed, with what plain HTTP on
loopback needs.

The bench's clients speak HTTP to gunicorn on 127.0.0.1, with no TLS terminator in front: cookies are not marked
Secure (a client would not send them back over HTTP), and static files are served from the apps' folders by
WhiteNoise (no collectstatic for a bench). Everything else (the database's connection reuse and health checks,
Redis as the cache, the database task queue, the SMTP backend, the JSON logs) is production's. SECRET_KEY,
DATABASE_URL, REDIS_URL, EMAIL_* and SECURE_SSL_REDIRECT=0 come from the environment the bench sets.
"""

from portal.settings.production import *  # noqa: F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = True
