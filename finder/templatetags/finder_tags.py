"""What crawlers, link previews and feed readers read of a page: its canonical URL, Open Graph and Twitter card
tags, schema.org JSON-LD (the site's GovernmentOrganization on its home page, NewsArticle, BreadcrumbList) and the
feeds it offers.

Decree 224/2026 asks every public page for its metadata: title, description, publishing agency, dates (created,
modified), language and identifier. Every page carries them twice, as Dublin Core `<meta name="DC.*">` and as
schema.org WebPage JSON-LD (`page_metadata` collects them once for both).
"""

import json

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.describe import page_date, page_image, page_summary
from home.feeds import section_feed_url
from home.models import HomePage, NewsPage, SectionPage, SiteContactSettings

register = template.Library()

OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}
# Escaped inside <script>: the JSON can then hold any text an editor typed.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
OG_IMAGE = "fill-1200x630"


@register.simple_tag(takes_context=True)
def canonical_url(context, page) -> str:
    """The page's one URL on its own site's host; a route below a page (an answer, page 2…) is its own path."""
    request = context["request"]
    own = page.get_url(request)
    if own and request.path != own and own.startswith("/"):
        return request.build_absolute_uri(request.path)
    return page.get_full_url(request)


@register.inclusion_tag("tags/page_meta.html", takes_context=True)
def page_meta(context, page):
    """Open Graph, Twitter card and JSON-LD tags of `page`."""
    request = context["request"]
    frame = context.get("frame")
    agency = frame.agency if frame else None
    site_name = agency.local_name if agency else (frame.root.title if frame and frame.root else "")
    url = canonical_url(context, page)
    image = page_image(page)
    image_url = ""
    if image is not None:
        image_url = request.build_absolute_uri(image.get_rendition(OG_IMAGE).url)
    language = get_language()
    data = []
    if isinstance(page, HomePage):
        data.append(organization(request, page, site_name))
    if isinstance(page, NewsPage):
        data.append(news_article(request, page, url, image_url, site_name))
    metadata = page_metadata(page, url, site_name, language)
    data.append(web_page(metadata))
    crumbs = breadcrumb_list(request, frame.ancestors(page) if frame else [], page)
    if crumbs:
        data.append(crumbs)
    return {
        "dublin_core": metadata,
        "title": page.seo_title or page.title,
        "description": page_summary(page),
        "url": url,
        "type": "article" if isinstance(page, NewsPage) else "website",
        "image_url": image_url,
        "image_alt": getattr(image, "title", ""),
        "site_name": site_name,
        "locale": OG_LOCALES.get(language, language),
        "alternate_locales": [code for lang, code in OG_LOCALES.items() if lang != language],
        "json_ld": [mark_safe(json.dumps(item, ensure_ascii=False).translate(SCRIPT_ESCAPES)) for item in data],  # noqa: S308
    }


def page_metadata(page, url: str, publisher: str, language: str) -> dict:
    """The page's metadata (Decree 224/2026), each item non-empty: title, description (the page's summary, else a
    sentence naming the page and its site), publisher (the site's agency), created and modified (ISO 8601, Vietnamese
    time), language and identifier (the canonical URL)."""
    title = page.seo_title or page.title
    created = page.first_published_at or page_date(page)
    modified = page.last_published_at or page.latest_revision_created_at or created
    return {
        "title": title,
        "description": page_summary(page) or _("%(title)s – %(site)s") % {"title": title, "site": publisher},
        "publisher": publisher,
        "created": timezone.localtime(created).isoformat(timespec="seconds"),
        "modified": timezone.localtime(max(modified, created)).isoformat(timespec="seconds"),
        "language": language,
        "identifier": url,
    }


def web_page(metadata: dict) -> dict:
    """schema.org WebPage of the page's metadata."""
    return {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": metadata["title"],
        "description": metadata["description"],
        "url": metadata["identifier"],
        "identifier": metadata["identifier"],
        "inLanguage": metadata["language"],
        "dateCreated": metadata["created"],
        "dateModified": metadata["modified"],
        "publisher": {"@type": "GovernmentOrganization", "name": metadata["publisher"]},
    }


def organization(request, home, name: str) -> dict:
    """schema.org GovernmentOrganization: the site's agency with the contact details of its settings."""
    contact = SiteContactSettings.for_request(request)
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": name,
        "url": home.get_full_url(request),
        "logo": request.build_absolute_uri(static("img/emblem.svg")),
    }
    if contact.local_address:
        data["address"] = {"@type": "PostalAddress", "streetAddress": contact.local_address, "addressCountry": "VN"}
    if contact.phone:
        data["telephone"] = contact.phone
    if contact.fax:
        data["faxNumber"] = contact.fax
    if contact.email:
        data["email"] = contact.email
    if contact.local_owner:
        data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": contact.local_owner}
    return data


def news_article(request, page, url: str, image_url: str, publisher: str) -> dict:
    """schema.org NewsArticle of a news page."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page_summary(page),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": get_language(),
        "datePublished": page_date(page).isoformat(),
        "dateModified": (page.last_published_at or page_date(page)).isoformat(),
        "publisher": {
            "@type": "GovernmentOrganization",
            "name": publisher,
            "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(static("img/emblem.svg"))},
        },
    }
    if page.author:
        data["author"] = {"@type": "Person", "name": page.author}
    else:
        data["author"] = {"@type": "GovernmentOrganization", "name": publisher}
    if image_url:
        data["image"] = [image_url]
    return data


def breadcrumb_list(request, ancestors, page) -> dict | None:
    """schema.org BreadcrumbList from the site's home page down to `page` (None on the home page)."""
    if not ancestors:
        return None
    trail = [*ancestors, page]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": crumb.title, "item": crumb.get_full_url(request)}
            for position, crumb in enumerate(trail, start=1)
        ],
    }


@register.inclusion_tag("tags/feed_links.html", takes_context=True)
def feed_links(context, page=None):
    """`<link rel="alternate">` to the site's feed, and to the section's on a section page."""
    request = context["request"]
    frame = context.get("frame")
    links = []
    if frame is not None and frame.root is not None:
        name = frame.agency.local_name if frame.agency else frame.root.title
        links.append({"title": _("Tin mới – %(site)s") % {"site": name}, "url": reverse("site-feed")})
    if isinstance(page, SectionPage):
        links.append({"title": page.title, "url": section_feed_url(page, request)})
    return {"links": links}
