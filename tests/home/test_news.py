"""News (Điều 8.2.b, 5.3): categories after `migrate`, featured articles, the source of reposted material refused
without its link in the page editor, the news index filtered by category in both languages."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import NewsCategory, NewsPage
from home.models.news import Origin

from .helpers import edit_url, english, section

pytestmark = pytest.mark.django_db

STANDARD = [
    "Tin hoạt động",
    "Thông báo",
    "Chỉ đạo điều hành",
    "Tin từ các sở, ngành, địa phương",
    "Sự kiện",
]


def add_news(parent, title, slug, days_ago=0, **fields) -> NewsPage:
    """A live article under `parent`, `days_ago` days old."""
    page = parent.add_child(
        instance=NewsPage(
            title=title,
            slug=slug,
            locale=parent.locale,
            lead=f"Tóm tắt: {title}",
            body=[("paragraph", rich_text(f"<p>{title}</p>"))],
            date=timezone.now() - timedelta(days=days_ago),
            **fields,
        )
    )
    page.save_revision().publish()
    return page


def category(slug: str) -> NewsCategory:
    return NewsCategory.objects.get(slug=slug)


def news_form(page: NewsPage, **changes) -> dict:
    """POST data for Wagtail's page editor of a NewsPage, as the editor would send it."""
    values = {
        "title": page.title,
        "slug": page.slug,
        "date": timezone.localtime(page.date).strftime("%Y-%m-%d %H:%M"),
        "category": str(page.category_id),
        "lead": page.lead,
        "image": "",
        "body": streamfield([("paragraph", rich_text("<p>Nội dung</p>"))]),
        "author": "",
        "origin": Origin.OWN,
        "source": "",
        "source_url": "",
        "seo_title": "",
        "search_description": "",
    }
    values.update(changes)
    if values.get("featured") is False:
        values.pop("featured")
    return nested_form_data(values)


def test_the_standard_categories_exist_after_migrate_in_both_languages():
    names = dict(NewsCategory.objects.values_list("name", "name_en"))
    assert set(STANDARD) <= set(names)
    assert names["Thông báo"] == "Announcements" and names["Sự kiện"] == "Events"
    assert list(NewsCategory.objects.values_list("name", flat=True)[:5]) == STANDARD  # in the list's order


def test_a_new_article_is_an_activity_unless_the_editor_chooses(agency):
    article = add_news(section(agency, "tin-tuc"), "Hội nghị giao ban", "hoi-nghi")
    assert article.category.slug == "tin-hoat-dong"
    assert article.origin == Origin.OWN and not article.featured


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"origin": Origin.REPOSTED}, {"source", "source_url"}),
        ({"origin": Origin.QUOTED, "source": "Báo Quảng Ngãi"}, {"source_url"}),
        ({"origin": Origin.REPOSTED, "source_url": "https://baoquangngai.vn/bai-goc"}, {"source"}),
    ],
)
def test_the_editor_refuses_reposted_material_without_its_source_and_link(client, agency, editor, changes, errors):
    article = add_news(section(agency, "tin-tuc"), "Tin đăng lại", "tin-dang-lai")
    revisions = Revision.objects.count()
    client.force_login(editor)

    response = client.post(edit_url(article), news_form(article, **changes))

    assert response.status_code == 200  # the editor again, with the errors
    form = response.context["form"]
    assert set(form.errors) == errors
    if "source" in errors:
        assert form.errors["source"] == ["Tin, bài đăng lại hoặc trích dẫn phải ghi tên nguồn."]
    if "source_url" in errors:
        assert form.errors["source_url"] == ["Tin, bài đăng lại hoặc trích dẫn phải có liên kết đến bài gốc."]
    assert "Tin, bài đăng lại hoặc trích dẫn" in response.text  # shown on the fields
    assert Revision.objects.count() == revisions


