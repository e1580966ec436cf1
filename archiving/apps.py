from django.apps import AppConfig


class ArchivingConfig(AppConfig):
    """A site's content as one archive file, and back into another installation (R13, Điều 9.2)."""

    name = "archiving"
    verbose_name = "Lưu trữ, phục hồi trang"
