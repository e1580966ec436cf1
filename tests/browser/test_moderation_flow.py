"""In a real browser: an editor writes a page in the Wagtail editor, the BBT approves it, a visitor sees it."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Page

from tests.conftest import PASSWORD
from tests.home.helpers import section
from tests.signin.helpers import code_for, totp_device

pytestmark = pytest.mark.django_db(transaction=True)


MORE_ACTIONS = "Thao tác khác"  # the action menu's toggle, "More actions" (locale_admin/)


def log_in(page, url, username):
    """Sign in through the admin's forms: the password, then a code of the user's authenticator."""
    device = totp_device(get_user_model().objects.get(username=username))
    page.goto(url)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.fill("#id_code", code_for(device))
    page.click("#verify")
    expect(page.locator("body")).not_to_contain_text("Đăng nhập", timeout=15_000)


def test_editor_writes_bbt_approves_visitor_sees(new_page, site_url, agency, editor, moderator):
    intro = section(agency, "gioi-thieu")
    title = "Đào tạo chuyển đổi số cho cán bộ xã"

    writer = new_page()
    log_in(writer, site_url(agency, f"/admin/pages/add/home/standardpage/{intro.pk}/"), editor.username)
    writer.fill("#id_title", title)
    writer.fill("#id_lead", "Sở tổ chức lớp bồi dưỡng kỹ năng số cho cán bộ cấp xã.")
    writer.locator("#id_slug").focus()  # the slug is written from the title as the title loses focus
    expect(writer.locator("#id_slug")).to_have_value("dao-tao-chuyen-doi-so-cho-can-bo-xa")
    writer.get_by_role("button", name=MORE_ACTIONS).click()
    writer.locator("button[name=action-submit]").click()
    expect(writer.locator(".messages")).to_contain_text(title)

    visitor = new_page()
    page_url = site_url(agency, "/gioi-thieu/dao-tao-chuyen-doi-so-cho-can-bo-xa/")
    assert visitor.goto(page_url).status == 404

    reviewer = new_page()
    log_in(reviewer, site_url(agency, "/admin/"), moderator.username)
    created = Page.objects.get(slug="dao-tao-chuyen-doi-so-cho-can-bo-xa")
    reviewer.goto(site_url(agency, f"/admin/pages/{created.pk}/edit/"))
    reviewer.get_by_role("button", name=MORE_ACTIONS).click()
    reviewer.locator('button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])').click()
    expect(reviewer.locator(".messages")).to_contain_text(title)

    response = visitor.goto(page_url)
    assert response.status == 200
    expect(visitor.locator("h1")).to_have_text(title)
