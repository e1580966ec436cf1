"""Helpers for following's tests: the form's data, news published at a given time, the token in an e-mail."""

import re
from datetime import datetime, timedelta

from django.utils import timezone

from home.models import NewsPage
from tests.home.helpers import english, section
from vietnam.text import slugify

FOLLOW = "/theo-doi/"


def host(agency) -> dict:
    return {"HTTP_HOST": agency.site.hostname}


def follow_data(*agencies, **fields) -> dict:
    return {
        "email": "Nguyen.Van.An@Example.VN",
        "agencies": [str(agency.pk) for agency in agencies],
        "topics": ["news", "documents"],
        "frequency": "hang-ngay",
        "website": "",
        **fields,
    }


def subscribe(client, agency, *agencies, path=FOLLOW, **fields):
    return client.post(path, follow_data(*(agencies or [agency]), **fields), **host(agency))


def link_in(body: str, route: str) -> str:
    """The path of the first link of `route` ("xac-nhan", "quan-ly", "confirm"…) in an e-mail's body."""
    return re.search(rf"https?://[^/\s]+(/\S*/{route}/[^/\s]+/)", body).group(1)


def publish_news(agency, title: str, at: datetime, language: str = "vi") -> NewsPage:
    """A live news article on the agency's site, first published at `at`."""
    parent = section(agency, "tin-tuc")
    if language == "en":
        parent = english(parent)
    news = NewsPage(title=title, slug=slugify(title), lead="Tóm tắt.", locale=parent.locale, date=at)
    page = parent.add_child(instance=news)
    page.save_revision().publish()
    NewsPage.objects.filter(pk=page.pk).update(first_published_at=at)
    return page


def days_ago(days: float) -> datetime:
    return timezone.now() - timedelta(days=days)
