"""Writing the search entries: of a page, of a subtree, of a registered item, or all of them again."""

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Q, Value
from django.db.models.functions import Concat, Substr
from modelsearch import index
from wagtail.models import Locale, Page

from home.describe import page_date, page_summary
from home.withdrawal import is_withdrawn
from vietnam.text import nfc, search_words

from .kinds import page_kind
from .models import PAGE_SOURCE, SearchEntry
from .sources import ItemEntry, sources

# Past this many characters a page's text is not indexed further (a tsvector holds at most 1 MB).
MAX_TEXT = 200_000


def searchable_text(obj) -> str:
    """The text of the object's own `search_fields`, rich text and StreamField flattened, related fields included."""
    parts: list[str] = []
    for search_field in getattr(obj, "search_fields", []):
        _collect(parts, obj, search_field)
    return " ".join(parts)[:MAX_TEXT]


def _collect(parts: list[str], obj, search_field) -> None:
    if isinstance(search_field, index.RelatedFields):
        value = search_field.get_value(obj)
        related = value.all() if hasattr(value, "all") else ([value] if value is not None else [])
        for item in related:
            for inner in search_field.fields:
                _collect(parts, item, inner)
    elif isinstance(search_field, index.SearchField | index.AutocompleteField):
        _flatten(parts, search_field.get_value(obj))


def _flatten(parts: list[str], value) -> None:
    if value is None:
        return
    if isinstance(value, list | tuple):
        for item in value:
            _flatten(parts, item)
    else:
        parts.append(str(value))


def folded(text: str) -> str:
    return " ".join(search_words(text))


def entry_values(*, kind, site_id, title, summary, url_path, date, text) -> dict:
    """The columns of one entry; the text folded (lower case, no diacritics), as the queries are."""
    title = nfc(title)[:255]
    title_key = folded(title)[:255]
    body = folded(text)
    values = {
        "kind": kind,
        "site_id": site_id,
        "title": title,
        "title_key": title_key,
        "summary": nfc(summary),
        "url_path": url_path,
        "date": date,
    }
    if connection.vendor == "postgresql":
        values["search_text"] = ""
        values["search_vector"] = SearchVector(Value(title_key), weight="A", config="simple") + SearchVector(
            Value(body), weight="B", config="simple"
        )
    else:
        values["search_text"] = f" {title_key} {body} "
        values["search_vector"] = None
    return values


# Pages ---------------------------------------------------------------------------------------------------------


def describe_page(page: Page) -> dict | None:
    """The entry's columns for a live, public page that a site serves and that is not withdrawn; None for any other
    page."""
    page = page.specific_deferred if type(page) is Page else page
    if not page.live or page.get_view_restrictions().exists() or is_withdrawn(page):
        return None
    parts = page.get_url_parts()
    if parts is None:
        return None
    site_id, _root_url, url_path = parts
    text = " ".join([page.title, page.search_description or "", searchable_text(page)])
    return entry_values(
        kind=page_kind(type(page))[0],
        site_id=site_id,
        title=page.title,
        summary=page_summary(page),
        url_path=url_path,
        date=page_date(page),
        text=text,
    )


def sync_page(page: Page) -> None:
    """Make the page's entry describe it as saved: written if it is live and public, removed if not. A new URL
    (slug, parent) is carried to the entries below it, whose pages Wagtail updates after this save."""
    values = describe_page(page)
    entries = SearchEntry.objects.filter(source=PAGE_SOURCE, object_id=page.pk)
    sync_rows_of(page)
    if values is None:
        entries.delete()
        return
    before = entries.filter(site_id=values["site_id"]).values_list("url_path", flat=True).first()
    SearchEntry.objects.update_or_create(
        source=PAGE_SOURCE, object_id=page.pk, locale_id=page.locale_id, defaults={"page_id": page.pk, **values}
    )
    if before and before != values["url_path"]:
        below = SearchEntry.objects.filter(
            source=PAGE_SOURCE, page__path__startswith=page.path, url_path__startswith=before
        ).exclude(page_id=page.pk)
        below.update(url_path=Concat(Value(values["url_path"]), Substr("url_path", len(before) + 1)))


