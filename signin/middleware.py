"""Two gates in front of the admin: the staff session's time limits, then the second factor."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext, override
from wagtail.users.models import UserProfile

from .devices import authenticator
from .sessions import ended_message, touch, why_ended

# Admin URLs open to a user who has given the password but no code yet: the steps of signing in and out, and what
# their pages load.
OPEN_BEFORE_SECOND_FACTOR = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "signin_verify",
    "signin_enrol",
}


def is_admin_path(request) -> bool:
    return request.path.startswith(reverse("wagtailadmin_home"))


# Requests the admin's pages make by themselves, which are no sign of someone at the keyboard: the page editor pings
# its editing session every few seconds while it is open.
BACKGROUND_VIEWS = {"wagtailadmin_editing_sessions:ping", "wagtailadmin_editing_sessions:release"}


def signed_in(request) -> bool:
    # Checking the cookie first leaves visitors without a session alone: no session read, no "Vary: Cookie".
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated


class StaffSessionMiddleware:
    """Sign a user out once their session has been idle or open too long (see signin.sessions); in the admin,
    send them to the login page with a message saying why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if signed_in(request):
            reason = why_ended(request.session, timezone.now().timestamp())
            if reason is not None:
                with override(UserProfile.get_for_user(request.user).get_preferred_language()):
                    message = ended_message(reason)
                logout(request)
                if is_admin_path(request):
                    messages.warning(request, message)
                    return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if signed_in(request) and request.resolver_match.view_name not in BACKGROUND_VIEWS:
            touch(request.session, timezone.now().timestamp())


class SecondFactorMiddleware:
    """Until a signed-in admin user has given a code (django_otp's OTPMiddleware says whether), every admin page
    sends them to enrolment (no authenticator yet) or to the code step, and what scripts call answers 403."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if (
            not is_admin_path(request)
            or not user.is_authenticated
            or user.is_verified()
            or request.resolver_match.url_name in OPEN_BEFORE_SECOND_FACTOR
            # Users who may not enter the admin are turned away by Wagtail itself.
            or not user.has_perm("wagtailadmin.access_admin")
        ):
            return None
        if wants_json(request):
            return JsonResponse({"error": gettext("Cần xác thực hai bước.")}, status=403)
        step = reverse("signin_verify" if authenticator(user) else "signin_enrol")
        if request.method == "GET":
            step += "?" + urlencode({"next": request.get_full_path()})
        return redirect(step)


def wants_json(request) -> bool:
    """A request made by a script (the admin API, choosers, autosave) rather than a page the user opens."""
    return (
        request.path.startswith(reverse("wagtailadmin_home") + "api/")
        or request.headers.get("x-requested-with") == "XMLHttpRequest"
        or "application/json" in request.headers.get("accept", "")
    )
