"""Admin for the list procedures are classified by."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from documents.wagtail_hooks import ListViewSet

from .admin.views import dossiers, plans  # noqa: F401
from .models import Sector


class SectorViewSet(ListViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Lĩnh vực thủ tục hành chính")
    add_to_settings_menu = True
    form_fields = ["name", "name_en", "slug", "sort_order"]


@hooks.register("register_admin_viewset")
def register_sector_viewset():
    return SectorViewSet("procedure-sectors", url_prefix="linh-vuc-thu-tuc")
