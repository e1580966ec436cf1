"""Models of the `leadership` app: leaders, and the weekly work schedule."""

from .leaders import LeaderIndexPage, LeaderPage, LeaderResponsibility
from .schedule import ScheduleEntry, ScheduleIndexPage, WeekSchedulePage

__all__ = [
    "LeaderIndexPage",
    "LeaderPage",
    "LeaderResponsibility",
    "ScheduleEntry",
    "ScheduleIndexPage",
    "WeekSchedulePage",
]
