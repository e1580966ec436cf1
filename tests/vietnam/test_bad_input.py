"""A NUL byte anywhere a request brings text (PostgreSQL text cannot hold one) is refused with a 400, never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from feedback.models import ConsultationComment, Question
from services.models import Dossier
from tests.documents.conftest import pdf_bytes
from tests.feedback.test_consultations import comment_data, make_consultation
from tests.feedback.test_questions import ask
from tests.services import test_submission
from tests.services.test_catalogue import make_procedure
from tests.services.test_tracking import TRACK

pytestmark = pytest.mark.django_db

procedure = test_submission.procedure  # the fixture: a procedure of xã Tư Nghĩa taking dossiers online

NUL = "\x00"

# Every public listing that reads its query string, with the parameters it reads.
LISTINGS = {
    "portal": [
        ("/tim-kiem/", ["q", "page"]),
        ("/en/search/", ["q"]),
        ("/van-ban/", ["q", "loai", "co-quan", "linh-vuc", "nam", "hieu-luc", "sap-xep", "page"]),
        ("/cong-bao/", ["nam"]),
        ("/thu-tuc-hanh-chinh/", ["q", "linh-vuc", "co-quan", "cap", "dich-vu", "page"]),
        ("/hoi-dap/", ["q", "linh-vuc", "page"]),
    ],
    "agency": [
        ("/tim-kiem/", ["q"]),
        ("/van-ban/", ["q", "linh-vuc", "nam"]),
        ("/hoi-dap/", ["q", "linh-vuc"]),
        ("/hoi-dap/gui-cau-hoi/", ["van-ban"]),
    ],
}


def assert_refused(response):
    assert response.status_code == 400
    # The site's own page, in the visitor's language.
    english = response.wsgi_request.path.startswith("/en/")
    assert ("Bad request" if english else "Yêu cầu không hợp lệ") in response.text


@pytest.mark.parametrize(
    ("site", "path", "param"),
    [(site, path, param) for site, routes in LISTINGS.items() for path, params in routes for param in params],
)
def test_a_nul_in_a_query_parameter_is_refused(client, request, site, path, param):
    host = request.getfixturevalue(site).site.hostname
    response = client.get(path, {param: "quy" + NUL + "dinh"}, HTTP_HOST=host)
    assert_refused(response)


def test_the_same_listings_answer_without_the_nul(client, portal, agency):
    for site, routes in (("portal", portal), ("agency", agency)):
        for path, params in LISTINGS[site]:
            response = client.get(path, dict.fromkeys(params, "quy dinh"), HTTP_HOST=routes.site.hostname)
            assert response.status_code == 200, (site, path)


@pytest.mark.parametrize("query", ["?%00=1", "?q=a&q=%00", "?q%00=1"])
def test_a_nul_in_a_parameters_name_or_second_value_is_refused(client, agency, query):
    assert_refused(client.get("/tim-kiem/" + query, HTTP_HOST=agency.site.hostname))


def test_a_nul_in_the_path_is_refused(client, agency):
    assert_refused(client.get("/tin-tuc/%00/", HTTP_HOST=agency.site.hostname))
    assert_refused(client.get("/en/news/a%00b/", HTTP_HOST=agency.site.hostname))


@pytest.mark.parametrize("field", ["name", "title", "body", "email", "kind", "website"])
def test_a_question_with_a_nul_is_refused_and_not_kept(client, agency, field):
    response = ask(client, agency, **{field: "Nguyễn" + NUL})
    assert_refused(response)
    assert not Question.objects.exists()


def test_a_file_field_named_with_a_nul_is_refused(client, agency):
    response = ask(client, agency, **{"attachment" + NUL: SimpleUploadedFile("cong-van.pdf", pdf_bytes("cong van"))})
    assert_refused(response)
    assert not Question.objects.exists()


def test_a_nul_in_a_files_name_is_dropped_by_djangos_parser(client, agency):
    response = ask(client, agency, attachment=SimpleUploadedFile("cong-van" + NUL + ".pdf", pdf_bytes("cong van")))
    assert response.status_code == 302
    assert NUL not in Question.objects.get().attachment.name


def test_a_question_lookup_with_a_nul_is_refused(client, agency):
    response = client.post(
        "/hoi-dap/tra-cuu/", {"code": "HD-" + NUL, "contact": "a@b.vn"}, HTTP_HOST=agency.site.hostname
    )
    assert_refused(response)


@pytest.mark.parametrize("field", ["name", "organisation", "article", "body"])
def test_a_consultation_comment_with_a_nul_is_refused(client, agency, field):
    page = make_consultation(agency)
    response = client.post(
        page.relative_url(page.get_site()), comment_data(**{field: "Điều 1" + NUL}), HTTP_HOST=agency.site.hostname
    )
    assert_refused(response)
    assert not ConsultationComment.objects.exists()


@pytest.mark.parametrize("field", ["applicant", "question", "file field"])
def test_a_dossier_with_a_nul_is_refused_and_not_kept(client, other_agency, procedure, field):
    data = test_submission.form_data(client, procedure, other_agency)
    if field == "applicant":
        data["applicant"] = "Lê Thị" + NUL + "Hoa"
    elif field == "question":
        key = next(name for name in data if name.startswith("q_"))
        data[key] = NUL
    else:
        key = next(name for name in data if name.startswith("f_"))
        data[key + NUL] = data.pop(key)
    response = test_submission.post(client, procedure, other_agency, data)
    assert_refused(response)
    assert not Dossier.objects.exists()


def test_a_dossier_lookup_with_a_nul_is_refused(client, other_agency):
    make_procedure(other_agency, "Đăng ký thành lập hộ kinh doanh")
    response = client.post(TRACK, {"code": "000" + NUL, "secret": "x" + NUL}, HTTP_HOST=other_agency.site.hostname)
    assert_refused(response)
