"""Keep the search entries in step: a page saved (created, published, unpublished, retitled), moved, withdrawn or
restored, or made private or public again, a site created, and a registered item saved or deleted. Deleted pages
take their entries with them (a foreign key).

Pages are followed on their full saves, which every publish, unpublish and creation is; a draft saved as a revision
updates a few columns only and changes nothing the public sees.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from home.models.records import Withdrawal

from .indexing import forget_item, sync_item, sync_page, sync_subtree
from .search import index_changed
from .sources import sources


def saved(sender, instance, raw=False, created=False, update_fields=None, **kwargs):
    if raw:
        return
    if isinstance(instance, Page):
        if update_fields is None:
            sync_page(instance)
            index_changed()
    elif isinstance(instance, PageViewRestriction):
        restriction_changed(instance)
        index_changed()
    elif isinstance(instance, Withdrawal):
        withdrawal_changed(instance)
    elif isinstance(instance, Site):
        if created:  # its home pages were saved before it existed, so they have no URL yet
            Site.clear_site_root_paths_cache()  # (Wagtail's own receiver may not have run yet)
            for root in instance.root_page.get_translations(inclusive=True):
                sync_subtree(root)
            index_changed()
    elif instance._meta.label_lower in sources():
        sync_item(instance)
        index_changed()


def deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        index_changed()  # its entries went with it (a foreign key)
    elif isinstance(instance, PageViewRestriction):
        restriction_changed(instance)
        index_changed()
    elif isinstance(instance, Withdrawal):
        withdrawal_changed(instance)
    elif instance._meta.label_lower in sources():
        forget_item(instance)
        index_changed()


def restriction_changed(restriction) -> None:
    page = Page.objects.filter(pk=restriction.page_id).first()
    if page is not None:
        sync_subtree(page)


def withdrawal_changed(withdrawal) -> None:
    """A page withdrawn or restored: every language version of it leaves or joins the search."""
    for page in Page.objects.filter(translation_key=withdrawal.translation_key).specific():
        sync_page(page)
    index_changed()


def moved(sender, instance, **kwargs):
    sync_subtree(Page.objects.get(pk=instance.pk))
    index_changed()


def connect() -> None:
    """Connect the receivers. Registered models are recognised at their first save (the hooks are read then, once
    every app is ready)."""
    post_save.connect(saved, dispatch_uid="finder.saved")
    post_delete.connect(deleted, dispatch_uid="finder.deleted")
    post_page_move.connect(moved, dispatch_uid="finder.moved")
