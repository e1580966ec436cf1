"""Staff accounts speak Vietnamese unless they chose English.

Wagtail reads an account without a language as "the language active at the moment": in a request, the language of
whoever is using the admin. A moderator without a preference then got an English editor's workflow e-mail in
English. An account's language is therefore always stored: blank ("Use server language") means LANGUAGE_CODE.
"""

from django.conf import settings
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.users.models import UserProfile


@receiver(pre_save, sender=UserProfile)
def store_server_language(sender, instance, **kwargs):
    """Give a profile saved without a preferred language the server's (Vietnamese)."""
    if not instance.preferred_language:
        instance.preferred_language = settings.LANGUAGE_CODE
