"""A staff account's language is always stored: Vietnamese unless the account chose English."""

import importlib

import pytest
from django.apps import apps
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def test_an_account_without_a_choice_is_vietnamese(make_user):
    assert UserProfile.get_for_user(make_user("moi")).preferred_language == "vi"


def test_english_stays_english(make_user):
    profile = UserProfile.get_for_user(make_user("moi"))
    profile.preferred_language = "en"
    profile.save()
    profile.refresh_from_db()
    assert profile.preferred_language == "en"


def test_existing_accounts_without_a_choice_become_vietnamese(make_user):
    profile = UserProfile.get_for_user(make_user("cu"))
    UserProfile.objects.filter(pk=profile.pk).update(preferred_language="")  # as saved before signin.languages
    migration = importlib.import_module("signin.migrations.0001_profiles_in_server_language")

    migration.store_server_language(apps, None)

    profile.refresh_from_db()
    assert profile.preferred_language == "vi"
