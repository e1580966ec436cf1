from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Site roots, general pages, news, contacts, navigation and per-site settings."""

    name = "home"
    verbose_name = "Trang thông tin"

    def ready(self):
        from . import signals  # noqa: F401
        from .notifications import connect as connect_notifications

        connect_notifications()

        from django.db.models.signals import post_save
        from wagtail.models import Revision
        from wagtail.signals import page_published

        from .change_notes import remember_note, revision_published

        post_save.connect(remember_note, sender=Revision, dispatch_uid="home.change_notes.remember")
        page_published.connect(revision_published, dispatch_uid="home.change_notes.publish")
