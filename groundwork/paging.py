"""Listings split into pages (?page=)."""

from django.core.paginator import Page, Paginator

PAGE_SIZE = 12


def paginate(request, items, per_page: int = PAGE_SIZE) -> Page:
    """The page of `items` (a queryset or a list) asked for by `?page=`, out-of-range or bad numbers clamped."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))
