"""What crawlers and link previews read: canonical URLs, Open Graph and Twitter card tags, JSON-LD (checked as
JSON), and sitemaps of both languages with hreflang alternates."""

import json
import re

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.models import SiteContactSettings

from .helpers import add_news

pytestmark = pytest.mark.django_db


def head(client, agency, path) -> str:
    response = client.get(path, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return response.text.split("</head>")[0]


def meta(html: str, name: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)
    return found.group(1) if found else None


def json_ld(html: str) -> dict:
    blocks = [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)]
    return {block["@type"]: block for block in blocks}


def test_the_home_page_describes_the_agency_as_a_government_organization(client, agency):
    SiteContactSettings.objects.update_or_create(
        site=agency.site,
        defaults={
            "address": "Số 1 Hùng Vương, Quảng Ngãi",
            "phone": "0255 0000 001",
            "email": "stttt@quangngai.gov.vn",
        },
    )
    html = head(client, agency, "/")

    organization = json_ld(html)["GovernmentOrganization"]
    assert organization["name"] == "Sở Thông tin và Truyền thông"
    assert organization["url"] == f"http://{agency.site.hostname}/"
    assert organization["address"]["streetAddress"] == "Số 1 Hùng Vương, Quảng Ngãi"
    assert organization["telephone"] == "0255 0000 001" and organization["email"] == "stttt@quangngai.gov.vn"
    assert organization["logo"].endswith("/static/img/emblem.svg")
    assert f'<link rel="canonical" href="http://{agency.site.hostname}/">' in html
    assert meta(html, "og:site_name") == "Sở Thông tin và Truyền thông" and meta(html, "og:locale") == "vi_VN"

    english_html = head(client, agency, "/en/")
    assert json_ld(english_html)["GovernmentOrganization"]["name"] == "Department of Information and Communications"
    assert meta(english_html, "og:locale") == "en_US"


def test_a_news_page_has_its_article_card_and_breadcrumbs(client, agency):
    image = get_image_model().objects.create(title="Ảnh hội nghị", file=get_test_image_file())
    page = add_news(agency, "Hội nghị <chuyển đổi số> & an toàn", lead="Sapo của tin.", image=image, author="Minh Anh")

    html = head(client, agency, page.get_url_parts()[2])

    url = page.get_full_url()
    assert f'<link rel="canonical" href="{url}">' in html
    assert meta(html, "og:type") == "article" and meta(html, "og:url") == url
    assert meta(html, "og:description") == "Sapo của tin." and meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "og:image").startswith(f"http://{agency.site.hostname}/")
    data = json_ld(html)
    article = data["NewsArticle"]
    assert article["headline"] == "Hội nghị <chuyển đổi số> & an toàn" and article["author"]["name"] == "Minh Anh"
    assert article["datePublished"].startswith(page.date.astimezone().date().isoformat()[:4])
    assert "<chuyển" not in html.split("NewsArticle")[1]  # escaped inside the script
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Sở Thông tin và Truyền thông", "Tin tức", page.title]
    assert crumbs[-1]["item"] == url and crumbs[0]["position"] == 1


def test_a_route_below_a_page_is_its_own_canonical_url(client, agency):
    html = head(client, agency, "/hoi-dap/tra-cuu/")
    assert f'<link rel="canonical" href="http://{agency.site.hostname}/hoi-dap/tra-cuu/">' in html


def test_sitemaps_list_both_languages_with_hreflang_alternates(client, agency):
    response = client.get("/sitemap-pages.xml", HTTP_HOST=agency.site.hostname)
    xml = response.content.decode()

    host = f"http://{agency.site.hostname}"
    entry = re.search(rf"<url><loc>{host}/gioi-thieu/</loc>.*?</url>", xml, re.S).group(0)
    assert f'hreflang="vi" href="{host}/gioi-thieu/"' in entry
    assert f'hreflang="en" href="{host}/en/introduction/"' in entry
    assert f'hreflang="x-default" href="{host}/gioi-thieu/"' in entry
    assert f"<loc>{host}/en/introduction/</loc>" in xml
