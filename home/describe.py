"""What any page is, read generically from its fields: its date, a one-paragraph summary, its image.

Feeds, the site search and the tags crawlers read (Open Graph, JSON-LD) describe pages of every type, including
types added later, without code of their own: they read these. A page type may say it better with methods of the
same names without the `page_` prefix (`listing_date()`, `listing_summary()`, `listing_image()`).
"""

import datetime
import re
from html import unescape

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.fields import RichTextField
from wagtail.models import Page

SUMMARY_WORDS = 60
# The fields a page's date may be in, most telling first; else the date it was first published.
DATE_FIELDS = ("date", "issued_on", "published_on", "opens_on", "start_date")
SUMMARY_FIELDS = ("lead", "summary", "intro", "description")
IMAGE_FIELDS = ("image", "photo", "cover_image")


def page_date(page: Page) -> datetime.datetime:
    """The date the page is "of" (an article's date, a document's date of issue…), as an aware datetime."""
    if hasattr(page, "listing_date"):
        return _aware(page.listing_date())
    for name in DATE_FIELDS:
        field = _field(page, name)
        if isinstance(field, models.DateField) and getattr(page, name, None):
            return _aware(getattr(page, name))
    return page.first_published_at or page.latest_revision_created_at or timezone.now()


def page_summary(page: Page) -> str:
    """A plain-text paragraph that says what the page is: its search description, else its lead, summary or
    introduction (rich text flattened), shortened to SUMMARY_WORDS words; "" if it has none."""
    if hasattr(page, "listing_summary"):
        return page.listing_summary()
    text = page.search_description
    for name in SUMMARY_FIELDS:
        if text:
            break
        field = _field(page, name)
        if isinstance(field, models.TextField | models.CharField | RichTextField):
            text = plain_text(str(getattr(page, name, "") or ""))
    return Truncator(" ".join(text.split())).words(SUMMARY_WORDS)


def page_image(page: Page):
    """The page's own image (a Wagtail image), or None."""
    if hasattr(page, "listing_image"):
        return page.listing_image()
    for name in IMAGE_FIELDS:
        field = _field(page, name)
        if isinstance(field, models.ForeignKey) and getattr(page, f"{name}_id", None):
            return getattr(page, name)
    return None


def plain_text(html: str) -> str:
    """Text of an HTML fragment: tags dropped, entities decoded, blocks separated by spaces."""
    return " ".join(unescape(strip_tags(re.sub(r"<(/p|br|/li|/h\d)[^>]*>", " ", html))).split())


def _field(page: Page, name: str):
    try:
        return page._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _aware(value) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time()))
