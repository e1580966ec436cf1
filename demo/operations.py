"""The demo's planned downtime: one maintenance window announced by the administrator on the day of seeding, about
ten working days ahead, so that every site shows its notice. Content in demo/data/operations.yaml; idempotent (no
second window while one is still to come)."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.onboarding import Onboarding
from operations.models import MaintenanceWindow
from vietnam.workdays import add_working_days

from .loader import read


def seed_maintenance(result: Onboarding) -> None:
    """Announce the demo's window unless a window not over yet exists."""
    if MaintenanceWindow.objects.filter(ends_at__gt=timezone.now()).exists():
        result.note(False, "lịch tạm ngừng để bảo trì")
        return
    data = read("operations")["maintenance"]
    day = add_working_days(timezone.localdate(), data["working_days_ahead"])
    starts_at = timezone.make_aware(datetime.combine(day, datetime.strptime(data["starts_at"], "%H:%M").time()))
    window = MaintenanceWindow(
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=data["hours"]),
        reason=data["reason"],
        reason_en=data["reason_en"],
        announced_by=get_user_model().objects.filter(is_superuser=True).order_by("pk").first(),
    )
    window.full_clean()
    window.save()
    result.note(True, f"lịch tạm ngừng để bảo trì: {window}")
