"""Models of the `home` app: one module per family, re-exported here for Django and Wagtail."""

from .agencies import Agency, SiteContactSettings
from .news import NewsIndexPage, NewsPage
from .pages import ContactPage, HomePage, IndexPage, OfficialContact, SectionPage, StandardPage

__all__ = [
    "Agency",
    "ContactPage",
    "HomePage",
    "IndexPage",
    "NewsIndexPage",
    "NewsPage",
    "OfficialContact",
    "SectionPage",
    "SiteContactSettings",
    "StandardPage",
]
