"""Existing staff profiles without a preferred language get the server's (signin.languages)."""

from django.conf import settings
from django.db import migrations


def store_server_language(apps, schema_editor):
    apps.get_model("wagtailusers", "UserProfile").objects.filter(preferred_language="").update(
        preferred_language=settings.LANGUAGE_CODE
    )


class Migration(migrations.Migration):
    dependencies = [("wagtailusers", "0015_userprofile_keyboard_shortcuts")]

    operations = [migrations.RunPython(store_server_language, migrations.RunPython.noop)]
