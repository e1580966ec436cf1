"""Posting time limits (R10): 2 working days on the issuer's own site, 10 elsewhere; the BBT's report."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from wagtail.models import Page

from documents.models import Authority, LegalDocumentPage
from documents.timeliness import timeliness

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def posted(page, when: datetime):
    Page.objects.filter(pk=page.pk).update(first_published_at=when)


def test_limits_depend_on_whose_site_it_is(agency, other_agency, lists, make_document):
    Authority.objects.filter(name="Sở Thông tin và Truyền thông").update(agency=agency)
    friday = date(2026, 3, 6)
    own = make_document(
        agency, "01/QĐ-STTTT", "Văn bản của Sở", authority="Sở Thông tin và Truyền thông", issued_on=friday
    )
    elsewhere = make_document(
        other_agency, "01/QĐ-STTTT", "Văn bản của Sở", authority="Sở Thông tin và Truyền thông", issued_on=friday
    )
    posted(own, datetime(2026, 3, 11, 9, tzinfo=HCM))  # Wednesday: after Tuesday's deadline
    posted(elsewhere, datetime(2026, 3, 11, 9, tzinfo=HCM))

    rows = {row.document.pk: row for row in timeliness(LegalDocumentPage.objects.filter(pk__in=[own.pk, elsewhere.pk]))}

    assert (rows[own.pk].limit, rows[own.pk].due, rows[own.pk].late) == (2, date(2026, 3, 10), True)
    assert (rows[elsewhere.pk].limit, rows[elsewhere.pk].due, rows[elsewhere.pk].late) == (10, date(2026, 3, 20), False)


def test_the_bbt_sees_late_and_overdue_documents_of_its_own_site(
    client, agency, other_agency, moderator, make_document
):
    late = make_document(agency, "02/KH-UBND", "Kế hoạch đăng chậm", type="Kế hoạch", issued_on=date(2026, 1, 5))
    posted(late, datetime(2026, 2, 2, 9, tzinfo=HCM))
    make_document(agency, "03/KH-UBND", "Kế hoạch chưa đăng", type="Kế hoạch", issued_on=date(2026, 1, 5), live=False)
    make_document(other_agency, "04/KH-UBND", "Của trang khác", type="Kế hoạch", issued_on=date(2026, 1, 5), live=False)
    client.force_login(moderator)

    response = client.get(reverse("late_documents"))

    assert response.status_code == 200
    text = response.content.decode()
    assert "02/KH-UBND" in text and "Đăng chậm" in text
    assert "03/KH-UBND" in text and "Quá hạn, chưa đăng" in text
    assert "04/KH-UBND" not in text
