"""The applicants' ratings of their dossiers (Decree 224/2026), read-only, for each agency's BBT and one-stop desk
(DossierRatingPermissionPolicy): the score, the comment, the procedure."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from groundwork.viewsets import RatingViewSet
from services.models import DossierRating


class DossierRatingViewSet(RatingViewSet):
    model = DossierRating
    menu_label = _("Đánh giá hồ sơ trực tuyến")
    extra_columns = (
        Column(
            "procedure",
            label=_("Thủ tục"),
            accessor=lambda rating: rating.procedure.title if rating.procedure else "",
        ),
    )
    select_related = ("agency", "procedure")
