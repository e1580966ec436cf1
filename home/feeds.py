"""Atom feeds: every section's (`<section>/feed/`, from what the section lists) and the writer the site's feed
(finder) shares. Feeds are R12's "theo dõi không cần tài khoản": a feed reader follows a site or a section."""

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .describe import page_date, page_summary

FEED_SIZE = 30
# A section listed in tree order is read this far to find its newest pages.
FEED_SCAN = 500
FEED_SLUG = "feed"
CONTENT_TYPE = "application/atom+xml; charset=utf-8"


@dataclass
class FeedItem:
    title: str
    url: str
    date: datetime.datetime
    summary: str = ""
    author: str = ""
    categories: list[str] = field(default_factory=list)
    # When it last changed, if not on `date`.
    updated: datetime.datetime | None = None


def atom_response(request, *, title: str, link: str, subtitle: str, items: list[FeedItem]) -> HttpResponse:
    """An Atom 1.0 feed of `items` in the language being served (its id and self link: this URL, query included)."""
    feed = Atom1Feed(
        title=title,
        link=link,
        description=subtitle,
        language=get_language(),
        feed_url=request.build_absolute_uri(),
        feed_guid=request.build_absolute_uri(),
    )
    for item in items:
        feed.add_item(
            title=item.title,
            link=item.url,
            unique_id=item.url,
            description=item.summary,
            pubdate=item.date,
            updateddate=item.updated or item.date,
            author_name=item.author or title,
            categories=item.categories,
        )
    response = HttpResponse(content_type=CONTENT_TYPE)
    feed.write(response, "utf-8")
    return response


def section_feed(request, section) -> HttpResponse:
    """The newest pages of what `section` lists (its `listing()`), whatever the section's type."""
    listing = section.listing()
    if isinstance(listing, QuerySet) and not listing.query.order_by:
        listing = listing.order_by("-first_published_at", "-pk")  # a plain section lists in tree order
    pages = sorted(listing[:FEED_SCAN], key=page_date, reverse=True)[:FEED_SIZE]
    site_title = section.get_parent().title
    items = [
        FeedItem(title=page.title, url=page.get_full_url(request), date=page_date(page), summary=page_summary(page))
        for page in pages
    ]
    return atom_response(
        request,
        title=f"{section.title} – {site_title}",
        link=section.get_full_url(request),
        subtitle=_("Tin mới của chuyên mục %(section)s, %(site)s") % {"section": section.title, "site": site_title},
        items=items,
    )


def section_feed_url(section, request=None) -> str:
    """Where a section's feed is."""
    return f"{section.get_url(request)}{FEED_SLUG}/"
