"""The public site: one site per host, two languages, the frame every page shares, errors, search."""

import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.models import NewsPage, SiteContactSettings

from .helpers import add_page, english, section

pytestmark = pytest.mark.django_db


def get(client, agency, path):
    return client.get(path, HTTP_HOST=agency.site.hostname)


def test_each_host_serves_its_own_site(client, portal, agency, other_agency):
    for owner in (portal, agency, other_agency):
        response = get(client, owner, "/")
        assert response.status_code == 200
        assert f'<span class="brand__name">{owner.name}</span>' in response.text
    assert "Ủy ban nhân dân tỉnh Quảng Ngãi" in get(client, agency, "/").text  # the agency's header names its province


def test_vietnamese_is_unprefixed_and_english_is_under_en(client, agency):
    vietnamese = get(client, agency, "/gioi-thieu/")
    english_page = get(client, agency, "/en/introduction/")

    assert '<html lang="vi">' in vietnamese.text and '<h1 class="page-title">Giới thiệu</h1>' in vietnamese.text
    assert '<html lang="en">' in english_page.text and '<h1 class="page-title">Introduction</h1>' in english_page.text
    assert get(client, agency, "/vi/gioi-thieu/").status_code == 404


def test_language_switcher_and_hreflang_lead_to_the_translation(client, agency):
    html = get(client, agency, "/gioi-thieu/").text
    host = f"http://{agency.site.hostname}"

    assert '<a href="/en/introduction/" lang="en" hreflang="en">English</a>' in html
    assert f'<link rel="alternate" hreflang="en" href="{host}/en/introduction/">' in html
    assert f'<link rel="alternate" hreflang="vi" href="{host}/gioi-thieu/">' in html
    back = get(client, agency, "/en/introduction/").text
    assert '<a href="/gioi-thieu/" lang="vi" hreflang="vi">Tiếng Việt</a>' in back


def test_switcher_falls_back_to_the_translated_home_without_a_translation(client, agency):
    intro = section(agency, "gioi-thieu")
    add_page(intro, "Chỉ có tiếng Việt", slug="chi-tieng-viet")

    html = get(client, agency, "/gioi-thieu/chi-tieng-viet/").text

    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in html
    assert 'hreflang="en" href=' not in html.split("</head>")[0]


def test_menu_and_breadcrumbs_come_from_the_sites_sections(client, agency):
    html = get(client, agency, "/en/contacts/").text
    nav = html.split('class="main-nav__list">')[1].split("</ul>")[0]

    assert re.findall(r">([^<>]+)</a>", nav) == [  # the sections' short menu labels (home/sections.py)
        "Home",
        "About",
        "News",
        "Direction",
        "Documents",
        "Procedures",
        "Plans &amp; projects",
        "Q&amp;A",
        "Consultation",
        "Contacts",
    ]
    assert '<nav class="breadcrumbs"' in html and '<span aria-current="page">Contacts</span>' in html


def last_of_children(parent, count: int):
    """Add `count` pages under `parent`; the last one."""
    return [add_page(parent, f"Mục {number}", slug=f"muc-{number}") for number in range(1, count + 1)][-1]


def test_the_menu_marks_only_the_section_a_deep_page_is_in(client, portal):
    """Tree paths are steps of four characters, so a deep page's path can hold another section's path in its
    middle: site "0001000k", its first section "…0001", that section's k-th child "…000k", whose second child's path
    "0001000k 0001 000k 0002" holds the second section's "0001000k 0002". Only a prefix says a page is in a section."""
    root = portal.site.root_page
    intro, news = (item.specific for item in root.get_children()[:2])
    # Tree steps count in base 36; the standard pages under the section (home/sections.py) are its first children.
    step = int(root.path[-4:], 36)
    if intro.get_children().count() < step:
        last_of_children(intro, step - intro.get_children().count())
    child = intro.get_children()[step - 1]
    deep = last_of_children(child, int(news.path[-4:], 36))
    assert news.path in deep.path and not deep.path.startswith(news.path)  # the case this test is about

    nav = get(client, portal, deep.url).text.split('class="main-nav__list">')[1].split("</ul>")[0]

    assert re.findall(r'aria-current="true">([^<>]+)</a>', nav) == [intro.title]


def test_the_frame_is_cached_until_a_page_changes(client, agency):
    """Header, menu, language links and breadcrumbs cost no query on a second visit, and follow every publication."""

    def nav(html: str) -> list[str]:
        return re.findall(r">([^<>]+)</a>", html.split('class="main-nav__list">')[1].split("</ul>")[0])

    get(client, agency, "/gioi-thieu/")
    with CaptureQueriesContext(connection) as second:
        html = get(client, agency, "/gioi-thieu/").text
    assert not [query for query in second.captured_queries if "home_agency" in query["sql"]]  # the header's agency
    assert "Liên hệ" in nav(html)

    contacts = section(agency, "lien-he")
    contacts.menu_title = "Liên hệ – góp ý"
    contacts.save_revision().publish()
    new_section = add_page(agency.site.root_page, "Chuyên mục mới", slug="chuyen-muc-moi", show_in_menus=True)
    html = get(client, agency, "/gioi-thieu/").text
    assert nav(html)[-2:] == ["Liên hệ – góp ý", "Chuyên mục mới"]

    intro = section(agency, "gioi-thieu")
    intro.title = "Giới thiệu chung"
    intro.save_revision().publish()
    add_page(intro, "Lịch sử", slug="lich-su")
    html = get(client, agency, "/gioi-thieu/lich-su/").text
    assert '<a href="/gioi-thieu/">Giới thiệu chung</a>' in html.split('class="breadcrumbs"')[1]

    new_section.unpublish()
    assert "Chuyên mục mới" not in nav(get(client, agency, "/gioi-thieu/").text)


