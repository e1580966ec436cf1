"""Template tags for pages kept by the front cache (groundwork.frontcache)."""

from django import template
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def cacheable_csrf_token(context):
    """The CSRF field of a form on a cached page: empty, filled by static/js/csrf-token.js from the `csrf-token`
    endpoint when the visitor starts on the form, so the page itself carries no token and stays public.

    A page answering a POST (a form with errors) is private anyway: it gets the token itself. Without JavaScript the
    POST fails Django's check and groundwork.frontcache.csrf_failure offers to send it again, with what was typed.
    """
    request = context.get("request")
    if request is not None and request.method not in ("GET", "HEAD"):
        return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request))
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="" data-csrf-token="{}">', reverse("csrf-token")
    )


@register.simple_tag(takes_context=True)
def usage_beacon(context, procedure=False):
    """The script counting a reading of the context's page (reporting.usage), with `procedure=True` on a procedure's
    own page; nothing in a preview or without a page."""
    page, request = context.get("page"), context.get("request")
    if getattr(page, "pk", None) is None or request is None or getattr(request, "is_preview", False):
        return ""
    return format_html(
        '<script src="{}" data-url="{}" data-page="{}"{} defer></script>',
        static("js/usage-beacon.js"),
        reverse("usage-beacon"),
        page.pk,
        mark_safe(' data-procedure="1"') if procedure else "",  # noqa: S308 - a constant
    )
