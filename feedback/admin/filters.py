"""The filters of the questions inbox and of the consultation comments' moderation listing."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from feedback import handling
from feedback.consultations import moderated_consultations
from feedback.models import ConsultationComment, Question, Unit
from feedback.models.questions import DUE_SOON_WORKING_DAYS
from groundwork.deadlines import DueFilter


def units_for(request):
    """The units the user may filter the inbox by: their sites' units for the BBT, their own for a unit's staff."""
    if request is None:
        return Unit.objects.none()
    user = request.user
    return Unit.objects.filter(agency__in=handling.managed_agencies(user)) | handling.staffed_units(user)


class QuestionFilterSet(WagtailFilterSet):
    """The questions inbox's filters: status, kind, deadline and answering unit."""

    due = DueFilter(label=_("Hạn trả lời"), open_statuses=Question.OPEN, soon_days=DUE_SOON_WORKING_DAYS)
    unit = django_filters.ModelChoiceFilter(label=_("Đơn vị trả lời"), queryset=units_for)

    class Meta:
        model = Question
        fields = ["status", "kind"]


class CommentFilterSet(WagtailFilterSet):
    """Filter by consultation (any of its languages: the Vietnamese page stands for it) and by status."""

    consultation = django_filters.ModelChoiceFilter(
        label=_("Dự thảo lấy ý kiến"),
        queryset=lambda request: (
            moderated_consultations(request.user)
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("-closes_at")
        ),
        method="filter_consultation",
    )
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=ConsultationComment.Status.choices)

    class Meta:
        model = ConsultationComment
        fields = []

    def filter_consultation(self, queryset, name, value):
        return queryset.filter(page__translation_key=value.translation_key)
