"""Every public form, sent with errors, shows GOV.UK's error summary (templates/components/error_summary.html): at
the top of the form, focusable, a link to each field in error; each field carries its own message; the page's
title starts with "Lỗi:". The focus itself is checked in a browser (tests/browser/test_error_summary.py)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.feedback import test_consultations
from tests.feedback.test_questions import ASK, LOOKUP
from tests.services import test_submission, test_tracking

pytestmark = pytest.mark.django_db

# The fixtures the forms need.
procedure = test_submission.procedure
dossier, visitor, awaited = test_tracking.dossier, test_tracking.visitor, test_tracking.awaited
consultation, clock = test_consultations.consultation, test_consultations.clock

PNG = test_tracking.PNG


def assert_summary(response, fields: list[str]):
    """The summary is the form's first content, ahead of every field, and links to each of `fields` (names),
    whose input exists and is described by its own error message."""
    html = response.content.decode()
    assert re.search(r"<title>\s*Lỗi: ", html), "the title says the page has errors"
    summary = re.search(r'<div class="error-summary" id="error-summary" tabindex="-1"[^>]*>(.*?)</div>', html, re.S)
    assert summary, "an error summary, focusable"
    assert "Có lỗi cần sửa" in summary.group(1)
    assert 'src="/static/js/error-summary.js"' in html
    for name in fields:
        target = re.search(rf'<[^>]+name="{name}"[^>]*>', html).group()
        field_id = re.search(r'\sid="([^"]+)"', target).group(1)
        assert f'href="#{field_id}"' in summary.group(1), f"a link to {name}"
        errors_id = f"{field_id.removesuffix('_0')}_errors"  # a group of radios: its first radio, the group's errors
        assert errors_id in re.search(r'aria-describedby="([^"]*)"', target).group(1)
        assert html.index(f'id="{field_id}"') > summary.end(), f"{name} comes after the summary"


def test_the_dossier_form(client, other_agency, procedure):
    data = test_submission.form_data(client, procedure, other_agency, applicant="", email="hoa@")
    response = test_submission.post(client, procedure, other_agency, data)

    assert response.status_code == 400
    assert_summary(response, ["applicant", "email"])


def test_the_dossier_lookup(client, other_agency):
    response = client.post("/thu-tuc-hanh-chinh/tra-cuu-ho-so/", {"code": "", "secret": ""}, **host(other_agency))

    assert response.status_code == 400
    assert_summary(response, ["code", "secret"])


def test_the_dossier_lookup_not_found(client, other_agency):
    response = client.post("/thu-tuc-hanh-chinh/tra-cuu-ho-so/", {"code": "X-1", "secret": "Y"}, **host(other_agency))

    assert_summary(response, [])
    assert "Không tìm thấy hồ sơ" in response.text


def test_the_security_code_recovery(client, other_agency):
    response = client.post("/thu-tuc-hanh-chinh/lay-lai-ma-bao-mat/", {"code": "", "contact": ""}, **host(other_agency))

    assert response.status_code == 400
    assert_summary(response, ["code", "contact"])


def test_the_supplement(visitor, other_agency, awaited):
    long_note = "x" * 5001
    response = test_tracking.supplement(
        visitor, other_agency, awaited, [SimpleUploadedFile("anh.png", PNG)], note=long_note
    )

    assert response.status_code == 400
    assert_summary(response, ["note", "files"])
    assert "Vui lòng chọn lại tệp “anh.png”" in response.text


def test_the_question(client, agency):
    response = client.post(ASK, {"kind": "", "name": "", "title": "", "body": ""}, **host(agency))

    assert_summary(response, ["kind", "name", "title", "body"])


def test_the_question_lookup(client, agency):
    response = client.post(LOOKUP, {"code": "", "contact": ""}, **host(agency))

    assert_summary(response, ["code", "contact"])


def test_the_consultation_comment(client, consultation, clock):
    clock(test_consultations.DURING)

    response = test_consultations.post_comment(client, consultation, name="", body="")

    assert_summary(response, ["name", "body"])


def host(agency) -> dict:
    return {"HTTP_HOST": agency.site.hostname}
