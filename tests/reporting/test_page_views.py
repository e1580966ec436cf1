"""Page views per site, section and day (Điều 16.1.c): a person's GET counts, in either language, under the
section's one key; robots, HEAD requests and previews do not; nothing personal is kept."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from reporting.models import PageViewCount
from tests.finder.helpers import add_news
from tests.home.helpers import english, section

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile"


def views(agency) -> dict:
    return {(str(row.section_key), row.day): row.views for row in PageViewCount.objects.filter(site=agency.site)}


def test_a_persons_readings_count_under_the_section_in_both_languages(client, agency):
    news = section(agency, "tin-tuc")
    article = add_news(agency, "Hội nghị chuyển đổi số tỉnh Quảng Ngãi")
    yesterday = timezone.localdate() - timedelta(days=1)
    PageViewCount.objects.create(site=agency.site, section_key=news.translation_key, day=yesterday, views=5)

    for path in (article.url, news.url, english(news).url):
        response = client.get(path, HTTP_HOST=agency.site.hostname, HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200

    today = timezone.localdate()
    assert views(agency) == {(str(news.translation_key), yesterday): 5, (str(news.translation_key), today): 3}


def test_the_home_page_is_its_own_section(client, agency):
    response = client.get("/", HTTP_HOST=agency.site.hostname, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    response = client.get("/en/", HTTP_HOST=agency.site.hostname, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200

    home = agency.site.root_page
    assert views(agency) == {(str(home.translation_key), timezone.localdate()): 2}


@pytest.mark.parametrize(
    ("agent", "method"),
    [
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "get"),
        ("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "get"),
        ("python-requests/2.32.3", "get"),
        ("", "get"),
        (BROWSER, "head"),
    ],
)
def test_robots_and_head_requests_are_not_counted(client, agency, agent, method):
    response = getattr(client, method)(
        section(agency, "tin-tuc").url, HTTP_HOST=agency.site.hostname, HTTP_USER_AGENT=agent
    )

    assert response.status_code == 200
    assert not PageViewCount.objects.exists()


def test_a_preview_is_not_counted(rf, agency):
    news = section(agency, "tin-tuc")
    editing = rf.get("/admin/", HTTP_HOST=agency.site.hostname, HTTP_USER_AGENT=BROWSER)

    response = news.make_preview_request(original_request=editing)

    assert response.status_code == 200
    assert not PageViewCount.objects.exists()


def test_each_site_counts_its_own(client, agency, other_agency):
    for site_agency in (agency, other_agency, other_agency):
        client.get("/", HTTP_HOST=site_agency.site.hostname, HTTP_USER_AGENT=BROWSER)

    assert sum(views(agency).values()) == 1
    assert sum(views(other_agency).values()) == 2


def test_counting_is_one_statement(client, agency):
    news = section(agency, "tin-tuc")
    client.get(news.url, HTTP_HOST=agency.site.hostname, HTTP_USER_AGENT=BROWSER)  # warm the caches
    with CaptureQueriesContext(connection) as queries:
        client.get(news.url, HTTP_HOST=agency.site.hostname, HTTP_USER_AGENT=BROWSER)

    writes = [query["sql"] for query in queries if "reporting_pageviewcount" in query["sql"]]
    assert len(writes) == 1 and writes[0].startswith("INSERT") and "ON CONFLICT" in writes[0]


def test_a_page_its_restriction_turns_away_is_not_counted(client, agency):
    news = section(agency, "tin-tuc")
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(news.url, HTTP_HOST=agency.site.hostname, HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 302
    assert not PageViewCount.objects.exists()
