"""Where a bidding notice stands, computed from its closing time at the moment of the request (Asia/Ho_Chi_Minh).

Nothing is stored: a notice open this morning is closed this afternoon without anyone saving it. The same rule is
written twice, once in Python for one notice (`stage_of`) and once in SQL for the listing's filters and counts
(`stage_condition`, `stage_expression`); tests hold them to the same answers around each boundary.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _

# A notice closing within this many days (counted in hours from now) is "closing soon".
DEFAULT_CLOSING_SOON_DAYS = 3


class Stage(models.TextChoices):
    """Đang mời thầu, sắp đóng thầu, đã đóng thầu; a cancelled notice is "đã hủy" whatever its dates."""

    OPEN = "dang-moi-thau", _("Đang mời thầu")
    CLOSING_SOON = "sap-dong-thau", _("Sắp đóng thầu")
    CLOSED = "da-dong-thau", _("Đã đóng thầu")
    CANCELLED = "da-huy", _("Đã hủy")


def closing_soon_days() -> int:
    """How many days before its closing time a notice counts as closing soon (PROCUREMENT_CLOSING_SOON_DAYS)."""
    return getattr(settings, "PROCUREMENT_CLOSING_SOON_DAYS", DEFAULT_CLOSING_SOON_DAYS)


def stage_of(closes_at: datetime | None, cancelled: bool, now: datetime) -> str:
    """The stage of a notice closing at `closes_at` (None: it takes no bids, e.g. a plan or a result) at `now`;
    "" when it has none. Bids are accepted until the closing time itself, not at it."""
    if cancelled:
        return Stage.CANCELLED
    if closes_at is None:
        return ""
    if closes_at <= now:
        return Stage.CLOSED
    if closes_at <= now + timedelta(days=closing_soon_days()):
        return Stage.CLOSING_SOON
    return Stage.OPEN


def stage_condition(stage: str, now: datetime) -> Q:
    """The condition on notices that they are at `stage` at `now` (as `stage_of` says)."""
    soon = now + timedelta(days=closing_soon_days())
    cancelled = Q(status="da-huy")
    if stage == Stage.CANCELLED:
        return cancelled
    conditions = {
        Stage.CLOSED: Q(closes_at__lte=now),
        Stage.CLOSING_SOON: Q(closes_at__gt=now, closes_at__lte=soon),
        Stage.OPEN: Q(closes_at__gt=soon),
    }
    return conditions[stage] & ~cancelled


def stage_expression(now: datetime) -> Case:
    """Each notice's stage at `now` as an SQL expression, for counting the listing by stage in its grouped query."""
    return Case(
        *[When(stage_condition(stage, now), then=Value(stage.value)) for stage in Stage],
        default=Value(""),
        output_field=models.CharField(),
    )
