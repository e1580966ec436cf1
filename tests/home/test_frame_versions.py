"""The frame's cache version is per site and language (issue 15 §1): a change renews only the frames that show it,
a draft renews none, and the portal's home, which aggregates every site's news, follows a news article at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.queries import frame_version

from .helpers import add_page, english, section
from .test_front_page import get
from .test_news import add_news

pytestmark = pytest.mark.django_db


def versions(*agencies) -> dict:
    return {(agency.code, code): frame_version(agency.site.pk, code) for agency in agencies for code in ("vi", "en")}


def queries_of(client, agency, path: str) -> int:
    """The queries of a second (warm) visit to `path`."""
    get(client, agency, path)
    with CaptureQueriesContext(connection) as captured:
        assert get(client, agency, path).status_code == 200
    return len(captured)


def test_a_draft_leaves_every_frame_cached(client, portal, agency, other_agency):
    news = add_news(section(agency, "tin-tuc"), "Tin đã đăng", "tin-da-dang")
    warm = {(a.code, path): queries_of(client, a, path) for a in (portal, agency) for path in ("/", "/en/")}
    before = versions(portal, agency, other_agency)

    intro = section(agency, "gioi-thieu")
    intro.title = "Giới thiệu (bản nháp)"
    intro.save_revision()  # saved, not published
    news.title = "Tin sửa chưa đăng"
    news.save_revision()
    draft = section(agency, "tin-tuc").add_child(
        instance=type(news)(title="Tin nháp", slug="tin-nhap", lead="Nháp", date=news.date, live=False)
    )
    draft.save_revision()

    assert versions(portal, agency, other_agency) == before
    for (code, path), count in warm.items():
        owner = portal if code == portal.code else agency
        with CaptureQueriesContext(connection) as captured:
            html = get(client, owner, path).text
        assert len(captured) == count  # nothing recomputed
        assert "bản nháp" not in html and "Tin sửa chưa đăng" not in html and "Tin nháp" not in html


def test_a_publish_renews_its_sites_frames_and_not_another_sites(client, portal, agency, other_agency):
    get(client, agency, "/")
    before = versions(portal, agency, other_agency)

    intro = section(agency, "gioi-thieu")
    intro.title = "Giới thiệu chung"
    intro.save_revision().publish()

    after = versions(portal, agency, other_agency)
    assert after[agency.code, "vi"] != before[agency.code, "vi"]
    assert after[agency.code, "en"] != before[agency.code, "en"]  # its language links name the Vietnamese page
    assert after[other_agency.code, "vi"] == before[other_agency.code, "vi"]
    assert after[other_agency.code, "en"] == before[other_agency.code, "en"]
    assert after[portal.code, "vi"] == before[portal.code, "vi"]  # the portal does not show an agency's sections
    assert ">Giới thiệu chung</a>" in get(client, agency).text  # the home page's sections, kept with the frame


def test_a_news_article_renews_its_site_and_the_portal_whose_home_shows_it(client, portal, agency, other_agency):
    assert "Sở mở lớp tập huấn" not in get(client, portal).text  # the portal's home news cached now
    before = versions(portal, agency, other_agency)

    article = add_news(section(agency, "tin-tuc"), "Sở mở lớp tập huấn", "tap-huan")

    after = versions(portal, agency, other_agency)
    assert (
        after[agency.code, "vi"] != before[agency.code, "vi"] and after[portal.code, "vi"] != before[portal.code, "vi"]
    )
    assert after[other_agency.code, "vi"] == before[other_agency.code, "vi"]
    assert "Sở mở lớp tập huấn" in get(client, portal).text and "Sở mở lớp tập huấn" in get(client, agency).text

    article.unpublish()
    assert "Sở mở lớp tập huấn" not in get(client, portal).text and "Sở mở lớp tập huấn" not in get(client, agency).text


def test_moving_and_deleting_a_page_renew_the_frames_that_showed_it(client, agency, other_agency):
    page = add_page(agency.site.root_page, "Chuyên mục tạm", slug="chuyen-muc-tam", show_in_menus=True)
    assert "Chuyên mục tạm" in get(client, agency, "/gioi-thieu/").text
    before = versions(agency, other_agency)

    page.move(section(agency, "gioi-thieu"), pos="last-child")
    assert "Chuyên mục tạm</a></li>" not in get(client, agency, "/gioi-thieu/").text.split("</nav>")[0]
    assert versions(agency, other_agency)[other_agency.code, "vi"] == before[other_agency.code, "vi"]

    moved = add_page(agency.site.root_page, "Chuyên mục bỏ", slug="chuyen-muc-bo", show_in_menus=True)
    assert "Chuyên mục bỏ" in get(client, agency, "/gioi-thieu/").text
    moved.delete()
    assert "Chuyên mục bỏ" not in get(client, agency, "/gioi-thieu/").text


def test_an_english_advertisement_renews_only_the_english_frame(agency):
    from .test_advertising import add_slot

    before = versions(agency)
    add_slot(agency, "Chỉ tiếng Anh", language="en")
    after = versions(agency)
    assert (
        after[agency.code, "en"] != before[agency.code, "en"] and after[agency.code, "vi"] == before[agency.code, "vi"]
    )


def test_the_portal_home_takes_no_more_queries_than_an_agency_home(client, portal, agency):
    add_news(section(portal, "tin-tuc"), "Tin của tỉnh", "tin-cua-tinh")
    add_news(section(agency, "tin-tuc"), "Tin của sở", "tin-cua-so")
    add_page(english(section(agency, "gioi-thieu")), "English page", slug="english-page")

    for path in ("/", "/en/"):
        assert queries_of(client, portal, path) <= queries_of(client, agency, path)


def test_the_cached_home_news_carries_its_pictures(client, portal, agency):
    """The articles kept with the frame carry their list picture: a warm home page reads no rendition and writes no
    image file (Wagtail trusts a prefetch, so one made without the picture regenerated it on every view)."""
    image = get_image_model().objects.create(title="Ảnh tin", file=get_test_image_file(), collection=agency.collection)
    add_news(section(agency, "tin-tuc"), "Tin có ảnh", "tin-co-anh", image=image)
    for owner in (agency, portal):
        get(client, owner)
        with CaptureQueriesContext(connection) as captured:
            assert 'class="news-item__image"' in get(client, owner).text
        assert not [query for query in captured.captured_queries if "wagtailimages_rendition" in query["sql"]]
