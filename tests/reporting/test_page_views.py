"""Page views per site, section and day (Điều 16.1.c), counted by the page's beacon (reporting.usage): a person's
reading counts, in either language, under the section's one key; robots, other sites' and unpublished pages do
not; serving a page writes nothing; the beacons are written in batches; nothing personal is kept."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reporting.models import PageViewCount
from reporting.usage import BUFFER
from tests.finder.helpers import add_news
from tests.home.helpers import english, section

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile"
BEACON = "/usage/view"


@pytest.fixture(autouse=True)
def written_at_once(settings):
    """Each beacon written as it comes (the batch's own test sets its size)."""
    settings.USAGE_FLUSH_HITS = 1
    yield
    BUFFER.flush()


def views(agency) -> dict:
    return {(str(row.section_key), row.day): row.views for row in PageViewCount.objects.filter(site=agency.site)}


def beacon(client, agency, page, agent=BROWSER, **data):
    return client.post(BEACON, {"page": page.pk, **data}, HTTP_HOST=agency.site.hostname, HTTP_USER_AGENT=agent)


def test_a_persons_readings_count_under_the_section_in_both_languages(client, agency):
    news = section(agency, "tin-tuc")
    article = add_news(agency, "Hội nghị chuyển đổi số tỉnh Quảng Ngãi")
    yesterday = timezone.localdate() - timedelta(days=1)
    PageViewCount.objects.create(site=agency.site, section_key=news.translation_key, day=yesterday, views=5)

    for page in (article, news, english(news)):
        assert beacon(client, agency, page).status_code == 204

    today = timezone.localdate()
    assert views(agency) == {(str(news.translation_key), yesterday): 5, (str(news.translation_key), today): 3}


def test_the_home_page_is_its_own_section(client, agency):
    home = agency.site.root_page
    beacon(client, agency, home)
    beacon(client, agency, english(home))

    assert views(agency) == {(str(home.translation_key), timezone.localdate()): 2}


def test_every_page_carries_its_beacon_and_serving_it_writes_nothing(client, agency):
    news = section(agency, "tin-tuc")
    client.get(news.url, HTTP_HOST=agency.site.hostname, HTTP_USER_AGENT=BROWSER)  # warm the caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(news.url, HTTP_HOST=agency.site.hostname, HTTP_USER_AGENT=BROWSER)

    assert f'src="/static/js/usage-beacon.js" data-url="{BEACON}" data-page="{news.pk}"' in response.text
    reads = ("SELECT", "SAVEPOINT", "RELEASE")
    writes = [query["sql"] for query in queries if not query["sql"].lstrip().upper().startswith(reads)]
    assert writes == []
    assert not PageViewCount.objects.exists()


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "python-requests/2.32.3",
        "",
    ],
)
def test_robots_are_not_counted(client, agency, agent):
    response = beacon(client, agency, section(agency, "tin-tuc"), agent=agent)

    assert response.status_code == 204
    assert not PageViewCount.objects.exists()


def test_a_preview_has_no_beacon(rf, agency):
    news = section(agency, "tin-tuc")

    response = news.make_preview_request(original_request=rf.get("/admin/", HTTP_HOST=agency.site.hostname))

    assert response.status_code == 200 and b"usage-beacon.js" not in response.content


def test_each_site_counts_its_own_pages_only(client, agency, other_agency):
    beacon(client, agency, agency.site.root_page)
    beacon(client, other_agency, other_agency.site.root_page)
    beacon(client, other_agency, other_agency.site.root_page)
    beacon(client, other_agency, agency.site.root_page)  # another site's page, named on this one: not counted

    assert sum(views(agency).values()) == 1
    assert sum(views(other_agency).values()) == 2


def test_an_unpublished_page_or_a_bad_beacon_is_not_counted(client, agency):
    news = section(agency, "tin-tuc")
    news.unpublish()

    assert beacon(client, agency, news).status_code == 204
    assert client.post(BEACON, {"page": "x"}, HTTP_HOST=agency.site.hostname).status_code == 400
    assert client.get(BEACON, {"page": news.pk}, HTTP_HOST=agency.site.hostname).status_code == 405
    assert not PageViewCount.objects.exists()


def test_beacons_are_written_in_one_statement_per_batch(client, agency, settings):
    settings.USAGE_FLUSH_HITS, settings.USAGE_FLUSH_SECONDS = 3, 3600
    news, home = section(agency, "tin-tuc"), agency.site.root_page

    with CaptureQueriesContext(connection) as queries:
        beacon(client, agency, news)
        beacon(client, agency, english(news))
        assert not PageViewCount.objects.exists() and BUFFER.waiting() == 2
        beacon(client, agency, home)

    writes = [query["sql"] for query in queries if "reporting_pageviewcount" in query["sql"]]
    assert len(writes) == 2  # the check above, then one INSERT … ON CONFLICT for the batch
    assert writes[1].startswith("INSERT") and "ON CONFLICT" in writes[1]
    today = timezone.localdate()
    assert views(agency) == {(str(news.translation_key), today): 2, (str(home.translation_key), today): 1}


def test_a_batch_that_fails_to_write_is_kept_for_the_next(client, agency, settings, monkeypatch):
    settings.USAGE_FLUSH_HITS, settings.USAGE_FLUSH_SECONDS = 2, 3600
    news = section(agency, "tin-tuc")
    beacon(client, agency, news)

    def down(counts):
        raise ConnectionError("database restarting")

    monkeypatch.setattr("reporting.usage.record_page_views", down)
    with pytest.raises(ConnectionError):
        BUFFER.flush()
    monkeypatch.undo()

    assert BUFFER.waiting() == 1
    assert BUFFER.flush() == 1
    assert views(agency) == {(str(news.translation_key), timezone.localdate()): 1}
