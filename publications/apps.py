from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    """Dated publications with files (Điều 8.2.c, đ; 9.1.e, g): strategies and plans, statistics reports, science
    programmes, commendations and sanctions."""

    name = "publications"
    verbose_name = "Quy hoạch, kế hoạch, thống kê, khoa học, khen thưởng"
