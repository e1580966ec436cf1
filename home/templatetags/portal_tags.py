"""Template tags of the public site frame: language switcher, hreflang alternates, breadcrumbs, the current section."""

from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.models import Page

from home import queries
from home.models import Agency

register = template.Library()


@register.inclusion_tag("tags/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to this page in each language, or to that language's home page when it is not translated."""
    frame = context.get("frame")
    return {"links": frame.language_links(page or None) if frame else [], "request": context.get("request")}


@register.inclusion_tag("tags/alternates.html", takes_context=True)
def language_alternates(context, page=None):
    """`<link rel="alternate" hreflang>` for each language this page really exists in."""
    frame = context.get("frame")
    request = context.get("request")
    links = [link for link in frame.language_links(page or None) if link["exact"]] if frame else []
    for link in links:
        link["absolute"] = request.build_absolute_uri(link["url"]) if request else link["url"]
    return {"links": links}


@register.simple_tag(takes_context=True)
def canonical_link(context, page=None) -> str:
    """`<link rel="canonical">` to this URL on its page's own site (R1: the portal shows agencies' articles, whose
    one address is on the agency's host). A listing's page number stays; filters and searches do not."""
    request = context.get("request")
    if request is None:
        return ""
    url = request.build_absolute_uri(request.path)
    if isinstance(page, Page) and not getattr(request, "is_preview", False):
        own = page.get_full_url(request)
        if own and urlsplit(own).path == request.path:
            url = own
    number = request.GET.get("page", "")
    if number.isdigit() and number not in ("0", "1"):
        url = f"{url}?page={number}"
    return format_html('<link rel="canonical" href="{}">', url)


@register.inclusion_tag("tags/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """The path from the site's home page down to `page` (cached with the frame)."""
    frame = context.get("frame")
    if frame is None:
        return {"ancestors": [], "page": page}
    return {"ancestors": frame.ancestors(page), "page": page, "root": frame.root, "request": context.get("request")}


@register.simple_tag
def site_overline(agency: Agency | None) -> str:
    """The line above the site's name in the header: who the site belongs to."""
    if agency is None or agency.is_portal:
        return _("Cổng thông tin điện tử")
    if agency.kind == Agency.Kind.AGENCY:
        return _("Ủy ban nhân dân tỉnh Quảng Ngãi")
    return _("Tỉnh Quảng Ngãi")


@register.simple_tag(takes_context=True)
def url_with(context, param: str, value="") -> str:
    """This page's query string with `param` set to `value` (or removed when empty), back on page 1.

    Every state of a listing or search (query, filters, sort, page) stays a shareable GET URL.
    """
    params = context["request"].GET.copy()
    params.pop("page", None)
    if value:
        params[param] = str(value)
    else:
        params.pop(param, None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def is_within(page, section) -> bool:
    """Whether `page` is below `section` in the tree: its path starts with the section's (a substring test would
    also match a path that holds another's in its middle)."""
    return bool(page) and page.depth > section.depth and page.path.startswith(section.path)


@register.inclusion_tag("components/record_notices.html", takes_context=True)
def record_notices(context, page):
    """What the public must know of an official record above its content (R13): the "Đã thu hồi" banner of a
    withdrawn page, and the page's published change notes ("Cập nhật ngày …"). Cached with the frame."""
    if page is None or not getattr(page, "pk", None):
        return {}
    frame = context.get("frame")
    return frame.record_notices(page) if frame is not None else queries.record_notices(page)
