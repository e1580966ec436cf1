"""Settings for `make demo` and local development: DEBUG off unless DEBUG=1, console e-mail, port 8000.

The demo shows what a citizen and an editor see: the portal's own 404, 500 and "too large" (413) pages, not Django's
debug pages (`DEBUG=1 make serve` turns those on while developing). Static files come from the apps and static/
through WhiteNoise, and uploads from MEDIA_ROOT through Django, both without collectstatic and whatever DEBUG is.
"""

import os

os.environ.setdefault("PORTAL_PORT", "8000")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from .base import *  # noqa: E402,F403
from .base import ALLOWED_HOSTS, PORTAL_DOMAIN, PORTAL_PORT, env_bool  # noqa: E402

# The demo's content and its seed_demo command: never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
DEBUG = env_bool("DEBUG")
SERVE_MEDIA = True  # portal/urls.py: MEDIA_ROOT served by Django (one process, no web server in front)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-quang-ngai-portal-demo-key-0123456789"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "localhost", "127.0.0.1"]
EMAIL_BACKEND = "outbox.console.EmailBackend"  # Django's console backend, with readable subjects
# Wagtail's e-mails link to the admin where the demo is served (http, its port), not to https on port 443.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"http://{PORTAL_DOMAIN}:{PORTAL_PORT}")
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405

VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405 - the demo's SQLite file and media live here

# Serve static files from the apps and static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
