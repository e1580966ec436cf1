"""The questions and petitions inbox of each site's editorial board (BBT) and of the units answering them.

A ModelViewSet lists what the user may see (see `handling.questions_for`): the BBT all of its site's, a
unit's staff only what was forwarded to their unit; filters by status, kind, unit and deadline. Each
question opens on a page showing it with its history and the steps the user may take. Nothing is added
or deleted here: questions come from the public form and are kept.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from feedback import handling
from feedback.admin.filters import QuestionFilterSet
from feedback.admin.forms import AnswerForm, ClassifyForm, ForwardForm, NoteForm, ProgressForm, ReasonForm
from feedback.models import Question, Unit
from groundwork.deadlines import DueColumn
from groundwork.storage import private_file_response


class QuestionIndexView(IndexView):
    def get_base_queryset(self):
        return handling.questions_for(self.request.user).select_related("agency", "unit")

    def get_edit_url(self, instance):
        return reverse("feedback_questions:handle", args=[instance.pk])


class QuestionViewSet(ModelViewSet):
    model = Question
    icon = "help"
    menu_label = _("Hỏi đáp, kiến nghị")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = QuestionIndexView
    filterset_class = QuestionFilterSet
    list_display = [
        "code",
        "title",
        "status",
        DueColumn("due_on", label=_("Hạn trả lời")),
        "unit",
        Column(
            "received_at",
            label=_("Ngày nhận"),
            accessor=lambda q: timezone.localtime(q.received_at).strftime("%d/%m/%Y"),
        ),
    ]
    search_fields = ["code", "title"]
    ordering = ["due_on"]
    list_per_page = 50

    def get_urlpatterns(self):
        # Only the listing and the handling page: no add, edit, delete, history or usage views.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", handle_question, name="handle"),
            path("<int:pk>/tep/", attachment, name="attachment"),
        ]


# The handling page -------------------------------------------------------------------------------------

# step name → (form class, what it does, who may: "manage" or "answer")
STEPS = {
    "phan-loai": (ClassifyForm, _("Phân loại"), "manage"),
    "chuyen": (ForwardForm, _("Chuyển đơn vị trả lời"), "manage"),
    "ngoai-tham-quyen": (ReasonForm, _("Không thuộc thẩm quyền"), "manage"),
    "tra-loi": (AnswerForm, _("Trả lời"), "answer"),
    "cong-khai": (None, _("Công khai câu trả lời"), "manage"),
    "tien-do": (ProgressForm, _("Thông báo tiến độ"), "either"),
    "ghi-chu": (NoteForm, _("Ghi chú nội bộ"), "either"),
}


def available_steps(user, question: Question) -> list[str]:
    manage, answer = handling.can_manage(user, question), handling.can_answer(user, question)
    status = question.status
    steps = []
    if manage and status in (Question.Status.RECEIVED, Question.Status.CLASSIFIED):
        steps += ["phan-loai", "ngoai-tham-quyen"]
    if manage and question.is_open:
        steps.append("chuyen")
    if answer:
        steps.append("tra-loi")
    if manage and status == Question.Status.ANSWERED:
        steps.append("cong-khai")
    if (manage or answer) and question.is_open:
        steps.append("tien-do")
    if manage or answer:
        steps.append("ghi-chu")
    return steps


def _form(step: str, question: Question, data=None):
    form_class = STEPS[step][0]
    if form_class is None:
        return None
    kwargs = {"prefix": step}
    if form_class is ForwardForm:
        kwargs["question"] = question
    if form_class is AnswerForm and data is None:
        kwargs["initial"] = {"answer": question.answer}
    if form_class is ClassifyForm and data is None:
        kwargs["initial"] = {"kind": question.kind, "legal_field": question.legal_field_id}
    return form_class(data, **kwargs)


def _do(step: str, question: Question, user, form) -> None:
    data = form.cleaned_data if form is not None else {}
    if step == "phan-loai":
        handling.classify(question, user, legal_field=data["legal_field"], kind=data["kind"])
    elif step == "chuyen":
        handling.forward(question, user, data["unit"], data["note"])
    elif step == "ngoai-tham-quyen":
        handling.reject_out_of_scope(question, user, data["reason"])
    elif step == "tra-loi":
        handling.answer(question, user, data["answer"])
    elif step == "cong-khai":
        handling.publish(question, user)
    elif step == "tien-do":
        handling.notify_progress(question, user, data["message"], data["expected_on"])
    elif step == "ghi-chu":
        handling.add_note(question, user, data["note"])


def handle_question(request, pk):
    """One question: its content, history, and the forms of the steps this user may take now."""
    question = get_object_or_404(handling.questions_for(request.user).select_related("agency", "unit"), pk=pk)
    steps = available_steps(request.user, question)
    failed = None
    if request.method == "POST":
        step = request.POST.get("step", "")
        if step not in steps:
            raise PermissionDenied
        form = _form(step, question, request.POST)
        if form is None or form.is_valid():
            try:
                _do(step, question, request.user, form)
            except handling.StepRefused as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, _("Đã lưu: %(step)s.") % {"step": STEPS[step][1]})
                return redirect("feedback_questions:handle", pk=question.pk)
        failed = (step, form)
    forms_by_step = [
        (step, STEPS[step][1], failed[1] if failed and failed[0] == step else _form(step, question)) for step in steps
    ]
    context = {
        "question": question,
        "events": question.events.select_related("actor"),
        "steps": forms_by_step,
        "header_title": question.code,
        "index_url": reverse("feedback_questions:index"),
    }
    return TemplateResponse(request, "feedback/admin/question_handle.html", context, status=400 if failed else 200)


def attachment(request, pk):
    """The question's attachment, only for those who may see the question (never a public URL)."""
    question = get_object_or_404(handling.questions_for(request.user), pk=pk)
    if not question.attachment:
        raise Http404
    return private_file_response(question.attachment, question.attachment.name.rsplit("/", 1)[-1])


class UnitViewSet(ModelViewSet):
    """The units that answer questions, for administrators (their staff are the members of each unit's group)."""

    model = Unit
    icon = "group"
    menu_label = _("Đơn vị trả lời câu hỏi")
    add_to_settings_menu = True
    list_display = ["name", "agency", "email", "staff"]
    list_filter = ["agency"]
    form_fields = ["agency", "name", "email"]
    copy_view_enabled = False
