"""The front page (issue 13 §6): what citizens come for first, the portal's news of every site linking to the
article's one address on its own site, a canonical link on every page, and a query count that does not grow."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import SiteContactSettings
from home.onboarding import create_agency_site

from .helpers import add_page, section
from .test_news import add_news

pytestmark = pytest.mark.django_db


def get(client, agency, path="/"):
    return client.get(path, HTTP_HOST=agency.site.hostname)


def test_the_home_page_leads_with_services_documents_questions_and_the_hotline(client, other_agency):
    contact = SiteContactSettings.for_site(other_agency.site)
    contact.hotline = "0255 0000 115"
    contact.save()

    html = get(client, other_agency).text
    citizen = html.split('<section class="citizen"')[1].split("</section>")[0]

    assert '<a class="citizen__service" href="/thu-tuc-hanh-chinh/"><span class="citizen__name">Dịch vụ công' in citizen
    assert 'href="/thu-tuc-hanh-chinh/?dich-vu=toan-trinh"><span class="citizen__name">Nộp hồ sơ' in citizen
    assert 'href="/thu-tuc-hanh-chinh/tra-cuu-ho-so/"><span class="citizen__name">Tra cứu hồ sơ' in citizen
    assert '<form class="citizen__search" role="search" action="/van-ban/" method="get">' in citizen
    assert 'href="/hoi-dap/gui-cau-hoi/"' in citizen and 'href="/hoi-dap/"' in citizen
    assert '<a class="citizen__phone" href="tel:02550000115">0255 0000 115</a>' in citizen
    assert html.index('class="citizen"') < html.index('id="latest-news"')  # before the news


def test_the_english_home_page_leads_to_the_english_sections(client, agency):
    citizen = get(client, agency, "/en/").text.split('<section class="citizen"')[1].split("</section>")[0]
    assert 'href="/en/administrative-procedures/"' in citizen and 'action="/en/legal-documents/"' in citizen
    assert 'href="/en/questions-and-answers/ask/"' in citizen


def test_the_portal_shows_each_agencys_news_labelled_and_linking_to_its_own_site(client, portal, agency):
    add_news(section(agency, "tin-tuc"), "Sở tập huấn chuyển đổi số", "tap-huan")

    html = get(client, portal).text
    network = html.split('id="network-news"')[1].split("</section>")[0]

    url = f"http://{agency.site.hostname}/tin-tuc/tap-huan/"
    assert f'<a href="{url}">Sở tập huấn chuyển đổi số</a>' in network
    assert f'<span class="news-item__agency badge">{agency.name}</span>' in network
    assert get(client, portal, "/tin-tuc/tap-huan/").status_code == 404  # one address only: on the agency's host


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/", "/"),
        ("/en/", "/en/"),
        ("/gioi-thieu/", "/gioi-thieu/"),
        ("/en/introduction/", "/en/introduction/"),
        ("/tin-tuc/?loai=thong-bao&utm_source=zalo", "/tin-tuc/"),
        ("/tin-tuc/?page=2", "/tin-tuc/?page=2"),
        ("/hoi-dap/gui-cau-hoi/", "/hoi-dap/gui-cau-hoi/"),
        ("/tim-kiem/?q=khai+sinh", "/tim-kiem/"),
    ],
)
def test_every_page_names_its_own_address_as_canonical(client, agency, path, canonical):
    html = get(client, agency, path).text
    links = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    assert links == [f"http://{agency.site.hostname}{canonical}"]


def test_an_error_page_has_no_canonical_link(client, agency):
    response = get(client, agency, "/khong-co/")
    assert response.status_code == 404 and 'rel="canonical"' not in response.text


def test_the_home_pages_query_count_does_not_grow_with_sites_or_articles(client, portal, agency):
    def count(owner):
        get(client, owner)
        with CaptureQueriesContext(connection) as captured:
            assert get(client, owner).status_code == 200
        return len(captured)

    add_news(section(portal, "tin-tuc"), "Tin của tỉnh", "tin-cua-tinh")
    add_news(section(agency, "tin-tuc"), "Tin của sở", "tin-cua-so")
    few = count(portal), count(agency)

    newcomer = create_agency_site("Sở Tài chính", "agency", name_en="Department of Finance").agency
    for owner in (portal, agency, newcomer):
        for number in range(4):
            add_news(section(owner, "tin-tuc"), f"Tin thêm {number}", f"tin-them-{number}", featured=number == 0)
    add_page(section(agency, "gioi-thieu"), "Trang thêm", slug="trang-them")

    assert (count(portal), count(agency)) == few
