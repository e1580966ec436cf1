from django.apps import AppConfig


class LeadershipConfig(AppConfig):
    """The leaders of each site (Điều 8.2.a) and their weekly work schedule (lịch công tác, Điều 8.2.c)."""

    name = "leadership"
    verbose_name = "Lãnh đạo, lịch công tác"
