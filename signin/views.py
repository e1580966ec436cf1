"""The administrators' list of sign-in lockouts (Settings → "Khóa đăng nhập") and its unlock action."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import UnlockForm
from .lockout import current_lockouts, unlock


def may_unlock(user) -> bool:
    """Superusers and whoever may change users (auth.change_user) lift lockouts."""
    return user.is_active and user.has_perm("auth.change_user")


def refuse(request):
    """A plain 403: Wagtail would turn a raised PermissionDenied into a redirect to the dashboard."""
    return permission_denied(request, PermissionDenied())


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    """The accounts and client addresses locked out now, each with an "unlock" button."""

    template_name = "signin/admin/lockouts.html"
    page_title = gettext_lazy("Khóa đăng nhập")
    header_icon = "lock"
    breadcrumbs_items = [*WagtailAdminTemplateMixin.breadcrumbs_items, {"url": "", "label": page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not may_unlock(request.user):
            return refuse(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "lockouts": current_lockouts(),
            "account_limit": settings.AXES_FAILURE_LIMIT,
            "address_limit": settings.LOGIN_FAILURES_PER_ADDRESS,
            "minutes": settings.LOGIN_LOCKOUT_MINUTES,
        }


@require_POST
def unlock_view(request):
    """Lift one lockout (POST `kind`, `value`; see UnlockForm), then back to the list with a message."""
    if not may_unlock(request.user):
        return refuse(request)
    form = UnlockForm(request.POST)
    if form.is_valid():
        value = form.cleaned_data["value"]
        if unlock(form.cleaned_data["kind"], value, request.user):
            messages.success(request, _("Đã mở khóa đăng nhập của %(value)s.") % {"value": value})
        else:
            messages.warning(request, _("%(value)s không còn bị khóa.") % {"value": value})
    return redirect("signin_lockouts")