def test_the_editor_saves_reposted_material_with_its_source_and_link(client, agency, editor):
    article = add_news(section(agency, "tin-tuc"), "Tin trích dẫn", "tin-trich-dan")
    client.force_login(editor)
    data = news_form(
        article,
        origin=Origin.QUOTED,
        source="Báo Quảng Ngãi",
        source_url="https://baoquangngai.vn/bai-goc",
        category=str(category("thong-bao").pk),
        featured="on",
    )

    response = client.post(edit_url(article), data)

    assert response.status_code == 302
    draft = NewsPage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert (draft.origin, draft.source, draft.category.slug, draft.featured) == (
        Origin.QUOTED,
        "Báo Quảng Ngãi",
        "thong-bao",
        True,
    )


def test_the_news_index_filters_by_category_with_a_shareable_address(client, agency):
    news = section(agency, "tin-tuc")
    add_news(news, "Thông báo lịch tiếp dân", "lich-tiep-dan", category=category("thong-bao"))
    add_news(news, "Giao ban tháng", "giao-ban-thang", days_ago=1)
    host = agency.site.hostname

    everything = client.get("/tin-tuc/", HTTP_HOST=host).text
    notices = client.get("/tin-tuc/?loai=thong-bao", HTTP_HOST=host).text

    assert "Thông báo lịch tiếp dân" in everything and "Giao ban tháng" in everything
    assert "Thông báo lịch tiếp dân" in notices and "Giao ban tháng" not in notices
    assert '<a class="category-filter__link" href="?loai=thong-bao" aria-current="true">Thông báo</a>' in notices
    assert client.get("/tin-tuc/?loai=khong-co", HTTP_HOST=host).status_code == 200  # unknown: everything


def test_english_pages_name_the_categories_in_english(client, agency):
    news = section(agency, "tin-tuc")
    article = add_news(news, "Thông báo tuyển dụng", "tuyen-dung", category=category("thong-bao"))
    translation = article.copy_for_translation(english(news).locale)
    translation.title = "Recruitment notice"
    translation.save_revision().publish()
    host = agency.site.hostname

    listing = client.get("/en/news/?category=thong-bao", HTTP_HOST=host).text

    assert "Recruitment notice" in listing
    assert '<span class="news-item__category">Announcements</span>' in listing
    assert 'href="?category=su-kien">Events</a>' in listing
    assert "Announcements" in client.get(translation.url, HTTP_HOST=host).text


def test_the_home_page_shows_featured_articles_first(client, agency):
    news = section(agency, "tin-tuc")
    add_news(news, "Tin mới nhất", "moi-nhat")
    add_news(news, "Tin nổi bật tuần trước", "noi-bat", days_ago=7, featured=True)

    html = client.get("/", HTTP_HOST=agency.site.hostname).text

    assert html.index("Tin nổi bật tuần trước") < html.index("Tin mới nhất")
    assert "news-item--featured" in html


def test_the_news_index_query_count_does_not_grow_with_articles(client, agency):
    news = section(agency, "tin-tuc")
    host = agency.site.hostname

    def count(path):
        client.get(path, HTTP_HOST=host)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path, HTTP_HOST=host).status_code == 200
        return len(captured)

    add_news(news, "Tin một", "tin-mot")
    few = count("/tin-tuc/"), count("/tin-tuc/?loai=tin-hoat-dong")
    for number in range(8):
        kind = category("su-kien" if number % 2 else "tin-hoat-dong")
        add_news(news, f"Tin số {number}", f"tin-so-{number}", category=kind)
    assert (count("/tin-tuc/"), count("/tin-tuc/?loai=tin-hoat-dong")) == few


def test_the_categories_list_is_for_administrators(client, agency, moderator, make_user):
    url = reverse("news-categories:index")
    client.force_login(moderator)
    assert client.get(url).status_code in (302, 403)
    client.force_login(make_user("quantri", is_superuser=True))
    assert "Tin từ các sở, ngành, địa phương" in client.get(url).text
