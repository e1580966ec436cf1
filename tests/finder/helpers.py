"""Pages and searches for the site-search tests."""

import datetime

from django.utils import timezone

from finder.models import PAGE_SOURCE, SearchEntry
from home.models import NewsPage
from tests.home.helpers import section
from vietnam.text import slugify


def add_news(agency, title: str, lead: str = "Tin ngắn.", language: str = "vi", date=None, **fields) -> NewsPage:
    """A live news article in the agency's news section, published through a revision (as the admin does)."""
    news = section(agency, "tin-tuc", language)
    page = NewsPage(
        title=title,
        slug=fields.pop("slug", None) or slugify(title),
        lead=lead,
        body=[("paragraph", f"<p>{fields.pop('text', 'Nội dung bài viết.')}</p>")],
        date=date or timezone.now() - datetime.timedelta(hours=1),
        **fields,
    )
    news.add_child(instance=page)
    page.save_revision().publish()
    return page


def entry_of(page) -> SearchEntry | None:
    return SearchEntry.objects.filter(source=PAGE_SOURCE, object_id=page.pk).first()


def search(client, agency, language: str = "vi", **params):
    """The results page of the agency's site, in `language`."""
    path = "/tim-kiem/" if language == "vi" else "/en/search/"
    response = client.get(path, params, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return response


def titles(response) -> list[str]:
    results = response.context["results"]
    return [result.title for result in results] if results else []
