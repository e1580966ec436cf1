"""Models of the `home` app: one module per family, re-exported here for Django and Wagtail."""

from .advertising import AdvertisementSlot, AdvertisingSettings
from .agencies import Agency, SiteContactSettings
from .news import NewsCategory, NewsIndexPage, NewsPage
from .pages import ContactPage, HomePage, IndexPage, OfficialContact, SectionPage, StandardPage
from .posting import PostingRule

__all__ = [
    "AdvertisementSlot",
    "AdvertisingSettings",
    "Agency",
    "ContactPage",
    "HomePage",
    "IndexPage",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "OfficialContact",
    "PostingRule",
    "SectionPage",
    "SiteContactSettings",
    "StandardPage",
]
