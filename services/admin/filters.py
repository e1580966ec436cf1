"""The filters of the dossier inbox and of the roadmap listing."""

import django_filters
import django_filters.fields
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from groundwork.deadlines import DueFilter
from home.models import Agency
from services import handling
from services.models import Dossier, OnlineServicePlan, ProcedurePage
from services.models.dossiers import DUE_SOON_WORKING_DAYS
from services.models.plans import plan_years
from services.statistics import planning_agencies
from vietnam.text import person_name


class ProcedureChoiceField(django_filters.fields.ModelChoiceField):
    """Procedures named by their title, and their agency's name for someone who handles several agencies."""

    def __init__(self, *args, with_agency: bool = False, **kwargs):
        self.with_agency = with_agency
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.agency.name})" if self.with_agency else obj.title


class ProcedureFilter(django_filters.ModelChoiceFilter):
    """A procedure, with the dossiers sent from its page in any language (its translations share a key)."""

    field_class = ProcedureChoiceField

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(procedure__translation_key=value.translation_key)


def procedures_for(request):
    """The procedures of the user's agencies: their Vietnamese pages, which stand for their translations."""
    if request is None:
        return ProcedurePage.objects.none()
    return (
        ProcedurePage.objects.filter(
            agency__in=handling.handled_agencies(request.user), locale__language_code=settings.LANGUAGE_CODE
        )
        .select_related("agency")
        .order_by("title", "pk")
    )


MINE, UNASSIGNED = "cua-toi", "chua-phan-cong"


class DossierFilterSet(WagtailFilterSet):
    """The dossier inbox's filters: procedure, status, deadline, and officer (mine, unassigned, or a desk member)."""

    procedure = ProcedureFilter(label=_("Thủ tục"), queryset=procedures_for, empty_label=_("Tất cả"))
    due = DueFilter(label=_("Hạn trả kết quả"), open_statuses=Dossier.RUNNING, soon_days=DUE_SOON_WORKING_DAYS)
    officer = django_filters.ChoiceFilter(
        label=_("Cán bộ xử lý"), choices=[], method="filter_officer", empty_label=_("Tất cả")
    )

    class Meta:
        model = Dossier
        fields = ["status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user
        agencies = handling.handled_agencies(user)
        self.filters["procedure"].extra["with_agency"] = agencies[:2].count() > 1
        # The desks' members, and anyone who still holds one of these dossiers after leaving the desk.
        desks = Agency.objects.filter(pk__in=agencies.values("pk")).values("officers")
        officers = (
            get_user_model()
            .objects.filter(
                Q(is_active=True, groups__in=desks) | Q(pk__in=handling.dossiers_for(user).values("officer"))
            )
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        self.filters["officer"].extra["choices"] = [
            (MINE, _("Của tôi")),
            (UNASSIGNED, _("Chưa phân công")),
            *[(str(officer.pk), person_name(officer, fallback_to_username=True)) for officer in officers],
        ]

    def filter_officer(self, queryset, name, value):
        if value == MINE:
            return queryset.filter(officer=self.request.user)
        if value == UNASSIGNED:
            return queryset.filter(officer__isnull=True)
        return queryset.filter(officer_id=value)


class PlanFilterSet(WagtailFilterSet):
    """The roadmap listing's filters: year, progress, and agency (among those the user keeps)."""

    year = django_filters.TypedChoiceFilter(
        label=_("Năm"), choices=lambda: [(year, year) for year in reversed(plan_years())], coerce=int
    )
    progress = django_filters.ChoiceFilter(label=_("Tiến độ"), choices=OnlineServicePlan.Progress.choices)
    agency = django_filters.ModelChoiceFilter(
        label=_("Cơ quan"),
        queryset=lambda request: planning_agencies(request.user) if request else Agency.objects.none(),
    )

    class Meta:
        model = OnlineServicePlan
        fields = []
