"""The English side of a procedure (R2, R7): its online form asks the same questions, in English, and the same
files as the Vietnamese one, and refuses a dossier without its required files on the server."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from services.models import Dossier, DossierComponent, ProcedureFormField, ProcedurePage
from tests.documents.conftest import pdf_bytes
from tests.services import test_submission

pytestmark = pytest.mark.django_db

procedure = test_submission.procedure  # the fixture: "Đăng ký thành lập hộ kinh doanh" of xã Tư Nghĩa, online

NAMES = {
    "Giấy đề nghị đăng ký hộ kinh doanh": "Application for registering a household business",
    "Văn bản ủy quyền": "Letter of authorisation",
    "Căn cước của chủ hộ": "ID card of the household head",
}
LABELS = {
    "Tên hộ kinh doanh": "Name of the business",
    "Ngày bắt đầu kinh doanh": "Date the business opens",
    "Ngành nghề": "Line of business",
}


def translate(procedure, make_user, labels=LABELS) -> ProcedurePage:
    """The English translation made as an editor makes it (wagtail-localize's "Translate", a draft copy in the
    portal's simple mode), its texts then written in English in the page editor, and published."""
    procedure = ProcedurePage.objects.get(pk=procedure.pk)  # as stored (wagtail-localize copies the object given)
    translate_object(procedure, [Locale.objects.get(language_code="en")], user=make_user("bien_dich"))
    english = procedure.get_translation(Locale.objects.get(language_code="en")).specific
    draft = english.get_latest_revision_as_object()
    draft.title = "Registering a household business"
    components = list(draft.components.all())
    for component in components:
        component.name = NAMES[component.name]
    questions = list(draft.form_fields.all())
    for question in questions:
        question.label = labels[question.label]
        if question.kind == "choice":
            question.choices = "Retail\nFood and drink\nServices"
    draft.components, draft.form_fields = components, questions
    draft.save_revision().publish()
    return ProcedurePage.objects.get(pk=english.pk)


def english_form(client, english, agency):
    response = client.get(english.url + "apply-online/", HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return response


def english_data(response, **fields) -> dict:
    """The English form's answers, by the names the served form gives its fields."""
    form = response.context["form"]
    by_label = {str(field.label): name for name, field in form.fields.items()}
    return {
        "token": re.search(r'name="token" value="([^"]+)"', response.text).group(1),
        "applicant": "John Smith",
        "email": "john@example.com",
        "phone": "",
        by_label["Name of the business"]: "Smith's Corner Shop",
        by_label["Date the business opens"]: "15/12/2026",
        by_label["Line of business"]: "Bán lẻ",
        "website": "",
        **fields,
    }


def file_field(response, label: str) -> str:
    return next(name for name, field in response.context["form"].fields.items() if str(field.label) == label)


def test_the_english_form_asks_the_same_files_and_its_questions_in_english(client, other_agency, procedure, make_user):
    english = translate(procedure, make_user)

    response = english_form(client, english, other_agency)

    form = response.context["form"]
    files = {str(field.label): field.required for name, field in form.fields.items() if name.startswith("f_")}
    assert files == {"Application for registering a household business": True, "Letter of authorisation": False}
    questions = [str(field.label) for name, field in form.fields.items() if name.startswith("q_")]
    assert questions == ["Name of the business", "Date the business opens", "Line of business"]
    assert '<option value="Bán lẻ">Retail</option>' in response.text  # the officers read the Vietnamese choice
    assert "Tên hộ kinh doanh" not in response.text


def test_an_english_dossier_without_its_required_file_is_refused(client, other_agency, procedure, make_user):
    english = translate(procedure, make_user)
    response = english_form(client, english, other_agency)

    refused = client.post(english.url + "apply-online/", english_data(response), HTTP_HOST=other_agency.site.hostname)

    assert refused.status_code == 400
    assert "This field is required." in refused.text
    assert not Dossier.objects.exists()


def test_an_english_dossier_with_its_file_is_saved_for_the_officers_in_vietnamese(
    client, other_agency, procedure, make_user
):
    english = translate(procedure, make_user)
    response = english_form(client, english, other_agency)
    upload = file_field(response, "Application for registering a household business")
    data = english_data(response, **{upload: SimpleUploadedFile("application.pdf", pdf_bytes("application"))})

    sent = client.post(english.url + "apply-online/", data, HTTP_HOST=other_agency.site.hostname)

    assert sent.status_code == 302
    dossier = Dossier.objects.get()
    assert dossier.language == "en"
    # The officers read the questions, the chosen answer and the paper by their Vietnamese names.
    assert dossier.answers == [
        ["Tên hộ kinh doanh", "Smith's Corner Shop"],
        ["Ngày bắt đầu kinh doanh", "15/12/2026"],
        ["Ngành nghề", "Bán lẻ"],
    ]
    assert dossier.files.get().label == "Giấy đề nghị đăng ký hộ kinh doanh"


def test_the_english_form_keeps_the_uploads_its_page_lost(client, other_agency, procedure, make_user):
    """An English page whose papers were written anew (as the demo did) or deleted still asks for every file the
    procedure requires: what the form asks is the Vietnamese procedure's, only its wording is the translation's."""
    english = translate(procedure, make_user)
    draft = english.get_latest_revision_as_object()
    draft.components = [DossierComponent(name="Application (new row, no upload set)")]
    draft.form_fields = []
    draft.save_revision().publish()

    response = english_form(client, english, other_agency)

    files = {
        str(field.label): field.required for name, field in response.context["form"].fields.items() if "f_" in name
    }
    assert files == {"Giấy đề nghị đăng ký hộ kinh doanh": True, "Văn bản ủy quyền": False}
    refused = client.post(
        english.url + "apply-online/",
        {
            "token": re.search(r'name="token" value="([^"]+)"', response.text).group(1),
            "applicant": "John Smith",
            "email": "john@example.com",
        },
        HTTP_HOST=other_agency.site.hostname,
    )
    assert refused.status_code == 400 and not Dossier.objects.exists()


def test_an_english_birth_date_in_the_future_is_refused_in_english(client, other_agency, procedure, make_user):
    draft = procedure.get_latest_revision_as_object()
    draft.form_fields = [
        *draft.form_fields.all(),
        ProcedureFormField(label="Ngày, tháng, năm sinh của chủ hộ", kind="date"),
    ]
    draft.save_revision().publish()
    labels = {**LABELS, "Ngày, tháng, năm sinh của chủ hộ": "Date of birth of the household head"}
    english = translate(procedure, make_user, labels)
    response = english_form(client, english, other_agency)
    born = file_field(response, "Date of birth of the household head")
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y")

    refused = client.post(
        english.url + "apply-online/",
        english_data(response, **{born: tomorrow}),
        HTTP_HOST=other_agency.site.hostname,
    )

    assert refused.status_code == 400
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f"The date must be between 01/01/1900 and today ({today})." in refused.text
