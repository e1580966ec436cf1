"""Legal documents (R5). The library's section page; documents and their search come with their issue."""

from django.utils.translation import gettext_lazy as _

from home.models.pages import SectionPage


class LegalDocumentIndexPage(SectionPage):
    """A site's legal-documents section (/van-ban/): the documents it publishes."""

    subpage_types = ["home.StandardPage"]
    max_count_per_parent = 1
    template = "documents/legal_document_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục văn bản")
        verbose_name_plural = _("chuyên mục văn bản")
