"""The front page's demo content: every article of the three sites gets its category, origin and a generated
picture labelled as an illustration (in English on English pages), each site a hotline and illustrative
advertisements in both languages; seeding again changes nothing."""

import html

import pytest
from wagtail.images import get_image_model
from wagtail.models import Locale, Revision

from demo.content import SITES as DEMO_SITES
from demo.front import SITES, seed_front
from demo.seed import add_entry
from home.models import AdvertisementSlot, NewsPage, SiteContactSettings
from home.onboarding import Onboarding


def get(client, agency, path):
    response = client.get(path, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.mark.django_db
def test_seeding_twice_dresses_the_news_and_schedules_illustrative_ads_once(client, portal, agency, other_agency):
    agencies = {"": portal, "stttt": agency, "tunghia": other_agency}
    english = Locale.objects.get(language_code="en")
    result = Onboarding(agency=portal)
    for spec, owner in zip(DEMO_SITES, agencies.values(), strict=True):
        news = owner.site.root_page.get_children().get(slug="tin-tuc")
        for entry in spec.news:
            add_entry(news, NewsPage, entry, english, result)

    seed_front(agencies, result)
    counts = Revision.objects.count(), get_image_model().objects.count(), AdvertisementSlot.objects.count()
    again = Onboarding(agency=portal)
    seed_front(agencies, again)

    assert (Revision.objects.count(), get_image_model().objects.count(), AdvertisementSlot.objects.count()) == counts
    assert again.created == [] and AdvertisementSlot.objects.count() == 6
    assert sum(len(site.articles) for site in SITES) == NewsPage.objects.filter(locale__language_code="vi").count()
    for article in NewsPage.objects.all():
        assert article.image is not None and article.image.description.startswith(
            "Illustration (generated)" if article.locale == english else "Ảnh minh họa (tạo tự động)"
        )
        if article.origin != "tu-viet":
            article.full_clean()  # reposted and quoted articles name their source and link (Điều 5.3)
    assert SiteContactSettings.for_site(other_agency.site).hotline == "0255 0000 117"

    home = get(client, portal, "/")
    assert "Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công tỉnh (quảng cáo minh họa)" in home
    assert 'alt="Ảnh minh họa (tạo tự động): dòng chữ “Chuyển đổi số năm 2026” trên nền một màu"' in home
    assert "0255 0000 115" in home
    english_home = get(client, portal, "/en/")
    assert "(illustrative advertisement)" in english_home and "quảng cáo minh họa" not in english_home
    assert 'alt="Illustration (generated): the words “Two-tier local government” on a plain background"' in english_home
    notices = get(client, agency, "/tin-tuc/?loai=thong-bao")
    assert "Sở Thông tin và Truyền thông hợp nhất vào Sở Khoa học và Công nghệ" in notices
    assert "Chuyển đổi số tỉnh Quảng Ngãi qua các con số" not in notices
