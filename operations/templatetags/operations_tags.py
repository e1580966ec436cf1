"""The planned-downtime notice every page shows, from its announcement until the window ends (Decree 224/2026)."""

from dataclasses import dataclass

from django import template

from vietnam.text import local_text

from ..maintenance import Window, scheduled_windows

register = template.Library()


@dataclass(frozen=True)
class Notice:
    """A window as the notice shows it: its dates (dd/mm/yyyy HH:MM) and the reason in the page's language."""

    window: Window

    @property
    def starts(self) -> str:
        return self.window.starts

    @property
    def ends(self) -> str:
        return self.window.ends

    @property
    def local_reason(self) -> str:
        return local_text(self.window.reason, self.window.reason_en)


@register.inclusion_tag("operations/maintenance_notice.html")
def maintenance_notice():
    """The notice of every announced window not over yet; nothing when there is none (no query once cached)."""
    return {"windows": [Notice(window) for window in scheduled_windows()]}
