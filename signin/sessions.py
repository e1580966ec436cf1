"""Staff sessions end STAFF_SESSION_IDLE_MINUTES after the last request and STAFF_SESSION_MAX_HOURS after sign-in.

Both moments are kept in the session itself (seconds since the epoch), so the limits hold whatever the cookie's
age says and whichever session backend stores it.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

SIGNED_IN_KEY = "signin:signed_in"
LAST_SEEN_KEY = "signin:last_seen"
# Activity is written to the session at most once a minute, not on every request.
TOUCH_SECONDS = 60


def record_sign_in(sender, request, user, **kwargs) -> None:
    """On sign-in (the password step): start both clocks."""
    now = timezone.now().timestamp()
    request.session[SIGNED_IN_KEY] = now
    request.session[LAST_SEEN_KEY] = now


def why_ended(session, now: float) -> str | None:
    """Why a signed-in session has ended at `now` ("idle", "too_long", "unknown"), or None while it is good."""
    signed_in, last_seen = session.get(SIGNED_IN_KEY), session.get(LAST_SEEN_KEY)
    if signed_in is None or last_seen is None:
        # Signed in before these limits existed: start again.
        return "unknown"
    if now - signed_in > settings.STAFF_SESSION_MAX_HOURS * 3600:
        return "too_long"
    if now - last_seen > settings.STAFF_SESSION_IDLE_MINUTES * 60:
        return "idle"
    return None


def ended_message(reason: str) -> str:
    """What the login page tells a user whose session ended for `reason`, in the active language."""
    if reason == "too_long":
        return _("Phiên làm việc đã kết thúc vì đã quá %(hours)s giờ kể từ khi đăng nhập. Vui lòng đăng nhập lại.") % {
            "hours": settings.STAFF_SESSION_MAX_HOURS
        }
    if reason == "idle":
        return _("Phiên làm việc đã kết thúc sau %(minutes)s phút không hoạt động. Vui lòng đăng nhập lại.") % {
            "minutes": settings.STAFF_SESSION_IDLE_MINUTES
        }
    return _("Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.")


def touch(session, now: float) -> None:
    """Record activity (at most once a minute)."""
    if now - session.get(LAST_SEEN_KEY, 0) >= TOUCH_SECONDS:
        session[LAST_SEEN_KEY] = now
