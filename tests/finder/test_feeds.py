"""Atom feeds of each site and each section, as a feed reader reads them (feedparser), linked from the pages."""

import datetime
import re

import feedparser
import pytest
from django.utils import timezone

from tests.home.helpers import add_page, section

from .helpers import add_news

pytestmark = pytest.mark.django_db


def read(client, agency, path):
    response = client.get(path, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def test_the_sites_feed_has_its_newest_items_of_every_section_and_no_other_sites(client, agency, other_agency):
    add_news(agency, "Tin mới nhất của Sở", lead="Sapo tin.")
    add_page(section(agency, "gioi-thieu"), "Chức năng, nhiệm vụ", slug="chuc-nang")
    add_news(other_agency, "Tin của xã")

    feed = read(client, agency, "/feed/")

    assert feed.feed.title == "Sở Thông tin và Truyền thông" and feed.feed.language == "vi"
    titles = [entry.title for entry in feed.entries]
    assert {"Chức năng, nhiệm vụ", "Tin mới nhất của Sở"} <= set(titles)
    assert "Tin của xã" not in titles and "Tin tức" not in titles  # no other site's, no section pages
    news = next(entry for entry in feed.entries if entry.title == "Tin mới nhất của Sở")
    assert news.link == f"http://{agency.site.hostname}/tin-tuc/tin-moi-nhat-cua-so/" and news.summary == "Sapo tin."
    assert news.updated_parsed is not None


def test_the_english_feed_is_in_english(client, agency):
    feed = read(client, agency, "/en/feed/")
    assert feed.feed.language == "en" and feed.feed.title == "Department of Information and Communications"


def test_every_section_has_its_feed_from_its_listing(client, agency):
    older = add_news(agency, "Tin cũ", date=timezone.now() - timezone.timedelta(days=3))
    add_news(agency, "Tin mới")

    feed = read(client, agency, "/tin-tuc/feed/")
    assert [entry.title for entry in feed.entries] == ["Tin mới", "Tin cũ"]
    assert feed.entries[1].link == older.get_full_url()
    assert feed.feed.title == "Tin tức – Sở Thông tin và Truyền thông"
    published = datetime.datetime(*feed.entries[1].published_parsed[:6], tzinfo=datetime.UTC)
    assert abs(published - older.date) < datetime.timedelta(seconds=1)

    add_page(section(agency, "gioi-thieu"), "Lịch sử hình thành", slug="lich-su")
    assert "Lịch sử hình thành" in [entry.title for entry in read(client, agency, "/gioi-thieu/feed/").entries]
    read(client, agency, "/lay-y-kien/feed/")  # a section type of another app, through its own listing
    read(client, agency, "/en/news/feed/")
    assert read(client, agency, "/van-ban/feed/").feed.title.startswith("Văn bản mới")  # documents keep their own


def test_pages_link_their_feeds(client, agency):
    home = client.get("/", HTTP_HOST=agency.site.hostname).text
    news = client.get("/tin-tuc/", HTTP_HOST=agency.site.hostname).text
    alternate = r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">'

    assert re.findall(alternate, home) == ["/feed/"]
    assert re.findall(alternate, news) == ["/feed/", "/tin-tuc/feed/"]
    assert re.findall(alternate, client.get("/van-ban/", HTTP_HOST=agency.site.hostname).text) == [
        "/feed/",
        "/van-ban/feed/",
    ]