def test_footer_shows_the_sites_own_contact_details(client, agency, other_agency):
    contact = SiteContactSettings.for_site(agency.site)
    contact.address, contact.address_en = "Số 1 Hùng Vương", "1 Hung Vuong Street"
    contact.phone, contact.fax, contact.email = "0255 3822 000", "0255 3822 001", "stttt@quangngai.gov.vn"
    contact.save()

    vietnamese, english_page, other = (
        get(client, agency, "/").text,
        get(client, agency, "/en/").text,
        get(client, other_agency, "/").text,
    )

    assert all(text in vietnamese for text in ("Số 1 Hùng Vương", "0255 3822 000", "0255 3822 001", "stttt@quangngai"))
    assert "1 Hung Vuong Street" in english_page
    assert "stttt@quangngai.gov.vn" not in other


def test_error_pages_speak_the_urls_language(client, agency):
    vietnamese = get(client, agency, "/khong-co-trang-nay/")
    english_page = get(client, agency, "/en/no-such-page/")

    assert vietnamese.status_code == english_page.status_code == 404
    assert "Không tìm thấy trang" in vietnamese.text and '<html lang="vi">' in vietnamese.text
    assert "Page not found" in english_page.text and '<html lang="en">' in english_page.text


def test_server_error_page_is_static_and_bilingual():
    from home.views import server_error

    response = server_error(None)

    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode() and "Server error" in response.content.decode()


def test_search_ignores_diacritics_and_stays_on_its_site(client, agency, other_agency):
    assert connection.vendor == "postgresql"
    intro = section(other_agency, "gioi-thieu")
    intro.title = "Giới thiệu xã Tư Nghĩa"
    intro.save_revision().publish()

    found = get(client, other_agency, "/tim-kiem/?q=tu+nghia").context["results"]
    elsewhere = get(client, agency, "/tim-kiem/?q=tu+nghia").context["results"]

    assert "Giới thiệu xã Tư Nghĩa" in [page.title for page in found]
    assert elsewhere.paginator.count == 0
    english_results = get(client, other_agency, "/en/search/?q=contacts").context["results"]
    assert [page.title for page in english_results] == ["Contacts"]


def test_news_listing_query_count_does_not_grow_with_its_articles(client, agency):
    news = section(agency, "tin-tuc")

    def add_articles(count):
        start = NewsPage.objects.count()
        for number in range(start, start + count):
            article = news.add_child(
                instance=NewsPage(
                    title=f"Tin số {number}",
                    slug=f"tin-so-{number}",
                    lead="Tóm tắt",
                    date=timezone.now(),
                    body=[("heading", {"text": "Mục", "level": "h2"})],
                )
            )
            article.save_revision().publish()

    def queries():
        get(client, agency, "/tin-tuc/")  # warm the site-root cache that publishing clears
        with CaptureQueriesContext(connection) as captured:
            assert get(client, agency, "/tin-tuc/").status_code == 200
        return len(captured)

    add_articles(2)
    few = queries()
    add_articles(8)
    assert queries() == few
    assert few < 25


def test_english_home_shows_english_title(client, agency):
    assert english(agency.site.root_page).title == "Department of Information and Communications"
    assert (
        '<span class="brand__name">Department of Information and Communications</span>'
        in get(client, agency, "/en/").text
    )


def test_health_and_robots(client, agency):
    assert get(client, agency, "/healthz").json() == {"status": "ok"}
    assert "Disallow: /admin/" in get(client, agency, "/robots.txt").text


def library_item(kind):
    """A document or an image in Wagtail's library, and the value of the body block that shows it."""
    if kind == "document":
        item = get_document_model().objects.create(title="Kế hoạch năm 2026", file=ContentFile(b"%PDF-1.4", "kh.pdf"))
        return item, {"document": item, "title": "Kế hoạch năm 2026"}
    item = get_image_model().objects.create(title="Kế hoạch năm 2026", file=get_test_image_file())
    return item, {"image": item, "alt_text": "", "caption": "Kế hoạch năm 2026"}


@pytest.mark.parametrize("kind", ["document", "image"])
def test_a_block_whose_file_was_deleted_from_the_library_is_left_out(client, agency, kind):
    """A file or image deleted from the library after a page used it: the page still renders, without it."""
    item, value = library_item(kind)
    page = add_page(section(agency, "gioi-thieu"), "Kế hoạch", slug="ke-hoach", body=[(kind, value)])
    assert "Kế hoạch năm 2026" in get(client, agency, page.url).text

    item.delete()
    response = get(client, agency, page.url)

    assert response.status_code == 200
    assert f"block-{kind}" not in response.text
