"""Template filters for Vietnamese conventions."""

from django import template

from vietnam.text import person_name as _person_name

register = template.Library()


@register.filter
def person_name(user) -> str:
    """{{ user|person_name }}: the full name, family name first; "" for no user or no name."""
    return _person_name(user) if user else ""


@register.filter
def staff_name(user) -> str:
    """{{ user|staff_name }}: as person_name, or the username when they have no name (admin pages only)."""
    return _person_name(user, fallback_to_username=True) if user else ""
