"""The portal's administrative map page: counts, the filter, the list grouped by letter, site links, the SVG map."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.onboarding import create_agency_site
from territory.mapping import load_shapes
from territory.models import AdministrativeMapPage, AdministrativeUnit

pytestmark = pytest.mark.django_db

PATH, PATH_EN = "/gioi-thieu/ban-do-hanh-chinh/", "/en/introduction/administrative-map/"


def get(client, agency, path):
    return client.get(path, HTTP_HOST=agency.site.hostname)


def test_only_the_portal_has_the_map_in_both_languages(client, portal, agency, other_agency):
    assert get(client, portal, PATH).status_code == 200
    assert get(client, portal, PATH_EN).status_code == 200
    assert get(client, agency, PATH).status_code == 404
    assert get(client, other_agency, PATH).status_code == 404
    assert AdministrativeMapPage.objects.count() == 2


def test_the_page_counts_the_units_by_kind(client, portal):
    text = get(client, portal, PATH).text

    assert "Tỉnh có 96 đơn vị hành chính cấp xã: 86 xã, 9 phường và 1 đặc khu." in text
    assert "Xã (86)" in text and "Phường (9)" in text and "Đặc khu (1)" in text


def test_the_filter_keeps_one_kind_without_javascript(client, portal):
    response = client.get(PATH, {"loai": "phuong"}, HTTP_HOST=portal.site.hostname)

    items = re.findall(r'<li class="unit" id="dv-(\d+)">', response.text)
    assert sorted(items) == sorted(AdministrativeUnit.objects.filter(kind="phuong").values_list("code", flat=True))
    assert 'aria-current="true">Phường (9)' in response.text
    # Anything else lists every unit.
    everything = client.get(PATH, {"loai": "quan"}, HTTP_HOST=portal.site.hostname)
    assert len(re.findall(r'<li class="unit" id=', everything.text)) == 96


def test_each_unit_shows_code_kind_former_units_and_its_site(client, portal, other_agency):
    text = get(client, portal, PATH).text

    entry = text[text.index('id="dv-21235"') :][:2000]
    assert "21235" in entry and "Xã Tư Nghĩa" in entry
    assert "thị trấn La Hà (huyện lỵ cũ), Nghĩa Trung, Nghĩa Thương, Nghĩa Hòa" in entry
    assert f'href="{other_agency.site.root_url}/"' in entry
    lonely = text[text.index('id="dv-21040"') :][:1500]  # Bình Sơn has no site in the tests
    assert "Trang thông tin điện tử" not in lonely.split("</li>")[0]


def test_the_english_page_lists_english_names_and_links_to_english_sites(client, portal, other_agency):
    text = get(client, portal, PATH_EN).text

    assert "Tu Nghia Commune" in text and "Cam Thanh Ward" in text and "Ly Son Special Zone" in text
    assert f'href="{other_agency.site.root_url}/en/"' in text


def test_the_map_is_inline_svg_of_every_unit_with_no_external_url(client, portal):
    text = get(client, portal, PATH).text
    svg = text[text.index("<svg") : text.index("</svg>")]

    links = re.findall(r'<a href="([^"]+)"[^>]*aria-label="([^"]+)"', svg)
    assert len(links) == 96
    assert ("/gioi-thieu/ban-do-hanh-chinh/#dv-21235", "Xã Tư Nghĩa") in links
    assert not re.search(r"https?://", svg)
    assert "Sơ đồ, không phải bản đồ ranh giới" in text  # the map says it is schematic
    # Nothing on the page is fetched from another host: no script, no external image or stylesheet.
    assert not re.search(r"<script[^>]*src=\"(https?:)?//", text)  # no script from another host
    assert not re.search(r'src="(https?:)?//', text)
    assert not re.search(r'<link rel="(stylesheet|icon|preload)"[^>]+href="(https?:)?//', text)


def test_the_map_file_has_a_shape_for_every_unit():
    shapes, width, height, metadata = load_shapes()

    assert {shape.code for shape in shapes} == set(AdministrativeUnit.objects.values_list("code", flat=True))
    assert metadata["schematic"] is True and metadata["licence"] == "CC0-1.0"
    assert 0 < height < 2 * width


def test_the_page_takes_the_same_queries_whatever_the_number_of_sites(client, portal, other_agency):
    def count():
        get(client, portal, PATH)
        with CaptureQueriesContext(connection) as captured:
            assert get(client, portal, PATH).status_code == 200
        return len(captured)

    few = count()
    create_agency_site("Xã Bình Sơn", "local")
    create_agency_site("Phường Cẩm Thành", "local")
    assert count() == few
