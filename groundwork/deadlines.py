"""The admin's pieces for what has a legal time limit (questions, dossiers): the "due soon / overdue" filter and the
due-date column with its badge. The rule itself is `vietnam.workdays.deadline_state`."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from vietnam.workdays import add_working_days

DUE_SOON, OVERDUE = "sap-den-han", "qua-han"


class DueFilter(django_filters.ChoiceFilter):
    """Among the items in `open_statuses`: those due within `soon_days` working days, or those overdue."""

    def __init__(self, *, open_statuses, soon_days: int, **kwargs):
        super().__init__(
            choices=[(DUE_SOON, _("Sắp đến hạn")), (OVERDUE, _("Quá hạn"))], empty_label=_("Tất cả"), **kwargs
        )
        self.open_statuses = open_statuses
        self.soon_days = soon_days

    def filter(self, queryset, value):
        if not value:
            return queryset
        today = timezone.localdate()
        open_items = queryset.filter(status__in=self.open_statuses)
        if value == OVERDUE:
            return open_items.filter(due_on__lt=today)
        return open_items.filter(due_on__gte=today, due_on__lte=add_working_days(today, self.soon_days))


class DueColumn(Column):
    """The due date, marked when an open item is due soon or overdue (its `deadline_state`)."""

    cell_template_name = "components/due_cell.html"
