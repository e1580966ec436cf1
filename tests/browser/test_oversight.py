# ruff: noqa: F811 - the fixtures imported below are named as test arguments
"""In a real browser: a BBT member sees an overdue plan on the dashboard, opens it, publishes it, and goes back: the
dashboard no longer counts it as overdue, and the full listing shows it as published late."""

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from publications.models import PlanPage
from tests.browser.test_moderation_flow import MORE_ACTIONS, log_in
from tests.publications.conftest import publish  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Kế hoạch phát triển hạ tầng số năm 2026"


def test_a_bbt_member_publishes_an_overdue_item_and_the_dashboard_follows(
    new_page, site_url, agency, moderator, publish
):
    plan = publish(agency, PlanPage, TITLE, trigger_date=date(2026, 6, 1), live=False)
    page = new_page()
    log_in(page, site_url(agency, "/admin/"), moderator.username)

    expect(page.locator('[data-count="qua-han"]')).to_have_text("1")
    page.locator('[data-block="qua-han"]').get_by_role("link", name=TITLE).click()

    expect(page).to_have_url(site_url(agency, f"/admin/pages/{plan.pk}/edit/"))
    page.get_by_role("button", name=MORE_ACTIONS).click()
    page.locator("button[name=action-publish]").click()
    expect(page.locator(".messages")).to_contain_text(TITLE)

    page.goto(site_url(agency, "/admin/"))
    expect(page.locator('[data-count="qua-han"]')).to_have_text("0")
    expect(page.locator('[data-block="qua-han"]')).to_have_count(0)

    today = timezone.localdate()
    page.goto(
        site_url(agency, f"/admin/thoi-han-dang-tin/?tinh-trang=tre-han&tu=01/{today:%m/%Y}&den={today:%d/%m/%Y}")
    )
    row = page.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("Đăng chậm")
    expect(row).to_contain_text("15/06/2026")
