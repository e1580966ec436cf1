"""A withdrawn gazette issue, or a withdrawn document it carried, leaves the gazette's listings (R13); the issue
stays at its URL with the banner."""

from datetime import date

import pytest

from home.withdrawal import withdraw
from tests.gazette.test_gazette import decisions, get  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

REASON = "Số công báo đăng trùng."


def test_a_withdrawn_issue_leaves_the_index_and_its_years(client, portal, make_issue):
    make_issue("9", date(2024, 3, 1))
    kept = make_issue("15", date(2025, 5, 2))
    gone = make_issue("16", date(2025, 5, 2))

    withdraw(gone, None, REASON)

    response = get(client, portal, "/cong-bao/")
    assert [issue.title for issue in response.context["children"]] == [kept.title, "Công báo số 9 năm 2024"]
    assert [(option["year"], option["count"]) for option in response.context["years"]] == [(2025, 1), (2024, 1)]
    page = get(client, portal, gone.relative_url(portal.site))
    assert "Đã thu hồi" in page.text and REASON in page.text


def test_a_withdrawn_document_leaves_the_issue_that_carried_it(client, portal, decisions, make_issue):  # noqa: F811
    resolution, decision = decisions[1], decisions[0]
    issue = make_issue("15", date(2017, 5, 2), [resolution, decision])

    withdraw(resolution, None, "Văn bản đăng nhầm.")

    html = get(client, portal, issue.relative_url(portal.site)).text
    assert "Quyết định 16/2017/QĐ-UBND" in html and "Nghị quyết 12/2017/NQ-HĐND" not in html
