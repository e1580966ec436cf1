"""Vietnamese conventions in the Wagtail admin, and the working-day calendar's decisions (R10)."""

from django.db import models
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.viewsets.model import ModelViewSet

from .models import CalendarOverride

# An address typed without a scheme ("quangngai.gov.vn/…") is taken as https (Django 6's default) in page and
# snippet forms; a ModelViewSet builds its form itself (below).
register_form_field_override(models.URLField, override={"assume_scheme": "https"})


@hooks.register("insert_global_admin_js")
def vietnamese_slugs():
    return format_html('<script src="{}"></script>', static("vietnam/slug.js"))


class CalendarOverrideViewSet(ModelViewSet):
    """The government's decisions on days off and make-up working days, which every deadline counts with."""

    model = CalendarOverride
    icon = "date"
    menu_label = _("Lịch nghỉ lễ, làm bù")
    add_to_settings_menu = True
    list_display = ["date", "kind", "name", "decision"]
    list_filter = ["kind"]
    search_fields = ["name", "decision"]
    form_fields = ["date", "kind", "name", "decision", "source_url"]
    copy_view_enabled = False

    def formfield_for_dbfield(self, db_field, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, **kwargs)

    def get_index_view_kwargs(self, **kwargs):
        # Oldest first, as a calendar reads; the date column header shows it.
        return super().get_index_view_kwargs(default_ordering="date", **kwargs)


@hooks.register("register_admin_viewset")
def register_calendar_override_viewset():
    return CalendarOverrideViewSet("calendar_overrides")
