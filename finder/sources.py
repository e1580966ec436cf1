"""Items that are not pages, registered by the apps that own them (see the `finder` package's docstring)."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from django.db.models import Model, QuerySet
from wagtail import hooks
from wagtail.models import Site

HOOK = "register_site_search_items"


@dataclass(frozen=True)
class ItemEntry:
    """What the search shows of one public item in one language, and the text it is found by."""

    site: Site
    language: str
    title: str
    url_path: str
    date: datetime.datetime
    summary: str = ""
    text: str = ""


@dataclass(frozen=True)
class ItemSource:
    """A registered model: its kind, its public items, and how one item is described."""

    model: type[Model]
    kind: str
    label: str
    items: Callable[[], QuerySet]
    describe: Callable[[Model], Iterable[ItemEntry]]
    # The foreign key to the page an item is shown on (rows of a page, e.g. a unit's officials): the items are
    # described again whenever that page is (published, unpublished, moved, made private).
    page_field: str = ""

    @property
    def key(self) -> str:
        return self.model._meta.label_lower


@cache
def sources() -> dict[str, ItemSource]:
    """Every registered source by its model's label, from the `register_site_search_items` hooks."""
    found = {}

    def register(model, *, kind: str, label: str, items, describe, page_field: str = "") -> None:
        source = ItemSource(model=model, kind=kind, label=label, items=items, describe=describe, page_field=page_field)
        found[source.key] = source

    for hook in hooks.get_hooks(HOOK):
        hook(register)
    return found
