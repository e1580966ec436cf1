"""Admin URLs that stand in for Wagtail's own of the same paths, scoped to the user's site (home.admin_scope).

Wagtail's core admin URLs come before any `register_admin_urls` hook's, so these are listed ahead of the whole
admin in portal/urls.py; they keep Wagtail's admin-access check.
"""

from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .admin_views import ScopedBrowseView, ScopedChosenMultipleView

urlpatterns = decorate_urlpatterns(
    [
        path("choose-page/<int:parent_page_id>/", ScopedBrowseView.as_view()),
        path("choose-page/chosen-multiple/", ScopedChosenMultipleView.as_view()),
    ],
    require_admin_access,
)
