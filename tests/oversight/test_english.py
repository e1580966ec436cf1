"""English coverage (Điều 8.3): per site, the introduction's pages, contacts and the procedures foreigners use with no
English version, and the English pages older than their Vietnamese source; another site's pages are not counted."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page

from home.models import Agency
from oversight.english import english_coverage
from tests.home.helpers import add_page, english, section
from tests.services.test_catalogue import make_procedure

pytestmark = pytest.mark.django_db


def coverage_of(agency):
    [row] = english_coverage(Agency.objects.filter(pk=agency.pk))
    return row


def test_a_vietnamese_introduction_page_without_english_is_missing(agency, other_agency):
    before = coverage_of(agency)
    assert before.required > 0
    page = add_page(section(agency, "gioi-thieu"), "Chức năng, nhiệm vụ", slug="chuc-nang-nhiem-vu")
    add_page(section(other_agency, "gioi-thieu"), "Của xã", slug="cua-xa")

    after = coverage_of(agency)
    assert (after.required, after.missing) == (before.required + 1, before.missing + 1)
    assert ("Chức năng, nhiệm vụ", f"/admin/pages/{page.pk}/edit/") in after.missing_pages
    assert "Của xã" not in {title for title, _url in after.missing_pages}


def test_an_english_page_older_than_its_source_is_listed(agency):
    introduction = section(agency, "gioi-thieu")
    translation = english(introduction)
    now = timezone.now()
    Page.objects.filter(pk=translation.pk).update(last_published_at=now - timedelta(days=30), live=True, alias_of=None)
    Page.objects.filter(pk=introduction.pk).update(last_published_at=now)

    row = coverage_of(agency)
    assert row.outdated >= 1
    assert translation.title in {title for title, _url in row.outdated_pages}


def test_a_procedure_foreigners_use_needs_its_english_version(agency):
    before = coverage_of(agency)
    make_procedure(agency, "Cấp giấy phép lao động cho người nước ngoài", used_by_foreigners=True)
    make_procedure(agency, "Đăng ký hộ kinh doanh")

    after = coverage_of(agency)
    assert (after.required, after.missing) == (before.required + 1, before.missing + 1)
    assert "Cấp giấy phép lao động cho người nước ngoài" in {title for title, _url in after.missing_pages}
