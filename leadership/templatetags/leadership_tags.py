"""Template filters of the work schedule."""

from datetime import date

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

# The names Vietnamese schedules give the days ("Thứ Hai, 30/11/2026"), Monday first.
WEEKDAYS = [_("Thứ Hai"), _("Thứ Ba"), _("Thứ Tư"), _("Thứ Năm"), _("Thứ Sáu"), _("Thứ Bảy"), _("Chủ nhật")]


@register.filter
def weekday_name(day: date) -> str:
    """The day's name in the active language: "Thứ Hai" / "Monday"."""
    return str(WEEKDAYS[day.weekday()])
