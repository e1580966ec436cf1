"""The admin of a named list (groundwork.models.NamedListItem): list, search, add, edit; and the read-only listing
of citizens' ratings (groundwork.ratings)."""

from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet


class NamedListViewSet(ModelViewSet):
    """A list's admin; subclasses set `model`, `icon`, `menu_label` and `form_fields`."""

    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]
    ordering = ["sort_order", "name"]
    copy_view_enabled = False


class RatingIndexView(IndexView):
    """Only the ratings the user may read: the "view" instances of the model's permission policy."""

    def get_base_queryset(self):
        ratings = self.permission_policy.instances_user_has_permission_for(self.request.user, "view")
        return ratings.select_related(*self.select_related)

    select_related = ("agency",)


def rating_label(rating) -> str:
    """ "4/5 – Hài lòng"."""
    return f"{rating.score}/5 – {rating.get_score_display()}"


class RatingViewSet(ModelViewSet):
    """A read-only listing of citizens' ratings with their comments, newest first: no add, edit or delete.

    Subclasses set `model`, `menu_label` and `extra_columns` (with `select_related` what they show), and register a
    permission policy whose "view" instances are what each user may read (their agencies')."""

    icon = "pick"
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    ordering = ["-rated_at", "-pk"]
    search_fields = ["code", "comment"]
    search_backend_name = None
    list_filter = ["score"]
    extra_columns: tuple = ()
    select_related: tuple = ("agency",)

    @property
    def index_view_class(self):
        return type("IndexView", (RatingIndexView,), {"select_related": self.select_related})

    @property
    def list_display(self):
        return [
            Column("code", label=_("Mã"), sort_key="code"),
            *self.extra_columns,
            Column("agency", label=_("Cơ quan"), accessor=lambda rating: rating.agency.local_name),
            Column("score", label=_("Mức độ hài lòng"), sort_key="score", accessor=rating_label),
            Column("comment", label=_("Góp ý")),
            Column(
                "rated_at",
                label=_("Ngày đánh giá"),
                sort_key="rated_at",
                accessor=lambda rating: timezone.localtime(rating.rated_at).strftime("%d/%m/%Y"),
            ),
        ]

    def get_urlpatterns(self):
        # Only the listing: ratings are the citizens' words, not edited or deleted in the admin.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]
