"""The withdrawn banner and the change notes at phone size (360 px), in both languages: readable, WCAG 2.1 AA (axe)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from home.models.records import ChangeNote
from home.withdrawal import withdraw
from tests.browser.test_public_site import PHONE, WCAG_21_AA
from tests.finder.helpers import add_news
from tests.home.test_withdrawal import REASON, translate

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_withdrawn_banner_and_the_change_notes_pass_axe(new_page, site_url, agency):
    news = add_news(agency, "Hội nghị chuyển đổi số tỉnh Quảng Ngãi", slug="hoi-nghi-chuyen-doi-so")
    news_en = translate(news)
    for page, note in ((news, "Sửa thời gian hội nghị thành 8 giờ 30."), (news_en, "Corrected the start time.")):
        ChangeNote.objects.create(page=page, revision_id=page.live_revision_id, note=note, published_at=timezone.now())
    withdraw(news, None, REASON)
    browser_page = new_page(**PHONE)

    for url, banner, note in (
        (news.relative_url(agency.site), "Đã thu hồi", "Sửa thời gian hội nghị thành 8 giờ 30."),
        (news_en.relative_url(agency.site), None, "Corrected the start time."),
    ):
        browser_page.goto(site_url(agency, url))
        expect(browser_page.locator(".notice--withdrawn")).to_contain_text(REASON)
        if banner:
            expect(browser_page.locator(".notice--withdrawn")).to_contain_text(banner)
        expect(browser_page.locator(".change-notes li")).to_contain_text(note)
        assert browser_page.evaluate("document.documentElement.scrollWidth") <= 360
        assert Axe().run(browser_page, options=WCAG_21_AA).violations_count == 0
