"""One front door: the site search over everything a site publishes, its feeds, and what crawlers read.

The search reads `finder.models.SearchEntry`, one row per public item and language, kept in step by
`finder.signals` and rebuilt by `manage.py rebuild_site_search`.

Pages need nothing: every live public page of any type is indexed with its title, search description and the text
of its model's own `search_fields` (rich text and StreamField flattened). Its kind (the group it is shown under)
is the page model's `site_search_kind = ("slug", gettext_lazy("Label"))` if it has one, else `finder.kinds`'s.

Other items (published questions, the directory's officials…) are registered by the app that owns them, through a
Wagtail hook, so neither app imports the other. In that app's `wagtail_hooks.py`::

    @hooks.register("register_site_search_items")
    def register_questions(register):
        register(
            Question,
            kind="hoi-dap",                      # slug used in ?loai=, shared by every item of the group
            label=gettext_lazy("Hỏi đáp"),       # the group's name on the results page
            items=published_questions,           # () -> QuerySet of every public item (for rebuilds)
            describe=describe_question,          # (item) -> iterable of finder.sources.ItemEntry-like objects
        )

`describe(item)` returns one entry per language the item is shown in, or nothing when the item is not public
(a question not yet published, a row withdrawn): its entries are then removed. Each entry has the attributes of
`finder.sources.ItemEntry`: `site` (the Wagtail Site that shows it), `language` ("vi", "en"), `title`, `url_path`
(the path on that site, language prefix included), `date` (aware datetime), `summary` and `text` (plain text, NFC;
they are folded here). An app that cannot import `finder` returns any object with those attributes (a
`types.SimpleNamespace`).

Rows shown on a page (a unit's officials) also pass `page_field="page"`, the foreign key to that page: they are
described again whenever the page is (published, unpublished, moved, made private), so they follow its state.

The item is indexed again whenever it is saved (post_save) and removed when deleted (post_delete): the registered
model's signals are connected at start-up. Changes made by queryset `update()` send no signal: call
`finder.indexing.sync_item(item)` after them, or run `rebuild_site_search`.
"""
