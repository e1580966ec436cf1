"""The one-stop desk's inbox of dossiers submitted online (R7, Điều 13).

A ModelViewSet lists the dossiers of the agencies whose desk the user belongs to (`handling.dossiers_for`),
with filters by procedure, status, deadline and officer. Each dossier opens on a page showing everything the
applicant sent, its history (internal notes included), who opened it, and the forms of the steps its state
allows. Every opening of a dossier or of one of its files is written to the access log. Nothing is added,
edited or deleted here: dossiers come from the online form and are purged by their retention period.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db import connection
from django.db.models import Case, F, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from groundwork.deadlines import DueColumn
from groundwork.storage import private_file_response
from services import handling
from services.admin.filters import DossierFilterSet
from services.admin.forms import (
    AssignForm,
    NoteForm,
    RefuseForm,
    ResultForm,
    ReturnForm,
    StartForm,
    StepForm,
    SupplementForm,
)
from services.models import Dossier, DossierAccess, DossierEvent, DossierFile
from vietnam.text import fold_diacritics, person_name

logger = logging.getLogger(__name__)

Action = DossierEvent.Action

# How many of a dossier's latest access log entries its page shows.
ACCESS_LOG_LENGTH = 50


# The listing ---------------------------------------------------------------------------------------------

# Unless the user sorts by a column: the dossiers still with the desk first, the most overdue on top, then those
# handed back or refused, the latest closed first (closed_at orders only those: it is empty while a dossier is open).
INBOX_ORDER = (
    Case(When(status__in=Dossier.CLOSED, then=Value(1)), default=Value(0)),
    F("closed_at").desc(nulls_last=True),
    "due_on",
)


class DossierIndexView(IndexView):
    def get_base_queryset(self):
        return handling.dossiers_for(self.request.user).select_related("procedure", "officer")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        if connection.vendor == "postgresql":
            # "le thi hoa" finds "Lê Thị Hoa" (the unaccent extension, installed by vietnam's first migration).
            by_name = Q(applicant__unaccent__icontains=fold_diacritics(query))
        else:
            by_name = Q(applicant__icontains=query)
        return queryset.filter(Q(code__icontains=query) | by_name)

    def order_queryset(self, queryset):
        # The code breaks ties, so that a page of the listing is the same page each time.
        if not self.ordering:
            return queryset.order_by(*INBOX_ORDER, "code")
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "code")

    def get_edit_url(self, instance):
        return reverse("services_dossiers:handle", args=[instance.pk])

    def get_list_more_buttons(self, instance):
        # The code links to the dossier; there is nothing else to do with it from the listing.
        return []


class DossierViewSet(ModelViewSet):
    model = Dossier
    icon = "folder-open-inverse"
    menu_label = _("Hồ sơ trực tuyến")
    menu_order = 140
    add_to_admin_menu = True
    index_view_class = DossierIndexView
    filterset_class = DossierFilterSet
    list_display = [
        "code",
        Column("procedure", label=_("Thủ tục"), sort_key="procedure__title"),
        Column("applicant", label=_("Người nộp"), sort_key="applicant"),
        Column("status", label=_("Trạng thái"), accessor="get_status_display", sort_key="status"),
        DueColumn("due_on", label=_("Hẹn trả kết quả"), sort_key="due_on"),
        Column(
            "officer",
            label=_("Cán bộ xử lý"),
            accessor=lambda dossier: (
                person_name(dossier.officer, fallback_to_username=True) if dossier.officer else _("Chưa phân công")
            ),
        ),
        Column(
            "submitted_at",
            label=_("Ngày nộp"),
            accessor=lambda dossier: timezone.localtime(dossier.submitted_at).strftime("%d/%m/%Y"),
            sort_key="submitted_at",
        ),
    ]
    search_fields = ["code", "applicant"]
    search_backend_name = None
    ordering = None  # DossierIndexView's INBOX_ORDER, or the column the user sorts by
    list_per_page = 50

    def get_urlpatterns(self):
        # Only the listing, the handling page and the files: no add, edit, delete, history or usage views.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", handle_dossier, name="handle"),
            path("<int:pk>/tep/<int:file_pk>/", dossier_file, name="file"),
        ]


# The handling page ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One step offered on the handling page: its label, its form and the handling function it calls."""

    label: Any  # a lazy translation
    form_class: type[StepForm]
    take: Callable[[Dossier, Any, dict], None]  # (dossier, user, the form's cleaned data)
    danger: bool = False


