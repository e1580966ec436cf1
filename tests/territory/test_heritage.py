"""History, culture, relics and scenic spots: the section on every site, its filter, the page with its gallery."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from territory.models import AdministrativeUnit, HeritageGalleryImage, HeritageIndexPage, HeritagePage

pytestmark = pytest.mark.django_db

SECTION, SECTION_EN = "/gioi-thieu/lich-su-van-hoa/", "/en/introduction/history-and-culture/"


def section_of(agency) -> HeritageIndexPage:
    return HeritageIndexPage.objects.descendant_of(agency.site.root_page).get()


def image(agency, title="Ảnh"):
    return get_image_model().objects.create(title=title, file=get_test_image_file(), collection=agency.collection)


def make_heritage(agency, title, category="di-tich", gallery=0, **fields):
    page = HeritagePage(
        title=title,
        category=category,
        lead=f"{title}: tóm tắt.",
        main_image=image(agency, title),
        main_image_alt=f"Quang cảnh {title}",
        main_image_credit="Ảnh minh họa",
        **fields,
    )
    for number in range(gallery):
        page.gallery.add(
            HeritageGalleryImage(
                image=image(agency, f"{title} {number}"),
                alt_text=f"Góc {number} của {title}",
                caption=f"Chú thích {number}",
                credit="Ảnh minh họa, CC0",
            )
        )
    section_of(agency).add_child(instance=page)
    page.save_revision().publish()
    return page


def get(client, agency, path, **params):
    return client.get(path, params, HTTP_HOST=agency.site.hostname)


def test_every_site_has_the_section_in_both_languages(client, portal, agency, other_agency):
    for owner in (portal, agency, other_agency):
        assert get(client, owner, SECTION).status_code == 200
        assert get(client, owner, SECTION_EN).status_code == 200


def test_a_heritage_page_shows_its_facts_main_image_and_gallery(client, other_agency):
    make_heritage(
        other_agency,
        "Khu chứng tích Sơn Mỹ",
        gallery=2,
        location="thôn Tư Cung, xã Tịnh Khê",
        administrative_unit=AdministrativeUnit.objects.get(code="21211"),
        recognition="quoc-gia-dac-biet",
        recognition_decision="Quyết định số 1/QĐ-TTg (thử nghiệm)",
        source="Bách khoa thư",
        source_url="https://vi.wikipedia.org/wiki/Th%E1%BA%A3m_s%C3%A1t_M%E1%BB%B9_Lai",
    )

    response = get(client, other_agency, SECTION + "khu-chung-tich-son-my/")

    text = response.text
    assert response.status_code == 200
    assert "Di tích quốc gia đặc biệt (Quyết định số 1/QĐ-TTg (thử nghiệm))" in text
    assert "thôn Tư Cung, xã Tịnh Khê" in text and "Xã Tịnh Khê" in text
    assert re.search(r'<img[^>]+alt="Quang cảnh Khu chứng tích Sơn Mỹ"[^>]+srcset=', text) or re.search(
        r'<img[^>]+srcset=[^>]+alt="Quang cảnh Khu chứng tích Sơn Mỹ"', text
    )
    assert text.count('<figure class="gallery__item">') == 2
    assert '<figcaption>Chú thích 0 <span class="gallery__credit">Ảnh minh họa, CC0</span></figcaption>' in text
    assert 'alt="Góc 1 của Khu chứng tích Sơn Mỹ"' in text
    assert "Bách khoa thư" in text


def test_a_main_image_needs_its_description(other_agency):
    page = HeritagePage(title="Núi Thiên Ấn", category="danh-thang", lead="Tóm tắt", main_image=image(other_agency))

    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "main_image_alt" in error.value.message_dict


def test_the_section_filters_by_category_with_counts(client, agency):
    make_heritage(agency, "Di tích A", category="di-tich")
    make_heritage(agency, "Danh thắng B", category="danh-thang")
    make_heritage(agency, "Di tích C", category="di-tich")

    everything = get(client, agency, SECTION).text
    relics = get(client, agency, SECTION, loai="di-tich").text

    assert everything.count('class="heritage-card"') == 3
    counts = dict(re.findall(r'>([^<>]+) <span class="facet__count">\((\d+)\)</span>', everything))
    assert counts == {"Di tích": "2", "Danh thắng": "1"}
    assert relics.count('class="heritage-card"') == 2 and "Danh thắng B" not in relics


def test_the_section_takes_the_same_queries_for_more_pages(client, agency):
    def count():
        get(client, agency, SECTION)
        with CaptureQueriesContext(connection) as captured:
            get(client, agency, SECTION)
        return len(captured)

    make_heritage(agency, "Trang một")
    few = count()
    for number in range(4):
        make_heritage(agency, f"Trang thêm {number}", category=["lich-su", "van-hoa"][number % 2])
    assert count() == few


def test_the_page_takes_the_same_queries_for_a_longer_gallery(client, agency):
    short, long = make_heritage(agency, "Ngắn", gallery=1), make_heritage(agency, "Dài", gallery=5)

    def count(page):
        client.get(page.get_url(), HTTP_HOST=agency.site.hostname)
        with CaptureQueriesContext(connection) as captured:
            client.get(page.get_url(), HTTP_HOST=agency.site.hostname)
        return len(captured)

    assert count(long) == count(short)


def test_the_english_translation_keeps_the_gallery_rows_paired(agency):
    page = make_heritage(agency, "Nhà thờ gỗ", gallery=2)
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))

    rows = list(english.gallery.all())
    assert [row.locale.language_code for row in rows] == ["en", "en"]
    assert {row.translation_key for row in rows} == set(page.gallery.values_list("translation_key", flat=True))
    assert english.category == page.category and english.main_image_id == page.main_image_id
