"""Amounts of money as the page's language writes them."""

from django import template
from django.utils.translation import get_language, gettext

register = template.Library()


@register.filter
def vnd(amount: int | None) -> str:
    """An amount in đồng, grouped by thousands as each language writes it: "125.000.000.000 đồng" in Vietnamese,
    "VND 125,000,000,000" in English; "" for None."""
    if amount is None:
        return ""
    if get_language() == "en":
        return f"VND {amount:,}"
    return gettext("%(amount)s đồng") % {"amount": f"{amount:,}".replace(",", ".")}
