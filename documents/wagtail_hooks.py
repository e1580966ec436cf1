"""Admin for the lists documents are classified by, and the report of documents posted late."""

from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permission_policies.pages import PagePermissionPolicy

from groundwork.viewsets import NamedListViewSet

from .models import Authority, DocumentType, LegalDocumentPage, LegalField
from .timeliness import timeliness

page_permission_policy = PagePermissionPolicy()


class DocumentTypeViewSet(NamedListViewSet):
    model = DocumentType
    icon = "doc-full"
    menu_label = _("Hình thức văn bản")
    form_fields = ["name", "name_en", "abbreviation", "is_legal", "slug", "sort_order"]
    list_display = ["name", "abbreviation", "is_legal", "name_en", "sort_order"]
    list_filter = ["is_legal"]


class AuthorityViewSet(NamedListViewSet):
    model = Authority
    icon = "group"
    menu_label = _("Cơ quan ban hành")
    form_fields = ["name", "name_en", "agency", "slug", "sort_order"]
    list_display = ["name", "agency", "slug", "sort_order"]


class LegalFieldViewSet(NamedListViewSet):
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


def late_documents(request):
    """The documents of the user's sites that went live late or are overdue now (Điều 9.1.c), newest first."""
    explorable = page_permission_policy.explorable_instances(request.user)
    documents = LegalDocumentPage.objects.filter(pk__in=explorable.values("pk")).order_by("-issued_on")
    rows = [row for row in timeliness(documents) if row.late or row.overdue]
    return TemplateResponse(
        request, "documents/admin/late_documents.html", {"rows": rows, "title": _("Văn bản đăng chậm")}
    )


@hooks.register("register_admin_urls")
def register_late_documents_url():
    return [path("reports/late-documents/", late_documents, name="late_documents")]


@hooks.register("register_reports_menu_item")
def register_late_documents_menu_item():
    return MenuItem(_("Văn bản đăng chậm"), reverse("late_documents"), icon_name="time", order=700)
