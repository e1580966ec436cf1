from django.apps import AppConfig


class OversightConfig(AppConfig):
    """The posting time limits watched (R10, Điều 9.1): every item's state, the BBT's dashboard, the daily digest,
    and the English coverage of each site (Điều 8.3)."""

    name = "oversight"
    verbose_name = "Theo dõi thời hạn đăng tin"
