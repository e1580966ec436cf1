"""The admin of consultation comments: each site's editorial board (BBT) moderates and exports its own.

Who may do what is `CommentPermissionPolicy`: the members of a site's moderators group (Agency.moderators) and
superusers read, approve and reject the comments of that site's consultations, in every language; nobody adds or
deletes a comment here (a rejected one stays on record). Every view of the viewset and the bulk actions read
comments only through `moderated_comments(user)`, so another site's comment is a 404 by any URL.
"""

import datetime
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_list_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.viewsets.model import ModelViewSet

from feedback.admin.filters import CommentFilterSet
from feedback.consultations import moderate, moderated_comments
from feedback.models import ConsultationComment
from groundwork.spreadsheets import spreadsheet_text

Status = ConsultationComment.Status


def _local(value: datetime.datetime) -> datetime.datetime:
    """A stored (UTC) time as the province's wall-clock time, without zone (spreadsheets have none)."""
    return timezone.localtime(value).replace(tzinfo=None)


class CommentIndexView(generic.IndexView):
    """The moderation inbox: the user's comments, filters, bulk approve/reject, CSV and XLSX export."""

    custom_value_preprocess = {
        datetime.datetime: {
            generic.IndexView.FORMAT_XLSX: _local,
            generic.IndexView.FORMAT_CSV: lambda value: _local(value).strftime("%d/%m/%Y %H:%M"),
        },
        (datetime.date, datetime.time): {generic.IndexView.FORMAT_XLSX: None},
        str: {generic.IndexView.FORMAT_CSV: spreadsheet_text},  # XLSX cells are typed as text by Wagtail already
    }
    custom_field_preprocess = {
        "status": {
            generic.IndexView.FORMAT_CSV: lambda value: str(Status(value).label),
            generic.IndexView.FORMAT_XLSX: lambda value: str(Status(value).label),
        }
    }

    def get_base_queryset(self):
        return moderated_comments(self.request.user).select_related("page", "moderated_by")

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="comment"), *super().columns]

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        return super()._get_title_column(
            field_name, column_class, get_title_id=lambda comment: f"comment_{comment.pk}_title", **kwargs
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for action, label, icon in (
            (Status.APPROVED, _("Duyệt"), "check"),
            (Status.REJECTED, _("Không duyệt"), "cross"),
        ):
            if instance.status != action:
                url = moderation_url(action, [instance.pk], self.listing_url)
                buttons.append(MenuItem(label, url, icon_name=icon, priority=5))
        return buttons

    @cached_property
    def listing_url(self) -> str:
        """This listing with its filters, to come back to (not the results fragment the filters fetch)."""
        params = self.request.GET.copy()
        for name in ("_w_filter_fragment", "export"):
            params.pop(name, None)
        return f"{self.index_url}?{params.urlencode()}" if params else self.index_url

    def get_filename(self):
        consultation = self.filters.form.cleaned_data.get("consultation") if self.is_filtering else None
        name = f"y-kien-{consultation.slug}" if consultation else "y-kien-gop-y"
        return f"{name}-{timezone.localdate():%Y%m%d}"

    def stream_csv(self, queryset):
        yield "\ufeff".encode()  # Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response


class CommentEditView(generic.EditView):
    """Read one comment in full and set its status; who and when are recorded."""

    def get_queryset(self):
        return moderated_comments(self.request.user)

    def save_instance(self):
        if "status" in self.form.changed_data:
            self.form.instance.moderated_at = timezone.now()
            self.form.instance.moderated_by = self.request.user
        return super().save_instance()


class CommentDeleteView(generic.DeleteView):
    def get_queryset(self):
        return moderated_comments(self.request.user)


class ScopedObjectMixin:
    """For the history and usage views: only the user's comments exist."""

    def get_base_object_queryset(self):
        return moderated_comments(self.request.user)


class CommentHistoryView(ScopedObjectMixin, generic.HistoryView):
    pass


class CommentUsageView(ScopedObjectMixin, generic.UsageView):
    pass


class CommentViewSet(ModelViewSet):
    """Comments on drafts put out for consultation, for the sites' editorial boards."""

    model = ConsultationComment
    icon = "comment"
    menu_label = _("Góp ý dự thảo")
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    delete_view_class = CommentDeleteView
    history_view_class = CommentHistoryView
    usage_view_class = CommentUsageView
    index_template_name = "feedback/consultation/admin/index.html"
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = CommentFilterSet
    search_fields = ["name", "organisation", "email", "article", "body"]
    ordering = ["-created_at", "-pk"]
    list_display = [
        "name",
        Column("page", label=_("Dự thảo lấy ý kiến")),
        "article",
        Column("status", label=_("Trạng thái"), accessor="get_status_display", sort_key="status"),
        "created_at",
    ]
    list_export = [
        "page",
        "name",
        "organisation",
        "email",
        "article",
        "body",
        "status",
        "created_at",
        "moderated_at",
        "moderated_by",
    ]
    export_headings = {"page": _("Dự thảo lấy ý kiến")}
    panels = [
        FieldPanel("page", read_only=True, heading=_("Dự thảo lấy ý kiến")),
        FieldPanel("name", read_only=True),
        FieldPanel("organisation", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("article", read_only=True),
        FieldPanel("body", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("status"),
    ]

    def get_permissions_to_register(self):
        # The policy does not read Django's model permissions: offering them in the group editor would mislead.
        return super().get_permissions_to_register().none()


def moderation_url(status: str, ids, next_url: str) -> str:
    """The confirmation page of approving or rejecting the comments `ids`, returning to `next_url`."""
    action = "approve" if status == Status.APPROVED else "reject"
    url = reverse("wagtail_bulk_action", args=("feedback", "consultationcomment", action))
    return f"{url}?{urlencode([*(('id', pk) for pk in ids), ('next', next_url)])}"


class ModerationBulkAction(BulkAction):
    """Approve or reject the chosen comments, after a confirmation that lists them."""

    models = [ConsultationComment]
    template_name = "feedback/consultation/admin/confirm_moderation.html"
    status = None

    def get_queryset(self, model, object_ids):
        # The user's own comments only: an id from another site is not found. "Select all" is not offered (it would
        # ignore the listing's filters), so "all" finds nothing either.
        ids = [pk for pk in object_ids if str(pk).isdigit()]
        return get_list_or_404(moderated_comments(self.request.user).select_related("page"), pk__in=ids)

    def get_all_objects_in_listing_query(self, parent_id):
        raise Http404

    def object_context(self, comment):
        return {"item": comment, "edit_url": reverse("consultation-comments:edit", args=(comment.pk,))}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "approving": self.status == Status.APPROVED,
            "header_icon": "comment",
        }

    def get_execution_context(self):
        return {"user": self.request.user, "status": self.status}

    @classmethod
    def execute_action(cls, objects, user=None, status=None, **kwargs):
        changed = moderate(ConsultationComment.objects.filter(pk__in=[comment.pk for comment in objects]), status, user)
        return changed, 0


class ApproveBulkAction(ModerationBulkAction):
    display_name = _("Duyệt")
    action_type = "approve"
    aria_label = _("Duyệt các ý kiến đã chọn")
    action_priority = 10
    status = Status.APPROVED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("Đã duyệt %(count)d ý kiến.", "Đã duyệt %(count)d ý kiến.", num_parent_objects) % {
            "count": num_parent_objects
        }


class RejectBulkAction(ModerationBulkAction):
    display_name = _("Không duyệt")
    action_type = "reject"
    aria_label = _("Không duyệt các ý kiến đã chọn")
    action_priority = 20
    status = Status.REJECTED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("Đã không duyệt %(count)d ý kiến.", "Đã không duyệt %(count)d ý kiến.", num_parent_objects) % {
            "count": num_parent_objects
        }
