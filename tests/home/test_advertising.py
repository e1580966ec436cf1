"""Advertising (Điều 14): each site's BBT schedules its own slots; a slot shows only between its dates, even though
the frame that carries it is cached; it is always labelled an advertisement and its link is sponsored."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home import queries
from home.models import AdvertisementSlot, AdvertisingSettings

pytestmark = pytest.mark.django_db


def add_slot(agency, title="Hội chợ OCOP Quảng Ngãi", position="aside", starts=-1, ends=1, **fields):
    """A slot on the agency's site from `starts` to `ends` hours from now."""
    image = get_image_model().objects.create(
        title=f"Ảnh {title}", file=get_test_image_file(), collection=agency.collection
    )
    now = timezone.now()
    return AdvertisementSlot.objects.create(
        setting=AdvertisingSettings.for_site(agency.site),
        title=title,
        image=image,
        image_alt=f"Áp phích: {title}",
        link="https://example.com/hoi-cho",
        position=position,
        starts_at=now + timedelta(hours=starts),
        ends_at=now + timedelta(hours=ends),
        **fields,
    )


def home(client, agency, path="/"):
    return client.get(path, HTTP_HOST=agency.site.hostname).text


def test_a_slot_shows_between_its_dates_labelled_and_sponsored(client, agency):
    add_slot(agency, "Đang hiện")
    add_slot(agency, "Đã hết hạn", starts=-5, ends=-1)
    add_slot(agency, "Chưa đến ngày", starts=2, ends=5)

    html = home(client, agency)

    assert "Đang hiện" in html and "Đã hết hạn" not in html and "Chưa đến ngày" not in html
    ad = html.split('<div class="ad">')[1].split("</div>")[0]
    assert '<p class="ad__label">Quảng cáo</p>' in ad
    assert 'rel="sponsored noopener"' in ad and 'href="https://example.com/hoi-cho"' in ad
    assert 'alt="Áp phích: Đang hiện"' in ad


def test_positions_and_languages(client, agency):
    add_slot(agency, "Chân trang mọi trang", position="footer")
    add_slot(agency, "Chỉ tiếng Anh", position="home", language="en")

    assert "Chân trang mọi trang" in home(client, agency, "/gioi-thieu/")
    assert "Chỉ tiếng Anh" not in home(client, agency)
    english = home(client, agency, "/en/")
    assert "Chỉ tiếng Anh" in english
    with translation.override("en"):
        label = gettext("Quảng cáo")  # "Advertisement" once the catalogue has it
    assert f'<p class="ad__label">{label}</p>' in english


def test_the_cached_frame_does_not_keep_a_slot_past_its_boundaries(client, agency, monkeypatch):
    slot = add_slot(agency, "Quảng cáo sắp chạy", starts=1, ends=3)
    assert "Quảng cáo sắp chạy" not in home(client, agency)  # cached now, until the slot starts

    def at(hours):
        moment = timezone.now() + timedelta(hours=hours, seconds=1)
        monkeypatch.setattr(queries, "timezone", SimpleNamespace(now=lambda: moment))

    at(1)
    assert "Quảng cáo sắp chạy" in home(client, agency)
    at(3)
    assert "Quảng cáo sắp chạy" not in home(client, agency)
    slot.delete()


def test_the_cache_entry_lives_until_the_next_boundary(agency, rf):
    add_slot(agency, "Một giờ nữa hết", starts=-1, ends=1)
    ads, until = queries.advertisements_now(agency.site, "vi")
    assert [ad["title"] for ad in ads["aside"]] == ["Một giờ nữa hết"]
    assert timedelta(minutes=59) < until - timezone.now() <= timedelta(hours=1)


def test_saving_the_advertisements_renews_the_frame(client, agency):
    assert "Quảng cáo mới" not in home(client, agency)
    add_slot(agency, "Quảng cáo mới")
    assert "Quảng cáo mới" in home(client, agency)


def settings_url(agency):
    return reverse("wagtailsettings:edit", args=("home", "advertisingsettings", agency.site.pk))


def test_only_the_sites_own_bbt_sees_and_changes_its_advertisements(client, agency, other_agency, moderator, editor):
    add_slot(other_agency, "Quảng cáo của xã")
    client.force_login(moderator)

    assert client.get(settings_url(agency)).status_code == 200
    other = client.get(settings_url(other_agency))
    assert other.status_code in (302, 403) and "Quảng cáo của xã" not in other.text
    client.post(settings_url(other_agency), {"slots-TOTAL_FORMS": "0", "slots-INITIAL_FORMS": "0"})
    assert AdvertisementSlot.objects.filter(title="Quảng cáo của xã").exists()

    client.force_login(editor)  # an editor is not the BBT
    assert client.get(settings_url(agency)).status_code in (302, 403)


def test_the_bbt_schedules_a_slot_and_the_end_must_follow_the_start(client, agency, moderator):
    image = get_image_model().objects.create(title="Áp phích", file=get_test_image_file(), collection=agency.collection)
    client.force_login(moderator)
    row = {
        "slots-TOTAL_FORMS": "1",
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "1000",
        "slots-0-title": "Lễ hội Điện Biên Phủ",
        "slots-0-image": str(image.pk),
        "slots-0-image_alt": "Áp phích lễ hội",
        "slots-0-link": "https://example.com/le-hoi",
        "slots-0-position": "home",
        "slots-0-language": "",
        "slots-0-starts_at": "2026-05-01 08:00",
        "slots-0-ends_at": "2026-04-30 08:00",
        "slots-0-ORDER": "1",
    }

    refused = client.post(settings_url(agency), row)
    assert refused.status_code == 200 and not AdvertisementSlot.objects.exists()
    assert "Thời điểm thôi hiện phải sau thời điểm bắt đầu hiện." in refused.text

    client.post(settings_url(agency), {**row, "slots-0-ends_at": "2026-05-07 08:00"})
    slot = AdvertisementSlot.objects.get()
    assert timezone.localtime(slot.starts_at).strftime("%d/%m/%Y %H:%M") == "01/05/2026 08:00"
