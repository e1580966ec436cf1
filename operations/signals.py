"""A saved or deleted maintenance window is shown (or no longer shown) at once: the cached list is emptied."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .maintenance import forget_windows
from .models import MaintenanceWindow


@receiver([post_save, post_delete], sender=MaintenanceWindow)
def forget_cached_windows(sender, **kwargs):
    forget_windows()
