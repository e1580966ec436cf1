"""The directory's officials in the site search (Điều 8.2.k; finder's registration API): found without diacritics,
on the portal too, each leading to their unit's page, and gone with their unit when it is unpublished."""

import pytest

from tests.finder.helpers import search, titles

from .helpers import add_unit, chart

pytestmark = pytest.mark.django_db


def test_an_official_is_found_by_name_without_diacritics_and_leads_to_the_unit(client, portal, agency):
    unit = add_unit(chart(agency), "Văn phòng Sở", officials=[("Nguyễn Thị Minh Hằng", "Chánh Văn phòng")])

    response = search(client, agency, q="nguyen thi minh hang")
    assert "Nguyễn Thị Minh Hằng – Chánh Văn phòng" in titles(response)
    result = next(item for item in response.context["results"] if item.title.startswith("Nguyễn Thị"))
    assert result.url.endswith(f"{unit.url}#unit-officials") or f"{unit.get_url()}#unit-officials" in result.url
    assert "Nguyễn Thị Minh Hằng – Chánh Văn phòng" in titles(search(client, portal, q="minh hang"))


def test_officials_leave_the_search_with_their_unit_and_come_back_with_it(client, agency):
    unit = add_unit(chart(agency), "Phòng Kế hoạch", officials=[("Trần Văn Bình", "Trưởng phòng")])
    assert "Trần Văn Bình – Trưởng phòng" in titles(search(client, agency, q="tran van binh"))

    unit.unpublish()
    assert "Trần Văn Bình – Trưởng phòng" not in titles(search(client, agency, q="tran van binh"))

    unit.save_revision().publish()
    assert "Trần Văn Bình – Trưởng phòng" in titles(search(client, agency, q="tran van binh"))
