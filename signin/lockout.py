"""Sign-in lockout with django-axes: an account and a client address each have a limit of their own.

Axes counts failed sign-ins in its database table (one row per name typed, client address and browser), so a
lockout survives restarts and holds across web workers. It counts any name typed, whether or not an account has
it, so a lockout never tells which accounts exist. Axes compares one count with one limit (AXES_FAILURE_LIMIT,
the account's); `LockoutHandler` makes a client address that reached its own, higher limit count as locked too.
"""

from dataclasses import dataclass
from datetime import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.log_actions import log

ACCOUNT, ADDRESS = "username", "ip_address"  # axes' names for the two things locked out
UNLOCK_ACTION = "signin.unlock"


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, with LOGIN_FAILURES_PER_ACCOUNT for an account and LOGIN_FAILURES_PER_ADDRESS for a
    client address (several people may sign in from one office's address)."""

    def get_failures(self, request, credentials=None) -> int:
        """The recent failures of the name typed, or the account limit if the client address has reached its own."""
        # One queryset per AXES_LOCKOUT_PARAMETERS, in its order: the name typed, then the client address.
        by_account, by_address = (
            attempts.aggregate(failures=Sum("failures_since_start"))["failures"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if by_address >= settings.LOGIN_FAILURES_PER_ADDRESS:
            return max(by_account, settings.AXES_FAILURE_LIMIT)
        return by_account


def lockout_message() -> str:
    """What a locked-out sign-in is told, in the request's language; the same whoever the name belongs to."""
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    return ngettext(
        "Đăng nhập tạm thời bị khóa vì nhập sai quá nhiều lần. Hãy thử lại sau %(minutes)d phút hoặc nhờ quản trị "
        "viên mở khóa.",
        "Đăng nhập tạm thời bị khóa vì nhập sai quá nhiều lần. Hãy thử lại sau %(minutes)d phút hoặc nhờ quản trị "
        "viên mở khóa.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response, credentials) -> HttpResponse:
    """Axes' answer to a locked-out sign-in (AXES_LOCKOUT_CALLABLE): Wagtail's login page as the view rendered it,
    its form saying why (signin.forms.LoginForm), with the status 429 Too Many Requests."""
    if original_response is None or original_response.status_code != 200:  # not the login form: say it plainly
        return HttpResponse(lockout_message(), status=429, content_type="text/plain; charset=utf-8")
    original_response.status_code = 429
    return original_response


@dataclass(frozen=True)
class Lockout:
    """An account (`kind` ACCOUNT: `value` is the name typed) or a client address (ADDRESS) locked out now."""

    kind: str
    value: str
    failures: int
    last_failure: datetime

    @property
    def ends(self) -> datetime:
        """When the lockout lifts by itself if nothing else fails."""
        return self.last_failure + settings.AXES_COOLOFF_TIME


def current_lockouts() -> list[Lockout]:
    """The accounts and client addresses locked out now, the latest failure first."""
    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    lockouts = []
    for kind, limit in ((ACCOUNT, settings.AXES_FAILURE_LIMIT), (ADDRESS, settings.LOGIN_FAILURES_PER_ADDRESS)):
        rows = (
            recent.exclude(**{kind: None})
            .values(kind)
            .annotate(failures=Sum("failures_since_start"), last_failure=Max("attempt_time"))
            .filter(failures__gte=limit)
        )
        lockouts += [Lockout(kind, row[kind], row["failures"], row["last_failure"]) for row in rows]
    return sorted(lockouts, key=lambda lockout: lockout.last_failure, reverse=True)


def unlock(kind: str, value: str, user) -> int:
    """Lift the lockout of an account (`kind` ACCOUNT, `value` the name) or a client address (ADDRESS) by forgetting
    its failed attempts, and record in Wagtail's audit log that `user` did. Returns the attempts forgotten."""
    attempts = AccessAttempt.objects.filter(**{kind: value})
    latest = attempts.order_by("-attempt_time").first()
    if latest is None:
        return 0
    log(latest, UNLOCK_ACTION, user=user, title=value, data={kind: value})
    deleted, _by_model = attempts.delete()
    return deleted
