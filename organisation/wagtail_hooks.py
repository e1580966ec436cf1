"""The organisation app's part in pages it does not own: the directory of officials on each site's contact page."""

from django.template.loader import render_to_string
from wagtail import hooks


@hooks.register("contact_page_sections")
def officials_directory(page, request) -> str:
    """The directory of the site's officials (Điều 8.2.k) for its "Liên hệ" page, or "" when the site has none.

    The contact page belongs to `home`, which must not import this app: it renders what the functions registered for
    its `contact_page_sections` hook return. The directory itself (search, unit filter, pages) is a GET form on the
    contact page's own URL, so every state of it is a link to share.
    """
    from .queries import directory

    listing = directory(page, request)
    if not listing.units:
        return ""
    return render_to_string("organisation/directory.html", {"directory": listing, "page": page}, request=request)


@hooks.register("register_site_search_items")
def register_officials_for_site_search(register):
    """The officials in the site search (Điều 8.2.k), each leading to their unit's page, whose state they follow."""
    from django.utils.translation import gettext_lazy

    from .models import Official
    from .search import officials_for_search, search_entries

    register(
        Official,
        kind="can-bo",
        label=gettext_lazy("Cán bộ, công chức"),
        items=officials_for_search,
        describe=search_entries,
        page_field="unit",
    )
