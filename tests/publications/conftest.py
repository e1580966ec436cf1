"""Fixtures for publications: pages published in a site's sections, with files in the site's collection."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from publications.models import (
    CommendationPage,
    GuidanceFile,
    GuidancePage,
    PlanFile,
    PlanPage,
    ScienceProgrammeFile,
    ScienceProgrammePage,
    StatisticsReportFile,
    StatisticsReportPage,
)
from tests.documents.conftest import pdf_bytes
from tests.home.helpers import english, section

# Each kind: its section's path under the site's home (Vietnamese slugs), and its file rows' model.
PLACES = {
    PlanPage: (("quy-hoach-ke-hoach-du-an", "chien-luoc-quy-hoach-ke-hoach"), PlanFile),
    StatisticsReportPage: (("quy-hoach-ke-hoach-du-an", "thong-ke"), StatisticsReportFile),
    ScienceProgrammePage: (("quy-hoach-ke-hoach-du-an", "khoa-hoc-cong-nghe"), ScienceProgrammeFile),
    CommendationPage: (("chi-dao-dieu-hanh", "khen-thuong-xu-ly-vi-pham"), None),
    GuidancePage: (("van-ban", "pho-bien-giao-duc-phap-luat"), GuidanceFile),
}
DEFAULTS = {
    PlanPage: {
        "kind": "ke-hoach",
        "period_start": 2026,
        "period_end": 2026,
        "status": "da-phe-duyet",
        "decision_number": "121/KH-UBND",
        "trigger_date": date(2025, 12, 31),
        "issuing_body": "UBND tỉnh Quảng Ngãi",
    },
    StatisticsReportPage: {"frequency": "quy", "period": "Quý III năm 2026", "trigger_date": date(2026, 10, 6)},
    ScienceProgrammePage: {
        "kind": "de-tai",
        "host_organisation": "Trường Đại học Phạm Văn Đồng",
        "status": "dang-thuc-hien",
        "trigger_date": date(2026, 3, 2),
    },
    CommendationPage: {
        "kind": "khen-thuong",
        "subject": "Trung tâm Phục vụ hành chính công tỉnh",
        "decision_number": "1234/QĐ-UBND",
        "decided_on": date(2026, 5, 4),
    },
    GuidancePage: {
        "kind": "pho-bien",
        "policy": "Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
        "trigger_date": date(2025, 6, 16),
        "body": "<p>Những điểm mới của Luật.</p>",
    },
}


def index_of(agency, model, language: str = "vi"):
    """The site's section listing `model`, in `language`."""
    (parent_slug, slug), _files = PLACES[model]
    page = section(agency, parent_slug).get_children().get(slug=slug).specific
    return english(page) if language == "en" else page


def upload(agency, name: str, text: str = "Tep minh hoa"):
    """A PDF in the agency's collection, its size recorded as the admin's upload form records it."""
    data = pdf_bytes(text)
    return get_document_model().objects.create(
        title=name, file=ContentFile(data, name=name), collection=agency.collection, file_size=len(data)
    )


@pytest.fixture
def publish(db):
    """publish(agency, Model, title, files=["a.pdf"], live=True, **fields): a publication in its section of the
    agency's site (the kind's usual fields filled in unless given), its files uploaded to the site's collection."""

    def make(agency, model, title, *, files=(), live=True, **fields):
        index = index_of(agency, model)
        values = {**DEFAULTS[model], "summary": f"Tóm tắt: {title}", **fields}
        page = model(title=title, locale=index.locale, live=live, **values)
        _place, file_model = PLACES[model]
        for position, name in enumerate(files):
            if file_model is None:
                page.file = upload(agency, name)
            else:
                page.files.add(file_model(document=upload(agency, name), sort_order=position, locale=index.locale))
        index.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        page.refresh_from_db()
        return page

    return make
