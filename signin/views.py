"""The pages of signing in and its administration: the second step (enrolment or a code), recovery codes, an
administrator's reset of a lost device, and the list of sign-in lockouts (Settings → "Khóa đăng nhập") with its
unlock action. Registered under /admin/ by wagtail_hooks; SecondFactorMiddleware sends users to the second step."""

import segno
from django.conf import settings
from django.contrib import messages as django_messages  # the lockouts list's plain messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from .devices import (
    authenticator,
    code_error,
    device_for_code,
    may_reset,
    new_recovery_codes,
    normalized_code,
    pending_authenticator,
    readable_secret,
    recovery_codes_left,
    remove_devices,
)
from .forms import CodeForm, UnlockForm
from .lockout import current_lockouts, unlock


def refuse(request):
    """A plain 403: Wagtail would turn a raised PermissionDenied into a redirect to the dashboard."""
    return permission_denied(request, PermissionDenied())


# Recovery codes just made, kept in the session only until the page that shows them once.
NEW_CODES_KEY = "signin:new_recovery_codes"


def next_url(request) -> str:
    """Where to go once the second factor is given: the admin page first asked for, if it is one of ours."""
    url = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def pass_second_factor(request, device) -> None:
    """Record in the session that the user gave a code (a new session key: the stronger session must not pass to
    a cookie planted before it)."""
    request.session.cycle_key()
    otp_login(request, device)


def enrol(request):
    """First sign-in (or after a reset): pair an authenticator app by its QR code or typed secret, confirm it with
    a code, then see the recovery codes."""
    if authenticator(request.user):
        return redirect(next_url(request) if request.user.is_verified() else reverse("signin_verify"))
    device = pending_authenticator(request.user)
    form = CodeForm(request.POST or None, recovery_allowed=False)
    if request.method == "POST" and form.is_valid():
        error = code_error(device, normalized_code(form.cleaned_data["code"]))
        if error is None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            request.session[NEW_CODES_KEY] = new_recovery_codes(request.user)
            pass_second_factor(request, device)
            return redirect(reverse("signin_recovery_codes") + "?" + request.GET.urlencode())
        form.add_error("code", error)
    qr_code = segno.make(device.config_url, error="m").svg_inline(
        scale=5,
        border=4,
        light="#fff",
        omitsize=True,  # a viewBox only: the stylesheet sizes it to the screen
        title=_("Mã QR để thêm tài khoản vào ứng dụng xác thực"),
        svgclass="qr-code__image",
    )
    context = {"form": form, "qr_code": qr_code, "secret": readable_secret(device), "next": next_url(request)}
    return TemplateResponse(request, "signin/enrol.html", context, status=400 if form.errors else 200)


def verify(request):
    """The second step of every later sign-in: a code from the authenticator app, or a recovery code."""
    if request.user.is_verified():
        return redirect(next_url(request))
    if authenticator(request.user) is None:
        return redirect(reverse("signin_enrol") + "?" + request.GET.urlencode())
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = normalized_code(form.cleaned_data["code"])
        device = device_for_code(request.user, code)
        error = code_error(device, code)
        if error is None:
            pass_second_factor(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _(
                        "Bạn vừa đăng nhập bằng một mã dự phòng; còn %(count)s mã dự phòng. Hãy tạo mã mới trong "
                        "trang Tài khoản nếu sắp hết, và cài lại ứng dụng xác thực nếu đã mất điện thoại."
                    )
                    % {"count": recovery_codes_left(request.user)},
                )
            return redirect(next_url(request))
        form.add_error("code", error)
    context = {"form": form, "next": next_url(request)}
    return TemplateResponse(request, "signin/verify.html", context, status=400 if form.errors else 200)


class RecoveryCodesView(WagtailAdminTemplateMixin, TemplateView):
    """The user's recovery codes: new ones are shown once (after enrolment, or when the user asks for new ones,
    which replaces the old); otherwise how many are left."""

    template_name = "signin/admin/recovery_codes.html"
    header_icon = "key"

    def get_page_title(self):
        return _("Mã dự phòng xác thực hai bước")

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailadmin_account"), "label": _("Tài khoản")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            codes=self.request.session.pop(NEW_CODES_KEY, None),
            left=recovery_codes_left(self.request.user),
            next=next_url(self.request),
            **kwargs,
        )

    def post(self, request):
        request.session[NEW_CODES_KEY] = new_recovery_codes(request.user)
        log(instance=request.user, action="signin.new_recovery_codes", user=request.user)
        messages.success(request, _("Đã tạo mã dự phòng mới; các mã cũ không còn dùng được."))
        return redirect("signin_recovery_codes")


class ResetDevicesView(WagtailAdminTemplateMixin, TemplateView):
    """An administrator removes a user's authenticator and recovery codes (a lost or replaced phone): the user
    enrols again at their next sign-in. Written to the audit log."""

    template_name = "signin/admin/reset_devices.html"
    header_icon = "key"

    def dispatch(self, request, user_id):
        self.user = get_object_or_404(get_user_model(), pk=user_id)
        if not may_reset(request.user, self.user):
            return refuse(request)
        return super().dispatch(request, user_id)

    def get_page_title(self):
        return _("Đặt lại xác thực hai bước")

    def get_page_subtitle(self):
        return self.user.get_username()

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailusers_users:index"), "label": _("Người dùng")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(target=self.user, enrolled=authenticator(self.user) is not None, **kwargs)

    def post(self, request, user_id):
        remove_devices(self.user)
        log(instance=self.user, action="signin.reset_devices", user=request.user)
        messages.success(
            request,
            _("Đã đặt lại xác thực hai bước của %(name)s: lần đăng nhập tới, người này cài lại ứng dụng xác thực.")
            % {"name": self.user.get_full_name() or self.user.get_username()},
        )
        return redirect("wagtailusers_users:index")


def may_unlock(user) -> bool:
    """Superusers and whoever may change users (auth.change_user) lift lockouts."""
    return user.is_active and user.has_perm("auth.change_user")


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
            django_messages.success(request, _("Đã mở khóa đăng nhập của %(value)s.") % {"value": value})
        else:
            django_messages.warning(request, _("%(value)s không còn bị khóa.") % {"value": value})
    return redirect("signin_lockouts")
