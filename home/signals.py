"""Keep the cached site frame (header, menu, language links, breadcrumbs, advertisements) right: any change of a
page, a site, an agency, a site's advertisements or a page's withdrawal or change notes renews its version."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

from .models import AdvertisementSlot, AdvertisingSettings, Agency
from .models.records import ChangeNote, Withdrawal
from .queries import frame_changed


@receiver(post_save)
@receiver(post_delete)
def forget_frame(sender, instance, **kwargs):
    if isinstance(instance, Page | Site | Agency | AdvertisingSettings | AdvertisementSlot | Withdrawal | ChangeNote):
        frame_changed()


@receiver(post_page_move)
def forget_frame_after_move(sender, **kwargs):
    frame_changed()
