from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """Legal documents (R5): the library each site publishes and its search tool."""

    name = "documents"
    label = "legal_documents"  # "documents" would clash with wagtail.documents' label.
    verbose_name = "Văn bản"

    def ready(self):
        from . import signals  # noqa: F401
