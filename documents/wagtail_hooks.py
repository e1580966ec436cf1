"""Admin for the lists documents are classified by (types, authorities, fields)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Authority, DocumentType, LegalField


class ListViewSet(ModelViewSet):
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]
    ordering = ["sort_order", "name"]
    copy_view_enabled = False


class DocumentTypeViewSet(ListViewSet):
    model = DocumentType
    icon = "doc-full"
    menu_label = _("Hình thức văn bản")
    form_fields = ["name", "name_en", "abbreviation", "slug", "sort_order"]


class AuthorityViewSet(ListViewSet):
    model = Authority
    icon = "group"
    menu_label = _("Cơ quan ban hành")
    form_fields = ["name", "name_en", "agency", "slug", "sort_order"]
    list_display = ["name", "agency", "slug", "sort_order"]


class LegalFieldViewSet(ListViewSet):
    model = LegalField
    icon = "tag"
    menu_label = _("Lĩnh vực")
    form_fields = ["name", "name_en", "slug", "sort_order"]


class LegalListsGroup(ViewSetGroup):
    menu_label = _("Danh mục văn bản")
    menu_icon = "list-ul"
    items = (DocumentTypeViewSet("document-types"), AuthorityViewSet("authorities"), LegalFieldViewSet("legal-fields"))


@hooks.register("register_admin_viewset")
def register_legal_lists():
    return LegalListsGroup()
