"""The demo's heritage pages: on the three sites, in both languages, once however often it runs, images marked
illustrative."""

import pytest

from demo.heritage import HERITAGE, seed_heritage
from demo.seed import add_entry
from home.onboarding import Onboarding
from territory.models import HeritagePage

pytestmark = pytest.mark.django_db


def test_seeding_twice_publishes_each_page_once_in_both_languages(client, portal, agency, other_agency):
    agencies = {"": portal, "stttt": agency, "tunghia": other_agency}

    seed_heritage(agencies, Onboarding(), add_entry)
    count = HeritagePage.objects.count()
    seed_heritage(agencies, Onboarding(), add_entry)

    assert count == HeritagePage.objects.count() == 2 * len(HERITAGE)
    son_my = client.get("/gioi-thieu/lich-su-van-hoa/khu-chung-tich-son-my/", HTTP_HOST=portal.site.hostname).text
    assert "Khu chứng tích ghi danh 504 nạn nhân" in son_my and "Ảnh minh họa" in son_my
    english = client.get(
        "/en/introduction/history-and-culture/son-my-memorial-site/", HTTP_HOST=portal.site.hostname
    ).text
    assert "The memorial site lists 504 victims" in english and "Illustrative image" in english
    assert english.count('<figure class="gallery__item">') == 2
    commune = client.get("/gioi-thieu/lich-su-van-hoa/", HTTP_HOST=other_agency.site.hostname).text
    assert "Xã Tư Nghĩa sau sắp xếp đơn vị hành chính năm 2025" in commune
