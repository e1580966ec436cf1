"""Query functions of the home app: what pages, listings and the site frame show. Templates do not query."""

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min, Prefetch, Q
from django.urls import translate_url
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from .models import AdvertisementSlot, Agency, NewsCategory, NewsPage
from .models.records import not_withdrawn

# The picture of an article in a list (templates/components/news_item.html): the same filter in both places.
NEWS_ITEM_RENDITION = "fill-320x213"


def news_under(root: Page):
    """Live news articles below `root`, newest first, with their category and images' renditions."""
    return (
        not_withdrawn(NewsPage.objects.live())
        .descendant_of(root)
        .order_by("-date", "-pk")
        .select_related("image", "category")
        .prefetch_related(Prefetch("image__renditions"))
    )


def latest_news(root: Page, limit: int = 6) -> list[NewsPage]:
    """The `limit` articles a site's home page shows (in `root`'s language): featured ones first, newest first."""
    return list(news_under(root).order_by("-featured", "-date", "-pk")[:limit])


def news_categories() -> list[NewsCategory]:
    """The news categories, in their list's order."""
    return list(NewsCategory.objects.all())


def portal_news(locale: Locale, exclude_root: Page, limit: int = 6) -> list[tuple[NewsPage, Agency | None]]:
    """The newest articles of every other site in `locale`, each with the agency that published it (R1)."""
    articles = list(
        not_withdrawn(NewsPage.objects.live())
        .filter(locale=locale)
        .not_descendant_of(exclude_root, inclusive=True)
        .order_by("-date", "-pk")
        .select_related("image", "category")
        .prefetch_related(Prefetch("image__renditions"))[:limit]
    )
    owners = agencies_by_root_path()
    return [(article, owner_of(article, owners)) for article in articles]


def agencies_by_root_path() -> dict[str, Agency]:
    """Every site root's url_path, in every language, mapped to its agency (two queries)."""
    agencies = {
        agency.site.root_page.translation_key: agency for agency in Agency.objects.select_related("site__root_page")
    }
    roots = Page.objects.filter(translation_key__in=agencies).only("url_path", "translation_key")
    return {root.url_path: agencies[root.translation_key] for root in roots}


def owner_of(page: Page, owners: dict[str, Agency]) -> Agency | None:
    """The agency whose site contains `page`, from `agencies_by_root_path()`."""
    for root_path, agency in owners.items():
        if page.url_path.startswith(root_path):
            return agency
    return None


def advertisements_now(site: Site, language: str) -> tuple[dict[str, list[dict]], datetime | None]:
    """The advertisements of `site` showing now in `language`, by position, and when that next changes (the next
    start or end of one of its slots; None if none is to come). Images are rendered here, so the result is plain
    data the frame may keep."""
    now = timezone.now()
    slots = AdvertisementSlot.objects.filter(setting__site=site).filter(Q(language="") | Q(language=language))
    showing = list(
        slots.filter(starts_at__lte=now, ends_at__gt=now)
        .select_related("image")
        .prefetch_related(Prefetch("image__renditions"))
        .order_by("sort_order", "pk")
    )
    upcoming = slots.filter(Q(starts_at__gt=now) | Q(ends_at__gt=now)).aggregate(
        next_start=Min("starts_at", filter=Q(starts_at__gt=now)), next_end=Min("ends_at", filter=Q(ends_at__gt=now))
    )
    boundaries = [moment for moment in upcoming.values() if moment is not None]
    ads = {}
    for slot in showing:
        rendition = slot.image.get_rendition("max-640x640")
        ads.setdefault(slot.position, []).append(
            {
                "title": slot.title,
                "link": slot.link,
                "alt": slot.image_alt,
                "src": rendition.url,
                "width": rendition.width,
                "height": rendition.height,
            }
        )
    return ads, min(boundaries) if boundaries else None


# What the frame shows of a site is kept in the cache under a version per site and language, which a change of what
# that frame shows renews (home.signals): a page's frame costs no query while nothing changes, and a publish on one
# site leaves every other site's frame cached. The version is the pair (epoch, site's own): renewing the epoch renews
# every site at once (a restore, a new site). The timeout bounds how long a change can go unseen where that renewal
# does not reach: another process's in-process cache, or a queryset update.
FRAME_VERSION_KEY = "home:frame-version"
FRAME_TTL = 60 * 60


def _site_version_key(site_id: int | None, language: str) -> str:
    return f"{FRAME_VERSION_KEY}:{site_id if site_id is not None else '-'}:{language}"


