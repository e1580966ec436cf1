"""Numbers of the statistics pages, written the way the language being served writes them.

Django's Vietnamese formats give the separators (1.234,5) but no grouping, so `floatformat` would print 1234.
"""

from django import template
from django.utils import numberformat
from django.utils.formats import get_format

register = template.Library()


def _format(value, decimals: int = 0) -> str:
    return numberformat.format(
        value,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=decimals,
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


@register.filter
def grouped(value) -> str:
    """A whole number with its thousands grouped: 12.345 in Vietnamese, 12,345 in English."""
    return _format(value)


@register.filter
def percent(value) -> str:
    """A share in percent, to one decimal where it has one: "33,3%", "50%" in Vietnamese."""
    rounded = round(value, 1)
    return _format(rounded, 0 if rounded == int(rounded) else 1) + "%"


@register.filter
def decimal(value) -> str:
    """A number to one decimal: "3,7" in Vietnamese, "3.7" in English (an average rating)."""
    return _format(round(value, 1), 1)
