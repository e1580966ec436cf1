from django.apps import AppConfig


class TerritoryConfig(AppConfig):
    """The province's territory (R4 a, Điều 8.2.a): its commune-level units and their map, its history, culture,
    relics and scenic spots."""

    name = "territory"
    verbose_name = "Địa giới, lịch sử, văn hóa"
