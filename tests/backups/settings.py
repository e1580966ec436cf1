"""Settings of the processes the backup tests run (restore_backup, and the fingerprint of a restored install): the
test settings, with the media and private roots the test chose (MEDIA_ROOT, PRIVATE_MEDIA_ROOT), as production's
environment gives them."""

import os
from pathlib import Path

from portal.settings.test import *  # noqa: F403

MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"])
PRIVATE_MEDIA_ROOT = Path(os.environ["PRIVATE_MEDIA_ROOT"])
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}},
}
