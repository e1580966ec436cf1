"""The province's 96 commune-level units, as the data migration writes them (reference data of R4 a)."""

import pytest
from django.utils import translation

from territory.models import AdministrativeUnit
from territory.queries import UnitListing, initial
from vietnam.text import sort_key

pytestmark = pytest.mark.django_db


def test_the_96_units_after_the_2025_merger():
    units = AdministrativeUnit.objects.all()

    assert units.count() == 96
    assert units.filter(kind="xa").count() == 86
    assert units.filter(kind="phuong").count() == 9
    assert list(units.filter(kind="dac-khu").values_list("code", "name")) == [("21548", "Lý Sơn")]
    assert units.filter(former_province="quang-ngai", kind="xa").count() == 49
    assert units.filter(former_province="kon-tum", kind="xa").count() == 37
    assert units.values("code").distinct().count() == 96


def test_a_unit_has_its_official_code_english_name_and_former_units():
    tu_nghia = AdministrativeUnit.objects.get(code="21235")

    assert (tu_nghia.full_name, tu_nghia.name_en) == ("Xã Tư Nghĩa", "Tu Nghia Commune")
    assert tu_nghia.former_unit_names() == ["thị trấn La Hà (huyện lỵ cũ)", "Nghĩa Trung", "Nghĩa Thương", "Nghĩa Hòa"]
    with translation.override("en"):
        assert tu_nghia.local_name == "Tu Nghia Commune"
        assert tu_nghia.former_unit_names()[0].startswith("La Ha Township (")  # the note from locale/en
    assert AdministrativeUnit.objects.get(code="23332").name_en == "Dak Ro Wa Commune"
    assert AdministrativeUnit.objects.get(code="21548").name_en == "Ly Son Special Zone"


def test_the_five_unchanged_communes_are_marked():
    unchanged = AdministrativeUnit.objects.filter(unchanged=True).values_list("name", flat=True)

    assert sorted(unchanged, key=sort_key) == ["Ba Xa", "Đăk Long", "Ia Đal", "Mô Rai", "Rờ Kơi"]


def test_the_listing_groups_by_vietnamese_initials_in_dictionary_order():
    groups = UnitListing.load().groups
    letters = [group.letter for group in groups]

    assert letters == sorted(letters, key=sort_key)
    assert letters.index("D") < letters.index("Đ") < letters.index("I")  # Đ after D, not after Z
    names = [unit.name for group in groups for unit in group.units]
    assert names == sorted(names, key=sort_key) and len(names) == 96
    assert [unit.name for unit in next(g for g in groups if g.letter == "Đ").units][:2] == ["Đăk Bla", "Đăk Cấm"]
    assert initial("Ủy") == "U" and initial("Ăn") == "Ă" and initial("Ân") == "Â"


def test_the_listing_links_a_unit_to_its_site_in_two_queries(other_agency, django_assert_num_queries):
    with django_assert_num_queries(2):
        listing = UnitListing.load()

    sites = {unit.name: unit.site for unit in listing.all_units if unit.site}
    assert sites == {"Tư Nghĩa": other_agency.site}
