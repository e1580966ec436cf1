"""Keep what the search reads right: validity when the documents that end or amend one go live or not,
the portal's first posting of each document, and the unfiltered listing's cached counts."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models.records import Withdrawal

from .models import LegalDocumentPage, SearchEntry
from .models.entries import refresh_on_portal, sync_search_entry
from .search import listing_changed


def refresh_validity(documents) -> int:
    """Recompute and store the validity of `documents`; returns how many changed."""
    changed = 0
    for document in documents:
        validity = document.compute_validity()
        if validity != document.validity:
            LegalDocumentPage.objects.filter(pk=document.pk).update(validity=validity)
            SearchEntry.objects.filter(page_id=document.pk).update(validity=validity)
            changed += 1
    return changed


@receiver(page_published, sender=LegalDocumentPage)
@receiver(page_unpublished, sender=LegalDocumentPage)
def refresh_related_validity(sender, instance, **kwargs):
    """The documents this one ends or amends change validity; the listing's cached counts are stale."""
    targets = {relation.target.translation_key for relation in instance.relations.select_related("target")}
    if targets:
        refresh_validity(LegalDocumentPage.objects.filter(translation_key__in=targets))
    listing_changed()


@receiver(post_delete, sender=LegalDocumentPage)
def forget_deleted(sender, instance, **kwargs):
    """A deleted posting may have been the one the portal listed: another copy takes its place.
    (Its SearchEntry is deleted with it.)"""
    refresh_on_portal(*instance.identity)
    listing_changed()


@receiver(post_save, sender=Withdrawal)
@receiver(post_delete, sender=Withdrawal)
def follow_withdrawal(sender, instance, **kwargs):
    """A document withdrawn (or restored) leaves (or joins) the search in every language, and another posting of it
    may take its place on the portal."""
    for document in LegalDocumentPage.objects.filter(translation_key=instance.translation_key).live():
        sync_search_entry(document)
        refresh_on_portal(*document.identity)
    listing_changed()


@receiver(post_page_move)
def follow_moved(sender, instance, **kwargs):
    """A page moved between sites may carry documents with it: their entries follow."""
    for document in LegalDocumentPage.objects.descendant_of(instance, inclusive=True).live():
        sync_search_entry(document)
    listing_changed()
