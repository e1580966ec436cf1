"""The directory's officials in the site search (the `finder` package's registration API; this app does not import
finder: an entry is any object with the attributes of finder.sources.ItemEntry)."""

from types import SimpleNamespace

from django.utils import timezone
from wagtail.models import Page

from .models import Official


def search_entries(official: Official) -> list[SimpleNamespace]:
    """One entry in the official's language when their unit's page is live and public; none otherwise."""
    unit = official.unit
    if not unit.live or not Page.objects.public().filter(pk=unit.pk).exists():
        return []
    parts = unit.get_url_parts()
    if parts is None:
        return []
    site_id, _root_url, path = parts
    contact = ", ".join(part for part in (official.phone, official.email) if part)
    return [
        SimpleNamespace(
            site=unit.get_site(),
            language=official.locale.language_code,
            title=f"{official.name} – {official.title}",
            url_path=f"{path}#unit-officials",
            date=unit.last_published_at or unit.first_published_at or timezone.now(),  # (being published)
            summary=f"{unit.title}{f' · {contact}' if contact else ''}",
            text=f"{official.name} {official.title} {unit.title}",
        )
    ]


def officials_for_search():
    """Every official whose unit is live (search_entries() checks the rest), for rebuilding the site search."""
    return Official.objects.filter(unit__live=True).select_related("unit", "locale")
