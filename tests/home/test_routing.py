"""Routes in the page's language (home/routing.py): English paths on English pages, Vietnamese on Vietnamese ones,
the other language's path redirected (301) with its query string, and links, redirects and e-mails built in the
page's language."""

import pytest
from wagtail.models import Locale

from feedback.handling import public_urls
from feedback.models import Question
from feedback.models.pages import QuestionIndexPage
from home.routing import ENGLISH_SUFFIX, LocalizedRoutesMixin
from services.handling import status_url
from services.models import ProcedureIndexPage, ProcedurePage
from tests.feedback.test_questions import ask
from tests.services import test_submission
from tests.services.helpers import make_dossier
from tests.services.test_english_form import translate

pytestmark = pytest.mark.django_db

procedure = test_submission.procedure  # "Đăng ký thành lập hộ kinh doanh" of xã Tư Nghĩa, taking dossiers online

# Every route whose path differs by language: (Vietnamese path, English path) under the sections of a site.
SECTION_ROUTES = [
    ("/thu-tuc-hanh-chinh/tra-cuu-ho-so/", "/en/administrative-procedures/track-dossier/"),
    ("/thu-tuc-hanh-chinh/lay-lai-ma-bao-mat/", "/en/administrative-procedures/recover-security-code/"),
    ("/thu-tuc-hanh-chinh/thong-ke/", "/en/administrative-procedures/statistics/"),
    ("/hoi-dap/gui-cau-hoi/", "/en/questions-and-answers/ask/"),
    ("/hoi-dap/da-gui/", "/en/questions-and-answers/sent/"),
    ("/hoi-dap/tra-cuu/", "/en/questions-and-answers/track/"),
]


def host(agency) -> dict:
    return {"HTTP_HOST": agency.site.hostname}


def section_and_route(path: str) -> tuple[str, str]:
    """ "/hoi-dap/tra-cuu/" -> ("/hoi-dap/", "tra-cuu/")."""
    section, route = path.rstrip("/").rsplit("/", 1)
    return section + "/", route + "/"


@pytest.mark.parametrize(("vietnamese", "english"), SECTION_ROUTES)
def test_each_route_answers_in_its_pages_language(client, other_agency, vietnamese, english):
    assert client.get(vietnamese, **host(other_agency)).status_code == 200
    response = client.get(english, **host(other_agency))
    assert response.status_code == 200
    assert '<html lang="en">' in response.text


@pytest.mark.parametrize(("vietnamese", "english"), SECTION_ROUTES)
def test_the_other_languages_path_redirects_permanently(client, other_agency, vietnamese, english):
    vietnamese_section, vietnamese_route = section_and_route(vietnamese)
    english_section, english_route = section_and_route(english)
    wrong_english = english_section + vietnamese_route  # /en/administrative-procedures/tra-cuu-ho-so/
    response = client.get(wrong_english + "?nam=2026", **host(other_agency))
    assert response.status_code == 301
    assert response["Location"] == english + "?nam=2026"

    response = client.get(vietnamese_section + english_route, **host(other_agency))  # /thu-tuc-…/track-dossier/
    assert response.status_code == 301
    assert response["Location"] == vietnamese


def test_a_route_with_an_argument_keeps_it_when_redirected(client, other_agency):
    response = client.get("/en/administrative-procedures/tra-cuu-ho-so/XTN-260101-0001/", **host(other_agency))
    assert response.status_code == 301
    assert response["Location"] == "/en/administrative-procedures/track-dossier/XTN-260101-0001/"
    response = client.get("/thu-tuc-hanh-chinh/track-dossier/XTN-260101-0001/", **host(other_agency))
    assert response["Location"] == "/thu-tuc-hanh-chinh/tra-cuu-ho-so/XTN-260101-0001/"


def test_a_procedures_online_form_and_receipt_have_english_paths(client, other_agency, procedure, make_user):
    english = translate(procedure, make_user).relative_url(other_agency.site)
    vietnamese = procedure.relative_url(other_agency.site)
    assert client.get(english + "apply-online/", **host(other_agency)).status_code == 200
    assert client.get(english + "submitted/", **host(other_agency)).status_code == 200
    assert client.get(english + "nop-truc-tuyen/", **host(other_agency))["Location"] == english + "apply-online/"
    assert client.get(english + "da-nop/", **host(other_agency))["Location"] == english + "submitted/"
    assert client.get(vietnamese + "apply-online/", **host(other_agency))["Location"] == vietnamese + "nop-truc-tuyen/"
    # The English procedure's page links to its English form.
    assert f'href="{english}apply-online/"' in client.get(english, **host(other_agency)).text


def test_english_pages_link_their_routes_in_english(client, other_agency):
    catalogue = client.get("/en/administrative-procedures/", **host(other_agency)).text
    assert 'href="/en/administrative-procedures/track-dossier/"' in catalogue
    assert 'href="/en/administrative-procedures/statistics/"' in catalogue
    questions = client.get("/en/questions-and-answers/", **host(other_agency)).text
    assert 'href="/en/questions-and-answers/ask/"' in questions
    assert 'href="/en/questions-and-answers/track/"' in questions
    assert "tra-cuu" not in catalogue + questions and "gui-cau-hoi" not in questions


def test_a_question_sent_to_the_english_form_leads_to_the_english_receipt(client, other_agency):
    response = ask(client, other_agency, path="/en/questions-and-answers/ask/", name="John Smith")
    assert response.status_code == 302
    assert response["Location"] == "/en/questions-and-answers/sent/"
    receipt = client.get(response["Location"], **host(other_agency))
    assert Question.objects.get().code in receipt.text
    assert 'href="/en/questions-and-answers/track/"' in receipt.text


def test_e_mails_link_the_route_in_the_recipients_language(other_agency, procedure):
    dossier = make_dossier(procedure, language="en")
    assert status_url(dossier).endswith("/en/administrative-procedures/track-dossier/")
    dossier.language = "vi"
    assert status_url(dossier).endswith("/thu-tuc-hanh-chinh/tra-cuu-ho-so/")

    question = Question(agency=other_agency, language="en", pk=7)
    assert public_urls(question)["lookup_url"].endswith("/en/questions-and-answers/track/")
    question.language = "vi"
    assert public_urls(question)["lookup_url"].endswith("/hoi-dap/tra-cuu/")


def test_every_routable_page_with_vietnamese_paths_has_english_ones():
    """A route added later with a Vietnamese path and no English one fails here: give it `localized_path`."""
    english = Locale.objects.get(language_code="en")
    for model in (ProcedureIndexPage, ProcedurePage, QuestionIndexPage):
        assert issubclass(model, LocalizedRoutesMixin)
        names = {pattern.name for pattern in model.get_subpage_urls()}
        for pattern in model.get_subpage_urls():
            if str(pattern.pattern) not in ("", "<int:pk>/") and not pattern.name.endswith(ENGLISH_SUFFIX):
                assert pattern.name + ENGLISH_SUFFIX in names, f"{model.__name__}: {pattern.name}"
        assert model(locale=english).routes_language() == "en"
