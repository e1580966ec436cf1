"""Each site's sitemap (home.sitemaps, Wagtail's generator): its own pages in Vietnamese and English, nothing else."""

import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import PageViewRestriction

from home.sitemaps import SiteSitemap

from .helpers import add_page, section

pytestmark = pytest.mark.django_db


def get(client, agency, path):
    response = client.get(path, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return response


def sitemap_urls(client, agency) -> set[str]:
    """The page URLs of the site's sitemap, found as a crawler finds them: robots.txt, the index, its pages."""
    robots = get(client, agency, "/robots.txt").text
    index_url = re.search(r"^Sitemap: (\S+)$", robots, re.M).group(1)
    assert index_url == f"http://{agency.site.hostname}/sitemap.xml"
    urls = set()
    for page_url in re.findall(r"<loc>([^<]+)</loc>", get(client, agency, "/sitemap.xml").text):
        assert page_url.startswith(f"http://{agency.site.hostname}/sitemap-pages.xml")
        path = urlsplit(page_url)._replace(scheme="", netloc="").geturl()
        urls |= set(re.findall(r"<loc>([^<]+)</loc>", get(client, agency, path).text))
    return urls


def test_a_sites_sitemap_lists_its_pages_in_both_languages_and_no_other_sites(client, agency, other_agency):
    about = section(agency, "gioi-thieu")
    hidden = add_page(about, "Trang nội bộ", slug="trang-noi-bo")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    draft = add_page(about, "Bản nháp", slug="ban-nhap")
    draft.unpublish()

    urls = sitemap_urls(client, agency)

    host = f"http://{agency.site.hostname}"
    assert {f"{host}/", f"{host}/gioi-thieu/", f"{host}/en/", f"{host}/en/introduction/"} <= urls
    assert not {url for url in urls if not url.startswith(f"{host}/")}  # nothing of another site
    assert f"{host}/gioi-thieu/trang-noi-bo/" not in urls and f"{host}/gioi-thieu/ban-nhap/" not in urls
    other = sitemap_urls(client, other_agency)
    assert other and not other & urls
    assert f"http://{other_agency.site.hostname}/en/" in other


def test_the_index_pages_the_sitemap(client, monkeypatch, agency):
    """Django pages a sitemap at `limit` URLs (50,000, the protocol's maximum); the index lists every page."""
    everything = sitemap_urls(client, agency)
    monkeypatch.setattr(SiteSitemap, "limit", 3)

    pages = re.findall(r"<loc>([^<]+)</loc>", get(client, agency, "/sitemap.xml").text)

    assert len(pages) == -(-len(everything) // 3) > 1 and pages[1].endswith("/sitemap-pages.xml?p=2")
    assert sitemap_urls(client, agency) == everything
