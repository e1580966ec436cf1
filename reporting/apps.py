from django.apps import AppConfig


class ReportingConfig(AppConfig):
    """The periodic operations report (Điều 16.1.c) and the page views it counts."""

    name = "reporting"
    verbose_name = "Báo cáo hoạt động"
