"""Keep the cached site frame (header, menu, language links, breadcrumbs, advertisements, the home pages' news) right:
a change of what a site's frame shows renews that site's version, in the languages it shows it in, and nothing else.

- A page published, unpublished, moved or deleted (or saved whole while live): its site, both languages (a page's
  language links name its translations); the portal's too for a news article, which the portal's home aggregates.
- A draft saved (a revision, a lock) changes nothing public: no renewal.
- A site, its agency or one of its settings: that site; an agency also the portal (its home names the agencies).
- An advertisement: its site, in the slot's language (both when it shows in both).
- A withdrawal or a change note: the site of the pages it is about (and the portal for a news article).
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, Site
from wagtail.signals import page_unpublished, post_page_move

from .models import AdvertisementSlot, AdvertisingSettings, Agency, NewsPage
from .models.records import ChangeNote, Withdrawal
from .queries import frame_changed, portal_sites, sites_of

# What Page.save_revision, locking and workflows write on the page's row: the draft's bookkeeping, nothing public.
DRAFT_FIELDS = frozenset(
    {
        "comments",
        "wagtail_admin_comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
    }
)


def pages_changed(pages: list[Page], extra_paths: tuple[str, ...] = ()) -> None:
    """Renew the frames that show `pages`: their sites' (in both languages), and the portal's for news articles."""
    sites = sites_of([page.url_path for page in pages] + list(extra_paths))
    if any(_is_news(page) for page in pages):
        sites |= portal_sites()
    frame_changed(sites)


def _is_news(page: Page) -> bool:
    return isinstance(page, NewsPage) or issubclass(page.specific_class or Page, NewsPage)


@receiver(pre_save, sender=AdvertisementSlot)
def remember_slot_language(sender, instance, **kwargs):
    """A slot moved from one language to the other leaves both frames stale: keep the language it had."""
    if instance.pk is not None:
        before = AdvertisementSlot.objects.filter(pk=instance.pk).values_list("language", flat=True).first()
        instance._language_before = before if before is not None else instance.language


@receiver(post_save)
def forget_frame_after_save(sender, instance, created, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
            return  # a draft saved: nothing public changed
        if created and not instance.live:
            return  # a new draft
        pages_changed([instance])
    elif not (created and isinstance(instance, BaseSiteSetting)):
        # (a site's settings are made with their defaults on first read, during a request: nothing changed)
        _forget_frame_of(instance)


@receiver(post_delete)
def forget_frame_after_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        pages_changed([instance])
    else:
        _forget_frame_of(instance)


def _forget_frame_of(instance) -> None:
    """A site, agency, site setting, advertisement, withdrawal or change note saved or deleted."""
    if isinstance(instance, Site):
        frame_changed([instance.pk])
    elif isinstance(instance, Agency):
        frame_changed({instance.site_id} | portal_sites())
    elif isinstance(instance, BaseSiteSetting):
        frame_changed([instance.site_id])
    elif isinstance(instance, AdvertisementSlot):
        site_id = AdvertisingSettings.objects.filter(pk=instance.setting_id).values_list("site_id", flat=True)
        languages = {instance.language, getattr(instance, "_language_before", instance.language)}
        frame_changed(list(site_id), None if "" in languages else languages)
    elif isinstance(instance, Withdrawal):
        pages_changed(list(Page.objects.filter(translation_key=instance.translation_key)))
    elif isinstance(instance, ChangeNote):
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            pages_changed([page])


@receiver(page_unpublished)
def forget_frame_after_unpublish(sender, instance, **kwargs):
    pages_changed([instance])


@receiver(post_page_move)
def forget_frame_after_move(sender, instance, url_path_before="", **kwargs):
    pages_changed([instance], (url_path_before,))
