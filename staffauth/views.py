"""The second step of signing in (enrolment or a code), recovery codes, and an administrator's reset of a lost
device. Registered under /admin/ by wagtail_hooks; SecondFactorMiddleware sends users here."""

import segno
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
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
from .forms import CodeForm

# Recovery codes just made, kept in the session only until the page that shows them once.
NEW_CODES_KEY = "staffauth:new_recovery_codes"


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
        return redirect(next_url(request) if request.user.is_verified() else reverse("staffauth_verify"))
    device = pending_authenticator(request.user)
    form = CodeForm(request.POST or None, recovery_allowed=False)
    if request.method == "POST" and form.is_valid():
        error = code_error(device, normalized_code(form.cleaned_data["code"]))
        if error is None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            request.session[NEW_CODES_KEY] = new_recovery_codes(request.user)
            pass_second_factor(request, device)
            return redirect(reverse("staffauth_recovery_codes") + "?" + request.GET.urlencode())
        form.add_error("code", error)
    qr_code = segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=2, title=_("Mã QR để thêm tài khoản vào ứng dụng xác thực"), svgclass="qr-code__image"
    )
    context = {"form": form, "qr_code": qr_code, "secret": readable_secret(device), "next": next_url(request)}
    return TemplateResponse(request, "staffauth/enrol.html", context, status=400 if form.errors else 200)


def verify(request):
    """The second step of every later sign-in: a code from the authenticator app, or a recovery code."""
    if request.user.is_verified():
        return redirect(next_url(request))
    if authenticator(request.user) is None:
        return redirect(reverse("staffauth_enrol") + "?" + request.GET.urlencode())
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
    return TemplateResponse(request, "staffauth/verify.html", context, status=400 if form.errors else 200)


class RecoveryCodesView(WagtailAdminTemplateMixin, TemplateView):
    """The user's recovery codes: new ones are shown once (after enrolment, or when the user asks for new ones,
    which replaces the old); otherwise how many are left."""

    template_name = "staffauth/recovery_codes.html"
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
        log(instance=request.user, action="staffauth.new_recovery_codes", user=request.user)
        messages.success(request, _("Đã tạo mã dự phòng mới; các mã cũ không còn dùng được."))
        return redirect("staffauth_recovery_codes")


class ResetDevicesView(WagtailAdminTemplateMixin, TemplateView):
    """An administrator removes a user's authenticator and recovery codes (a lost or replaced phone): the user
    enrols again at their next sign-in. Written to the audit log."""

    template_name = "staffauth/reset_devices.html"
    header_icon = "key"

    def dispatch(self, request, user_id):
        self.user = get_object_or_404(get_user_model(), pk=user_id)
        if not may_reset(request.user, self.user):
            # A plain 403: Wagtail would turn PermissionDenied into a redirect to the dashboard.
            return permission_denied(request, PermissionDenied())
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
        log(instance=self.user, action="staffauth.reset_devices", user=request.user)
        messages.success(
            request,
            _("Đã đặt lại xác thực hai bước của %(name)s: lần đăng nhập tới, người này cài lại ứng dụng xác thực.")
            % {"name": self.user.get_full_name() or self.user.get_username()},
        )
        return redirect("wagtailusers_users:index")