# In the order the page shows them; the keys are the DossierEvent actions handling.allowed_actions returns.
STEPS = {
    Action.ASSIGNED: Step(
        _("Phân công cán bộ xử lý"),
        AssignForm,
        lambda dossier, user, data: handling.assign(dossier, user, data["officer"]),
    ),
    Action.PROCESSING: Step(
        _("Tiếp nhận, chuyển xử lý"), StartForm, lambda dossier, user, data: handling.start(dossier, user, data["note"])
    ),
    Action.SUPPLEMENT_REQUESTED: Step(
        _("Yêu cầu bổ sung"),
        SupplementForm,
        lambda dossier, user, data: handling.request_supplement(dossier, user, data["missing"]),
    ),
    Action.RESULT_READY: Step(
        _("Có kết quả"), ResultForm, lambda dossier, user, data: handling.finish(dossier, user, data["note"])
    ),
    Action.RETURNED: Step(
        _("Trả kết quả"), ReturnForm, lambda dossier, user, data: handling.hand_over(dossier, user, data["note"])
    ),
    Action.REFUSED: Step(
        _("Từ chối"),
        RefuseForm,
        lambda dossier, user, data: handling.refuse(dossier, user, data["reason"]),
        danger=True,
    ),
    Action.NOTE: Step(
        _("Ghi chú nội bộ"), NoteForm, lambda dossier, user, data: handling.add_note(dossier, user, data["note"])
    ),
}


def available_steps(dossier: Dossier) -> list[str]:
    """The steps the dossier's state allows now, in the page's order (every desk member may take them all)."""
    allowed = set(handling.allowed_actions(dossier))
    return [step for step in STEPS if step in allowed]


@require_http_methods(["GET", "HEAD", "POST"])
def handle_dossier(request, pk):
    """One dossier: what was sent, its history and access log, and the forms of the steps it allows now.

    A GET is logged as a view. A POST takes the step named in `step`: 403 if the dossier's state does not
    allow it (or there is no such step), 400 with the errors if its form is invalid or the step is refused,
    otherwise a redirect back to the page.
    """
    visible = handling.dossiers_for(request.user).select_related("procedure", "agency", "officer")
    dossier = get_object_or_404(visible, pk=pk)
    if request.method != "POST":
        if request.method == "GET":
            handling.log_access(dossier, request.user, DossierAccess.Action.VIEW)
        return _page(request, dossier)

    name = request.POST.get("step", "")
    if name not in available_steps(dossier):
        messages.error(
            request,
            _("Không thể thực hiện bước này: hồ sơ đang ở trạng thái “%(status)s”.")
            % {"status": dossier.get_status_display()},
        )
        return _page(request, dossier, status=403)
    step = STEPS[name]
    form = step.form_class(request.POST, dossier=dossier, prefix=name)
    if form.is_valid():
        try:
            # The step locks the dossier and checks its state again (another officer may have moved it).
            step.take(dossier, request.user, form.cleaned_data)
        except handling.StepRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("Đã thực hiện “%(step)s” với hồ sơ %(code)s.") % {"step": step.label, "code": dossier.code},
            )
            return redirect("services_dossiers:handle", pk=dossier.pk)
    return _page(request, dossier, failed=(name, form), status=400)


def _page(request, dossier: Dossier, failed=None, status: int = 200) -> TemplateResponse:
    steps = [
        (
            name,
            STEPS[name],
            failed[1] if failed and failed[0] == name else STEPS[name].form_class(dossier=dossier, prefix=name),
        )
        for name in available_steps(dossier)
    ]
    language = dict(settings.LANGUAGES).get(dossier.language, dossier.language)  # each in its own language
    context = {
        "dossier": dossier,
        "answers": dossier.answers,
        # Those sent with the dossier first, then each supplement's.
        "files": dossier.files.select_related("event").order_by(F("event__at").asc(nulls_first=True), "pk"),
        "events": dossier.events.select_related("actor"),
        "accesses": DossierAccess.objects.filter(dossier=dossier).select_related("user")[:ACCESS_LOG_LENGTH],
        "access_log_length": ACCESS_LOG_LENGTH,
        # Steps and accesses with nobody signed in are the applicant's (the others' actor may have been deleted).
        "applicant_actions": [Action.RECEIVED, Action.SUPPLEMENTED],
        "applicant_access": DossierAccess.Action.STATUS,
        "language": language,
        "steps": steps,
        "header_title": dossier.code,
        "index_url": reverse("services_dossiers:index"),
    }
    return TemplateResponse(request, "services/admin/dossier_handle.html", context, status=status)


@require_safe
def dossier_file(request, pk, file_pk):
    """One file of a dossier, for those who may see the dossier; each download is logged (never a public URL)."""
    dossier = get_object_or_404(handling.dossiers_for(request.user), pk=pk)
    attached = get_object_or_404(DossierFile, pk=file_pk, dossier=dossier)
    try:
        response = private_file_response(attached.file, attached.name)
    except FileNotFoundError:
        # The row outlived its file (a restore, a manual deletion): an operator must look, the officer gets a 404.
        logger.error("Dossier file %s of dossier %s is missing from the private storage", attached.pk, dossier.pk)
        raise Http404 from None
    # The paper and the file's number, not its name: a name may hold the applicant's, and the log outlives the purge.
    handling.log_access(dossier, request.user, DossierAccess.Action.FILE, f"{attached.label} (#{attached.pk})")
    return response
