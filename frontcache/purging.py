"""What a change of a page makes stale in the front cache, and when it is purged.

Wagtail's own handlers purge only the page's URL, and with unprefixed Vietnamese URLs they get the languages wrong
(WAGTAIL-NOTES.md, "Front-end cache"): the app is not installed and WAGTAILFRONTENDCACHE_LANGUAGES is empty. Instead,
on publish, unpublish, move, delete, withdrawal, restore and a change note, for every language version of the page:

- the page and everything under it (its subtree, its routable pages, their query strings): a prefix;
- each of its ancestors up to the site's home page, with their query strings (pages, filters) and their own routes
  without parameters (a section's feed, its API): the listings that show it;
- the site's home pages in both languages, its feed, sitemaps and search;
- on an agency's or a commune's site, the portal's home pages and search, which aggregate every site's news;
- a page in the menu, or a site's home page, is in the frame of every page of its site: the whole site.

The URLs of one transaction are gathered and sent after it commits, as one task (Wagtail's `purge_urls_from_cache`,
run by the task worker): a rolled-back change purges nothing, and a failure is logged without touching the publish.
"""

import logging
from collections.abc import Iterable

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from .backends import PREFIX

logger = logging.getLogger(__name__)

__all__ = ["connect", "page_urls", "schedule"]


def page_urls(page: Page) -> set[str]:
    """Every URL, absolute, that shows `page` or something of it, in each of its languages (see the module's
    docstring); a URL ending in PREFIX stands for everything under it."""
    urls: set[str] = set()
    for version in Page.objects.filter(translation_key=page.translation_key).specific(defer=True):
        urls |= _version_urls(version)
    return urls


def _version_urls(page: Page) -> set[str]:
    parts = page.get_url_parts()
    if parts is None:  # not under any site
        return set()
    site_id, root_url, path = parts
    urls = {root_url + path + PREFIX}
    site = Site.objects.select_related("root_page").get(pk=site_id)
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific(defer=True):
        ancestor_parts = ancestor.get_url_parts()
        if ancestor_parts is None:
            continue
        ancestor_url = ancestor_parts[1] + ancestor_parts[2]
        urls.add(ancestor_url)
        urls.update(ancestor_url + route for route in _plain_routes(ancestor))
    urls |= _site_urls(site)
    if page.depth <= site.root_page.depth or page.show_in_menus:
        urls.add(root_url + "/" + PREFIX)  # its frame: every page of the site
    portal = _portal_site()
    if portal is not None and portal.pk != site.pk:
        urls |= _site_urls(portal, feeds=False)
    return urls


def _plain_routes(page: Page) -> list[str]:
    """The routes of a routable page that take no parameter (a feed, an API, a form), both languages' paths."""
    if not isinstance(page, RoutablePageMixin):
        return []
    routes = [str(pattern.pattern) for pattern in page.get_subpage_urls()]
    return [route for route in routes if route and "<" not in route and "(" not in route]


def _site_urls(site: Site, feeds: bool = True) -> set[str]:
    """A site's home pages in every language and its search; with `feeds`, its feeds and sitemaps too."""
    root_url = site.root_url
    urls = set()
    for home in Page.objects.filter(translation_key=site.root_page.translation_key).select_related("locale"):
        with translation.override(home.locale.language_code):
            urls.add(root_url + reverse("search"))
            if feeds:
                urls.add(root_url + reverse("site-feed"))
        home_parts = home.get_url_parts()
        if home_parts is not None:
            urls.add(home_parts[1] + home_parts[2])
    if feeds:
        urls.add(root_url + "/sitemap" + PREFIX)  # the index and every sitemap-<section>.xml
    return urls


def _portal_site() -> Site | None:
    from home.models import Agency

    agency = Agency.objects.filter(kind=Agency.Kind.PORTAL).select_related("site__root_page").first()
    return agency.site if agency is not None else None


class _Batch:
    """The URLs gathered in one transaction, purged once it commits."""

    def __init__(self):
        self.urls: set[str] = set()

    def flush(self) -> None:
        urls, self.urls = sorted(self.urls), set()
        if urls:
            purge_urls_from_cache(urls)


_batches: dict[int, _Batch] = {}


def schedule(urls: Iterable[str], using: str | None = None) -> None:
    """Purge `urls` when the current transaction commits (at once outside one), with the others of that
    transaction."""
    connection = transaction.get_connection(using)
    batch = _batches.get(id(connection))
    # Django drops the callbacks of a rolled-back transaction (and runs them on commit): a batch no longer waiting
    # in run_on_commit is done with.
    if batch is None or not any(callback == batch.flush for _, callback, _ in connection.run_on_commit):
        batch = _batches[id(connection)] = _Batch()
        batch.urls.update(urls)
        transaction.on_commit(batch.flush, using=using)
        return
    batch.urls.update(urls)


def purge_page(page: Page) -> None:
    """Purge everything that shows `page`, after the transaction; never raises (the change must go through)."""
    try:
        schedule(page_urls(page))
    except Exception:
        logger.exception("Could not work out the front cache's URLs of page %s", page.pk)


def _on_page_change(sender, instance, **kwargs):
    purge_page(instance)


def _on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_page(instance)


def _on_record_change(sender, instance, **kwargs):
    """A withdrawal (or its lifting) or a change note: the page's banner and every listing it is in."""
    from home.models.records import ChangeNote, Withdrawal

    if isinstance(instance, Withdrawal):
        page = Page.objects.filter(translation_key=instance.translation_key).first()
    elif isinstance(instance, ChangeNote) and instance.published_at is not None:
        page = Page.objects.filter(pk=instance.page_id).first()
    else:
        return
    if page is not None:
        purge_page(page)


def connect() -> None:
    """Connect the handlers (frontcache's AppConfig.ready)."""
    from home.models.records import ChangeNote, Withdrawal

    page_published.connect(_on_page_change, dispatch_uid="frontcache_published")
    page_unpublished.connect(_on_page_change, dispatch_uid="frontcache_unpublished")
    pre_page_move.connect(_on_page_change, dispatch_uid="frontcache_before_move")  # the old URLs and listings
    post_page_move.connect(_on_page_change, dispatch_uid="frontcache_after_move")  # the new ones
    pre_delete.connect(_on_page_delete, dispatch_uid="frontcache_delete")
    for model in (Withdrawal, ChangeNote):
        post_save.connect(_on_record_change, sender=model, dispatch_uid=f"frontcache_save_{model.__name__}")
        post_delete.connect(_on_record_change, sender=model, dispatch_uid=f"frontcache_delete_{model.__name__}")