def frame_changed(sites: Iterable[int] | None = None, languages: Iterable[str] | None = None) -> None:
    """What the frame of `sites` (site ids; None: every site) shows in `languages` (None: every language) changed:
    their cached frames are stale.

    Renewed now, and again at the commit: a request that read the old rows meanwhile cannot keep them.
    """
    if sites is None:
        keys = [FRAME_VERSION_KEY]
    else:
        codes = list(languages) if languages is not None else [code for code, _name in settings.LANGUAGES]
        keys = [_site_version_key(site_id, code) for site_id in set(sites) for code in codes]
    if not keys:
        return
    _renew_frame_versions(keys)
    transaction.on_commit(lambda: _renew_frame_versions(keys))


def _renew_frame_versions(keys: list[str]) -> None:
    now = time.time_ns()
    cache.set_many(dict.fromkeys(keys, now), None)


def frame_version(site_id: int | None, language: str) -> str:
    """The frame's current version for a site (its id) in a language (one cache round trip): what is kept under it
    is right until it changes."""
    keys = [FRAME_VERSION_KEY, _site_version_key(site_id, language)]
    found = cache.get_many(keys)
    if len(found) < len(keys):
        for key in keys:
            if key not in found:
                cache.add(key, time.time_ns(), None)  # add, not set: two first requests agree on one version
        found = cache.get_many(keys)
    return ".".join(str(found.get(key, 0)) for key in keys)


def sites_of(url_paths: Iterable[str]) -> set[int]:
    """The ids of the sites whose tree (in any language) holds pages at these `url_paths` (from Wagtail's cached
    site root paths: no query while they are cached)."""
    roots = Site.get_site_root_paths()
    found = set()
    for url_path in url_paths:
        matching = [root for root in roots if url_path.startswith(root.root_path)]
        if matching:
            longest = max(len(root.root_path) for root in matching)
            found.update(root.site_id for root in matching if len(root.root_path) == longest)
    return found


def portal_sites() -> set[int]:
    """The ids of the portal's sites, whose home aggregates every site's news (one query)."""
    return set(Agency.objects.filter(kind=Agency.Kind.PORTAL).values_list("site_id", flat=True))


def home_news(home: Page, request) -> dict:
    """What a site's home page shows of the news: its own latest articles, and on the portal the newest of every
    other site with their agencies and addresses on their own hosts (R1)."""
    news = {"latest_news": latest_news(home, limit=6), "network_news": []}
    if home.is_portal:
        news["network_news"] = [
            (article, agency, article.get_full_url(request))
            for article, agency in portal_news(home.locale, exclude_root=home, limit=6)
        ]
    articles = news["latest_news"] + [article for article, _agency, _url in news["network_news"]]
    for article in articles:
        if article.image is not None:
            # Made now, so that the articles kept in the cache carry it among their prefetched renditions: Wagtail
            # trusts a prefetch, and with it missing would write the image's file again on every view.
            article.image.get_rendition(NEWS_ITEM_RENDITION)
    return news


def site_frame(request) -> "SiteFrame":
    """The request's `SiteFrame`, made once per request: the pages' contexts and the templates' share it."""
    frame = getattr(request, "_site_frame", None)
    if frame is None:
        frame = request._site_frame = SiteFrame(request)
    return frame


def record_notices(page: Page, version: str | None = None) -> dict:
    """A page's withdrawal (or None) and its public change notes (R13), kept in the cache under the version of the
    frame of its site in its language (`version` when the caller has read it; a withdrawal, a change note or a
    page change renews it): no query per page view while nothing changes."""
    from .change_notes import public_notes
    from .withdrawal import withdrawal_of

    if version is None:
        version = frame_version(_site_of_page(page), page.locale.language_code)
    key = f"home:records:{version}:{page.pk}"
    return cache.get_or_set(key, lambda: {"withdrawal": withdrawal_of(page), "notes": public_notes(page)}, FRAME_TTL)


def _site_of_page(page: Page) -> int | None:
    """The id of the site holding `page` (its site's frame version keys the page's notices)."""
    return min(sites_of([page.url_path]), default=None)


