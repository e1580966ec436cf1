from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    """The organisation chart (Điều 8.2.a) and the directory of officials with their vCards (Điều 8.2.k)."""

    name = "organisation"
    verbose_name = "Cơ cấu tổ chức"
