"""Store every text field in NFC, whoever saves the model: forms, commands, imports or the API."""

from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.fields import StreamField

from .text import nfc, nfc_data


@receiver(pre_save)
def normalize_text_fields(sender, instance, raw=False, update_fields=None, **kwargs):
    """Normalise CharField, TextField (rich text included), JSON and StreamField values to NFC."""
    if raw:
        return
    deferred = instance.get_deferred_fields()
    for field in sender._meta.concrete_fields:
        if field.attname in deferred or (update_fields is not None and field.name not in update_fields):
            continue
        value = field.value_from_object(instance)
        if value is None:
            continue
        if isinstance(field, StreamField):
            setattr(instance, field.attname, nfc_data(value.get_prep_value()))
        elif isinstance(field, models.JSONField):
            setattr(instance, field.attname, nfc_data(value))
        elif isinstance(value, str) and isinstance(field, models.CharField | models.TextField):
            setattr(instance, field.attname, nfc(value))
