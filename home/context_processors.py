"""Template context for every public page."""

from django.utils.functional import SimpleLazyObject


def portal(request):
    """`frame`: the current site's header, menu and language links, computed only when a template uses them."""
    from .queries import site_frame

    return {"frame": SimpleLazyObject(lambda: site_frame(request))}
