"""The demo's organisation charts: the portal's provincial bodies with the real office holders, plausible units on
the agency's and the commune's sites, both languages, illustrative details said so, seeded once."""

import time

import pytest
from wagtail.models import Page

from demo.organisation import seed_organisation
from home.onboarding import Onboarding
from organisation.models import Official, UnitPage
from tests.home.helpers import english
from tests.organisation.helpers import chart

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(portal, agency, other_agency):
    agencies = {"": portal, "stttt": agency, "tunghia": other_agency}
    started = time.monotonic()
    seed_organisation(agencies, Onboarding(agency=portal))
    return agencies, time.monotonic() - started


def test_the_portals_chart_holds_the_provincial_bodies_and_their_named_heads(client, seeded, portal, other_agency):
    units = {unit.title: unit for unit in UnitPage.objects.child_of(chart(portal))}
    assert {"Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ"} <= set(
        units
    )
    assert "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi" in units
    assert "Trung tâm Phục vụ hành chính công tỉnh" in units
    heads = {unit.head_name for unit in units.values() if unit.head_name}
    assert heads == {"Nguyễn Quốc Việt", "Tạ Công Dũng", "Hồ Trọng Phương", "Nguyễn Tấn Liêm", "Nguyễn Thanh Hoài"}
    commune = UnitPage.objects.get(title="Ủy ban nhân dân xã Tư Nghĩa", locale=chart(portal).locale)
    assert commune.agency == other_agency

    response = client.get("/lien-he/", {"q": "nguyen quoc viet"}, HTTP_HOST=portal.site.hostname)
    assert "Chánh Văn phòng UBND tỉnh" in response.text and "0255 0000 110" in response.text


def test_every_unit_has_its_english_version_and_says_what_is_illustrative(seeded):
    for unit in UnitPage.objects.filter(locale__language_code="vi"):
        translation = english(unit)
        assert "minh họa" in unit.functions and "illustrative" in translation.functions
        assert translation.officials.count() == unit.officials.count()
    assert Official.objects.filter(locale__language_code="en", title="Director of the Department of Home Affairs")


def test_the_agencys_and_communes_charts_have_plausible_units(seeded, agency, other_agency):
    assert [unit.title for unit in UnitPage.objects.child_of(chart(other_agency))] == [
        "Văn phòng HĐND và UBND xã",
        "Phòng Kinh tế",
        "Phòng Văn hóa – Xã hội",
        "Trung tâm Phục vụ hành chính công xã",
    ]
    assert UnitPage.objects.child_of(chart(agency, "en")).filter(title="Information Technology Division").exists()


def test_seeding_again_changes_nothing_and_is_fast(seeded):
    agencies, seconds = seeded
    assert seconds < 60  # about 64 pages published with their revisions: some 20 s on a shared 2-core machine
    before = (Page.objects.count(), Official.objects.count())
    result = Onboarding(agency=agencies[""])
    seed_organisation(agencies, result)
    assert result.created == [] and (Page.objects.count(), Official.objects.count()) == before
