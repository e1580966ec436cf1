"""Fixtures for projects and procurement: each site's section, and projects and notices published in it."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from procurement.models import NoticePage, ProcurementIndexPage, ProjectPage

VIETNAM = timezone.get_fixed_timezone(7 * 60)


def procurement_section(agency, language: str = "vi") -> ProcurementIndexPage:
    """The agency's "Dự án, đấu thầu, mua sắm công" section (made by onboarding), in `language`."""
    plans = agency.site.root_page.get_children().get(slug="quy-hoach-ke-hoach-du-an")
    page = ProcurementIndexPage.objects.child_of(plans).get()
    if language == "en":
        return page.get_translation(Locale.objects.get(language_code="en"))
    return page


def vn_time(day: date, hour: int = 9, minute: int = 0) -> datetime:
    """A moment on `day` at hour:minute in Vietnam."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=VIETNAM)


def notice_fields(**fields) -> dict:
    """A valid invitation to tender's fields, issued ten days ago and closing in ten days; `fields` override."""
    today = timezone.localdate()
    values = {
        "title": "Thông báo mời thầu gói thầu XL-01: Xây dựng đường giao thông",
        "kind": "moi-thau",
        "investor": "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
        "package_name": "Xây dựng đường giao thông liên xã",
        "package_number": "XL-01",
        "field": "xay-lap",
        "method": "dau-thau-rong-rai",
        "package_price": 12_500_000_000,
        "trigger_date": today - timedelta(days=12),
        "issued_on": today - timedelta(days=10),
        "closes_at": vn_time(today + timedelta(days=10)),
        "summary": "Mời các nhà thầu có đủ năng lực tham dự gói thầu xây lắp.",
    }
    values.update(fields)
    return values


def add_notice(agency, slug: str | None = None, **fields) -> NoticePage:
    """A live notice on the agency's site (Vietnamese), made in code."""
    section = procurement_section(agency)
    values = notice_fields(**fields)
    page = section.add_child(
        instance=NoticePage(slug=slug or f"thong-bao-{NoticePage.objects.count() + 1}", locale=section.locale, **values)
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_project(agency, slug: str = "du-an-mau", **fields) -> ProjectPage:
    """A live investment project on the agency's site (Vietnamese), made in code."""
    section = procurement_section(agency)
    values = {
        "title": "Đường ven biển Dung Quất – Sa Huỳnh, đoạn Mỹ Á – Sa Huỳnh",
        "investor": "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
        "location": "Phường Đức Phổ, phường Sa Huỳnh",
        "total_investment": 1_200_000_000_000,
        "capital_source": "ngan-sach-dia-phuong",
        "status": "dang-thuc-hien",
        "decision_number": "1234/QĐ-UBND",
        "trigger_date": date(2025, 3, 14),
        "summary": "Dự án minh họa.",
    }
    values.update(fields)
    page = section.add_child(instance=ProjectPage(slug=slug, locale=section.locale, **values))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def make_notice(db):
    return add_notice


@pytest.fixture
def make_project(db):
    return add_project
