"""Keep each document's stored validity right when the documents that end or amend it go live or not."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import LegalDocumentPage


def refresh_validity(documents) -> int:
    """Recompute and store the validity of `documents`; returns how many changed."""
    changed = 0
    for document in documents:
        validity = document.compute_validity()
        if validity != document.validity:
            LegalDocumentPage.objects.filter(pk=document.pk).update(validity=validity)
            changed += 1
    return changed


@receiver(page_published, sender=LegalDocumentPage)
@receiver(page_unpublished, sender=LegalDocumentPage)
def refresh_related_validity(sender, instance, **kwargs):
    targets = {relation.target.translation_key for relation in instance.relations.select_related("target")}
    if targets:
        refresh_validity(LegalDocumentPage.objects.filter(translation_key__in=targets))
