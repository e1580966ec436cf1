"""Editing a procedure in Wagtail's page editor: which papers of its dossier a citizen uploads online."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail_localize.operations import translate_object

from services.models import DossierComponent
from tests.home.helpers import english
from tests.services.test_catalogue import make_procedure

pytestmark = pytest.mark.django_db

PAPER = "Giấy đề nghị đăng ký hộ kinh doanh"


def editor_form(page, **uploads) -> dict:
    """POST data of the page editor for `page` as it stands, each paper's upload changed as in `uploads` (by pk)."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "code": page.code,
            "sector": page.sector_id,
            "government_level": page.government_level,
            "implementing_agency": page.implementing_agency,
            "competent_agency": page.competent_agency,
            "applicants": page.applicants,
            "service_level": page.service_level or "",
            "online_service": page.online_service,
            "partial_reason": page.partial_reason,
            "steps": rich_text(page.steps),
            "channels": inline_formset(
                [
                    {"id": c.pk, "kind": c.kind, "working_days": c.working_days, "fee": c.fee, "notes": c.notes}
                    for c in page.channels.all()
                ],
                initial=page.channels.count(),
            ),
            "components": inline_formset(
                [
                    {
                        "id": c.pk,
                        "name": c.name,
                        "requirement": c.requirement,
                        "copies": c.copies,
                        "upload": uploads.get(str(c.pk), c.upload),
                        "template": c.template_id or "",
                    }
                    for c in page.components.all()
                ],
                initial=page.components.count(),
            ),
            "form_fields": inline_formset([]),
            "conditions": rich_text(page.conditions),
            "result": page.result,
            "legal_basis_text": page.legal_basis_text,
            "responsible_units": page.responsible_units,
            "seo_title": "",
            "search_description": "",
        }
    )


def public_form(client, page, agency):
    response = client.get(page.url + "nop-truc-tuyen/", HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return response


def test_an_editor_makes_a_paper_required_online_and_the_public_form_asks_for_it(client, other_agency, make_user):
    page = make_procedure(other_agency, "Đăng ký thành lập hộ kinh doanh", online_service="toan-trinh")
    paper = page.components.get(name=PAPER)
    field = f"f_{paper.pk}"
    assert field not in public_form(client, page, other_agency).text  # not uploaded online yet
    client.force_login(make_user("quantri", is_superuser=True))
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))

    editor = client.get(edit_url).text
    assert 'name="components-0-upload"' in editor and "Bắt buộc tải lên" in editor
    response = client.post(edit_url, {**editor_form(page, **{str(paper.pk): "bat-buoc"}), "action-publish": "on"})

    assert response.status_code == 302, response.context and response.context["form"].errors
    assert DossierComponent.objects.get(pk=paper.pk).upload == DossierComponent.Upload.REQUIRED
    client.logout()
    form = public_form(client, page, other_agency).text
    assert re.search(rf'<input[^>]*name="{field}"[^>]*required', form)
    token = re.search(r'name="token" value="([^"]+)"', form).group(1)
    sent = {"token": token, "applicant": "Lê Thị Hoa", "email": "hoa@example.vn", "phone": "", "website": ""}
    refused = client.post(page.url + "nop-truc-tuyen/", sent, HTTP_HOST=other_agency.site.hostname)
    assert refused.status_code == 400 and "Trường này là bắt buộc." in refused.text


def test_the_english_translation_keeps_which_papers_are_uploaded(client, other_agency, make_user):
    page = make_procedure(other_agency, "Đăng ký thành lập hộ kinh doanh", online_service="toan-trinh")
    paper = page.components.get(name=PAPER)
    client.force_login(make_user("quantri", is_superuser=True))
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    edited = client.post(edit_url, {**editor_form(page, **{str(paper.pk): "tuy-chon"}), "action-publish": "on"})
    assert edited.status_code == 302

    translate_object(page, [Locale.objects.get(language_code="en")], user=make_user("bbt", is_superuser=True))

    # The papers are not TranslatableMixin: wagtail-localize synchronises the whole relation, upload included.
    translated = english(page)
    assert [c.upload for c in translated.components.all()] == [DossierComponent.Upload.OPTIONAL]
