"""Vietnamese conventions in the Wagtail admin."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def vietnamese_slugs():
    return format_html('<script src="{}"></script>', static("vietnam/slug.js"))
