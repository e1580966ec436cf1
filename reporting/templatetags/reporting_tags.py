"""How the report writes a cell on screen: as in its PDF (1.234, 85,7, dd/mm/yyyy), and "—" for no value."""

from django import template

from reporting.exports import cell_text

register = template.Library()


@register.filter
def report_cell(value) -> str:
    text = cell_text(value)
    return text if text else "—"
