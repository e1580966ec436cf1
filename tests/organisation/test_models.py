"""The chart's page types: where they go, what onboarding makes, and the officials' search and sort columns."""

import pytest
from wagtail.models import Page

from home.models import IndexPage
from home.onboarding import create_agency_site
from organisation.models import Official, OrganisationPage, UnitPage
from organisation.names import directory_sort_key, split_name
from tests.home.helpers import english, section

from .helpers import add_unit, chart, path

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["portal", "stttt", "tunghia"])
def test_every_site_has_its_organisation_chart_under_introduction_in_both_languages(request, code):
    agency = request.getfixturevalue({"portal": "portal", "stttt": "agency", "tunghia": "other_agency"}[code])
    introduction = section(agency, "gioi-thieu")

    page = chart(agency)
    assert isinstance(page, OrganisationPage) and page.live
    assert page.get_parent().pk == introduction.pk and page.title == "Cơ cấu tổ chức"
    translation = chart(agency, "en")
    assert translation.title == "Organisation" and translation.slug == "organisation"
    assert path(translation) == "/en/introduction/organisation/"
    assert translation.get_parent().pk == english(introduction).pk


def test_a_rerun_of_onboarding_gives_an_existing_site_its_chart_back(agency):
    for page in (chart(agency, "en"), chart(agency)):
        page.delete()

    result = create_agency_site(agency.name, agency.kind, name_en=agency.name_en)

    assert "chuyên mục “Cơ cấu tổ chức”" in result.created
    assert chart(agency).live and chart(agency, "en").live
    assert create_agency_site(agency.name, agency.kind).created == []


def test_units_go_under_the_chart_or_another_unit_only():
    assert OrganisationPage.can_create_at(IndexPage())
    assert UnitPage.can_create_at(OrganisationPage()) and UnitPage.can_create_at(UnitPage())
    assert not UnitPage.can_create_at(IndexPage())
    assert not UnitPage.can_create_at(Page())


def test_an_officials_search_and_sort_columns_follow_the_name_on_every_save(agency):
    unit = add_unit(chart(agency), "Phòng Công nghệ thông tin", [("Nguyễn Văn Ánh", "Trưởng phòng")])
    official = unit.officials.get()
    assert official.search_text == " nguyen van anh truong phong "
    assert official.sort_name == directory_sort_key("Nguyễn Văn Ánh")

    official.name = "Đặng Thị Thu"
    official.save(update_fields=["name"])
    official.refresh_from_db()
    assert official.search_text == " dang thi thu truong phong "
    assert official.sort_name == directory_sort_key("Đặng Thị Thu")


def test_names_sort_by_given_name_in_vietnamese_dictionary_order():
    names = [
        "Hoàng Văn Đạt",
        "Phạm Minh Dũng",
        "Trần Thị Anh",
        "Nguyễn Văn Ánh",
        "Lê Đức An",
        "Võ Thị An",
        "Bùi Thị Ân",
    ]

    assert sorted(names, key=directory_sort_key) == [
        "Lê Đức An",
        "Võ Thị An",
        "Trần Thị Anh",
        "Nguyễn Văn Ánh",
        "Bùi Thị Ân",
        "Phạm Minh Dũng",
        "Hoàng Văn Đạt",
    ]
    assert directory_sort_key("Lê An").isdigit()


def test_a_name_splits_family_name_first():
    assert split_name("Nguyễn Quốc Việt") == ("Nguyễn", "Quốc", "Việt")
    assert split_name("Tạ Công Dũng") == ("Tạ", "Công", "Dũng")
    assert split_name("Hoài") == ("", "", "Hoài")


def test_officials_take_their_units_language(agency):
    unit = add_unit(chart(agency), "Văn phòng Sở", [("Lê Thị Hoa", "Chánh Văn phòng")])
    assert Official.objects.get(unit=unit).locale_id == unit.locale_id