def sync_subtree(page: Page) -> int:
    """sync_page() for the page and every page under it (a move, a slug change, a privacy change); returns how
    many entries were written."""
    subtree = Page.objects.filter(path__startswith=page.path)
    written = 0
    for descendant in subtree.live().public().specific().iterator(chunk_size=200):
        sync_page(descendant)
        written += 1
    stale = SearchEntry.objects.filter(source=PAGE_SOURCE, page__path__startswith=page.path)
    stale.exclude(page_id__in=subtree.live().public().values("pk")).delete()
    return written


def forget_subtree(page: Page) -> None:
    """Remove the entries of the page and every page under it."""
    SearchEntry.objects.filter(source=PAGE_SOURCE, page__path__startswith=page.path).delete()


# Registered items ----------------------------------------------------------------------------------------------


def sync_rows_of(page: Page) -> None:
    """Describe again the registered items shown on `page` (sources with a `page_field`): they follow its state."""
    for source in sources().values():
        if source.page_field:
            for item in source.model.objects.filter(**{f"{source.page_field}_id": page.pk}):
                _write_item(source.key, source.kind, item.pk, source.describe(item))


def sync_item(item) -> None:
    """Make a registered item's entries describe it as saved (none if it is not public)."""
    source = sources()[item._meta.label_lower]
    _write_item(source.key, source.kind, item.pk, source.describe(item))


def forget_item(item) -> None:
    SearchEntry.objects.filter(source=item._meta.label_lower, object_id=item.pk).delete()


def _write_item(key: str, kind: str, object_id: int, entries: Iterable[ItemEntry]) -> set[int]:
    locales = {locale.language_code: locale.pk for locale in Locale.objects.all()}
    kept = set()
    for entry in entries:
        locale_id = locales.get(entry.language)
        if locale_id is None:
            continue
        values = entry_values(
            kind=kind,
            site_id=entry.site.pk,
            title=entry.title,
            summary=entry.summary,
            url_path=entry.url_path,
            date=entry.date,
            text=" ".join([entry.title, entry.summary, entry.text]),
        )
        saved, _created = SearchEntry.objects.update_or_create(
            source=key, object_id=object_id, locale_id=locale_id, defaults=values
        )
        kept.add(saved.pk)
    SearchEntry.objects.filter(source=key, object_id=object_id).exclude(pk__in=kept).delete()
    return kept


# Everything ----------------------------------------------------------------------------------------------------


def rebuild(log=None) -> dict[str, int]:
    """Write the entry of every live public page and public registered item, and remove every other entry.

    Returns the number of entries written per source. Safe to run at any time (each entry is replaced in place).
    """
    counts = {}
    kept: set[int] = set()
    pages = Page.objects.live().public().filter(depth__gt=1).specific().iterator(chunk_size=200)
    for page in pages:
        sync_page(page)
        counts[PAGE_SOURCE] = counts.get(PAGE_SOURCE, 0) + 1
    kept_pages = Page.objects.live().public().values("pk")
    SearchEntry.objects.filter(source=PAGE_SOURCE).exclude(page_id__in=kept_pages).delete()
    if log:
        log(f"{PAGE_SOURCE}: {counts.get(PAGE_SOURCE, 0)}")
    for key, source in sources().items():
        kept = set()
        for item in source.items().iterator(chunk_size=500):
            kept |= _write_item(key, source.kind, item.pk, source.describe(item))
        SearchEntry.objects.filter(source=key).exclude(pk__in=kept).delete()
        counts[key] = len(kept)
        if log:
            log(f"{key}: {len(kept)}")
    SearchEntry.objects.exclude(Q(source=PAGE_SOURCE) | Q(source__in=list(sources()))).delete()
    from .search import index_changed  # (search imports this module's neighbours; this runs rarely)

    index_changed()
    return counts