@dataclass
class SiteFrame:
    """What every public page's frame needs (header, menu, footer, language links, breadcrumbs).

    Computed once per request, and kept in the cache per site and language until a page, site or agency changes.
    """

    request: object
    _links: dict = field(default_factory=dict, repr=False)

    @cached_property
    def site(self) -> Site | None:
        return Site.find_for_request(self.request)

    def _cached(self, name: str, compute):
        """`compute()`, kept in the cache for this site in the language being served (not for previews)."""
        if getattr(self.request, "is_preview", False):
            return compute()
        key = f"home:frame:{self._version}:{self.site.pk if self.site else '-'}:{get_language()}:{name}"
        return cache.get_or_set(key, compute, FRAME_TTL)

    @cached_property
    def _version(self) -> str:
        """The frame's version, read once per request (one cache round trip, not one per part)."""
        return frame_version(self.site.pk if self.site else None, get_language())

    def record_notices(self, page: Page) -> dict:
        """`record_notices(page)`, under this frame's version when the page is on this site in this language (the
        page being served: no second read of the version)."""
        root = self.root
        if root is not None and page.locale_id == root.locale_id and page.url_path.startswith(root.url_path):
            return record_notices(page, self._version)
        return record_notices(page)

    def is_root(self, page: Page) -> bool:
        """Whether `page` is this site's home page in the language being served."""
        return self.root is not None and page.pk == self.root.pk

    def home_news(self, home: Page) -> dict:
        """`home_news(home)` for this site's home page, kept with the frame (a news article published, moved or
        withdrawn on this site, or on any site for the portal, renews it: home.signals)."""
        return self._cached(f"home-news:{home.pk}", lambda: home_news(home, self.request))

    @cached_property
    def _site_parts(self) -> dict:
        return self._cached("site", self._compute_site_parts) if self.site is not None else {}

    def _compute_site_parts(self) -> dict:
        root = self.site.root_page
        localized = (
            root.get_translation_or_none(Locale.get_active()) if root.locale.language_code != get_language() else root
        )
        root = (localized or root).specific
        # Specific pages: sections give a short menu label (menu_title).
        menu = list(not_withdrawn(root.get_children().live().in_menu()).specific())
        # Top-level pages kept out of the menu (e.g. following by e-mail): linked from the footer.
        footer_links = list(not_withdrawn(root.get_children().live().not_in_menu().public()))
        for page in menu + footer_links:
            page.locale = root.locale  # a child is in its parent's language: its routes and links need no query
        return {
            "root": root,
            "agency": Agency.objects.filter(site=self.site).first(),
            "menu": menu,
            "footer_links": footer_links,
            "homes": {
                page.locale.language_code: page
                for page in self.site.root_page.get_translations(inclusive=True).live().select_related("locale")
            },
        }

    @cached_property
    def advertisements(self) -> dict[str, list[dict]]:
        """The site's advertisements showing now in the language being served, by position (Điều 14).

        Kept with the frame, but never past the next moment one starts or ends: the cache entry lives until then.
        """
        if self.site is None:
            return {}
        if getattr(self.request, "is_preview", False):
            return advertisements_now(self.site, get_language())[0]
        key = f"home:frame:{self._version}:{self.site.pk}:{get_language()}:ads"
        cached = cache.get(key)
        if cached is None or (cached["until"] is not None and cached["until"] <= timezone.now()):
            ads, until = advertisements_now(self.site, get_language())
            cached = {"ads": ads, "until": until}
            seconds = FRAME_TTL if until is None else int((until - timezone.now()).total_seconds())
            if seconds >= 1:
                cache.set(key, cached, min(FRAME_TTL, seconds))
        return cached["ads"]

    @property
    def agency(self) -> Agency | None:
        return self._site_parts.get("agency")

    @property
    def root(self) -> Page | None:
        """The site's home page in the language being served (the Vietnamese one if untranslated)."""
        return self._site_parts.get("root")

    @property
    def menu(self) -> list[Page]:
        return self._site_parts.get("menu", [])

    @property
    def footer_links(self) -> list[Page]:
        """The site's top-level pages that are not in its menu, for the footer."""
        return self._site_parts.get("footer_links", [])

    def ancestors(self, page: Page) -> list[Page]:
        """`page`'s ancestors from the site's home page down, for breadcrumbs (empty on the home page)."""
        root = self.root
        if root is None or page.pk == root.pk:
            return []
        return self._cached(
            f"ancestors:{page.pk}",
            lambda: list(page.get_ancestors().filter(depth__gte=root.depth, path__startswith=root.path)),
        )

    def language_links(self, page: Page | None = None) -> list[dict]:
        """One link per language: this page's translation, else that language's home page (R2).

        `exact` says whether the link leads to the same content, for `hreflang` alternates.
        """
        key = page.pk if page is not None else None
        if key not in self._links:
            if key is None:
                self._links[key] = self._language_links(page)
            else:
                self._links[key] = self._cached(f"links:{key}", lambda: self._language_links(page))
        return self._links[key]

    def _language_links(self, page: Page | None) -> list[dict]:
        if page is None:
            return [
                self._link(code, name, translate_url(self.request.path, code), True)
                for code, name in settings.LANGUAGES
            ]
        targets = {
            p.locale.language_code: p for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        homes = self._site_parts.get("homes", {})
        links = []
        for code, name in settings.LANGUAGES:
            target = targets.get(code) or homes.get(code)
            url = target.get_url(self.request) if target else translate_url("/", code)
            links.append(self._link(code, name, url, code in targets))
        return links

    @staticmethod
    def _link(code: str, name: str, url: str, exact: bool) -> dict:
        return {"code": code, "name": name, "url": url, "exact": exact, "current": code == get_language()}
