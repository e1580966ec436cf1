"""WSGI entry point (gunicorn portal.wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# What is loaded now (Django, Wagtail, the apps, their URL patterns) lives as long as the process. Frozen, it is left
# out of the garbage collector's full collections, which otherwise scan its ~250,000 objects now and then in the middle
# of a request (a 120 ms pause on a 2-core machine; make bench-portal).
gc.collect()
gc.freeze()
