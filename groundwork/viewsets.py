"""The admin of a named list (groundwork.models.NamedListItem): list, search, add, edit."""

from wagtail.admin.viewsets.model import ModelViewSet


class NamedListViewSet(ModelViewSet):
    """A list's admin; subclasses set `model`, `icon`, `menu_label` and `form_fields`."""

    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]
    ordering = ["sort_order", "name"]
    copy_view_enabled = False
