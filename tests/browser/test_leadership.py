"""The work schedule and a leader's page on a phone (360 px), in both languages: days stack without sideways
scrolling, today is marked, the leader filter works without JavaScript, and axe finds no WCAG 2.1 AA violation."""

from datetime import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from leadership.models import LeaderResponsibility
from leadership.weeks import this_monday
from tests.leadership.helpers import entry, leaders_section, make_leader, make_week, republish, schedule_section

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def schedule(agency):
    """Two leaders and this week's schedule, one entry adjusted after publication."""
    chair = make_leader(
        agency,
        "Nguyễn Thị An",
        "Giám đốc Sở Thông tin và Truyền thông",
        rank=1,
        duties=[(LeaderResponsibility.Kind.FIELD, "Chuyển đổi số"), (LeaderResponsibility.Kind.AREA, "Xã Tư Nghĩa")],
        biography="<p>Sinh năm 1975.</p>",
        phone="0255 0000 101",
    )
    deputy = make_leader(agency, "Trần Văn Bình", "Phó Giám đốc Sở", rank=2)
    monday, today = this_monday(), timezone.localdate()
    week = make_week(
        agency,
        monday,
        [
            entry(
                today,
                time(8),
                "Họp Ban chỉ đạo chuyển đổi số, cải cách hành chính và đề án 06 của tỉnh",
                leader=chair,
                end_time=time(10, 30),
                place="Phòng họp tầng 3, trụ sở Sở Khoa học và Công nghệ",
                attendees="Lãnh đạo các phòng chuyên môn; Trung tâm Công nghệ thông tin và Truyền thông",
                preparer="Văn phòng Sở",
            ),
            entry(monday, time(14), "Kiểm tra hạ tầng viễn thông", leader=deputy, place="Đặc khu Lý Sơn"),
            entry(monday, time(7, 30), "Giao ban lãnh đạo Sở"),
        ],
    )

    def adjust(page):
        rows = list(page.entries.all())
        rows[1].start_time = time(15)
        page.entries = rows

    republish(week, adjust)
    return chair, deputy


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_schedule_fits_a_phone_and_passes_wcag_21_aa(new_page, site_url, agency, schedule, language):
    if language == "en":
        monday = this_monday()
        make_week(
            agency,
            monday,
            [entry(timezone.localdate(), time(8), "Steering committee on digital transformation")],
            language="en",
        )
    page = new_page(**PHONE)
    page.goto(site_url(agency, schedule_section(agency, language).relative_url(agency.site)))

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    expect(page.locator('[aria-current="date"]')).to_have_count(1)
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_the_leader_filter_and_print_view_work_without_javascript(browser, new_page, site_url, agency, schedule):
    _chair, deputy = schedule
    context = browser.new_context(java_script_enabled=False, locale="vi-VN", **PHONE)
    page = context.new_page()
    page.goto(site_url(agency, schedule_section(agency).relative_url(agency.site)))

    page.get_by_label("Lịch của lãnh đạo").select_option(deputy.slug)
    page.get_by_role("button", name="Xem").click()

    expect(page.get_by_text("Kiểm tra hạ tầng viễn thông")).to_be_visible()
    expect(page.get_by_text("Giao ban lãnh đạo Sở")).to_have_count(0)
    expect(page.get_by_text("Điều chỉnh", exact=True)).to_be_visible()
    page.get_by_role("link", name="In lịch").click()
    expect(page.locator(".main-nav")).to_have_count(0)
    expect(page.get_by_text("Kiểm tra hạ tầng viễn thông")).to_be_visible()
    print_url = page.url
    context.close()

    # Measured and checked with scripts on (axe runs in the page), at the URL the visitor reached.
    page = new_page(**PHONE)
    page.goto(print_url)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_a_leaders_page_fits_a_phone_and_passes_wcag_21_aa(new_page, site_url, agency, schedule):
    chair, _deputy = schedule
    for url in (chair.relative_url(agency.site), leaders_section(agency).relative_url(agency.site)):
        page = new_page(**PHONE)
        page.goto(site_url(agency, url))

        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()
    expect(page.get_by_role("link", name="Nguyễn Thị An")).to_be_visible()
