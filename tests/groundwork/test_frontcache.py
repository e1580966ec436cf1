"""What the app tells the front cache (groundwork.frontcache, issue 15): public content cacheable by anyone with
the settings' lifetimes and no cookie; anything personal, any form with its token, status pages, POSTs, previews,
the admin and 5xx never stored; Vary without Accept-Language (the language is in the URL) nor Cookie on public
answers; forms of cached pages fetch their token apart, and without JavaScript keep what was typed."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import include
from django.urls import path as route
from django.utils import timezone
from wagtail.admin import urls as wagtailadmin_urls

from feedback.models import ConsultationComment
from groundwork.frontcache import PASS_FRAGMENTS, PASS_PREFIXES, is_passed
from tests.feedback.test_consultations import comment_data, make_consultation, url
from tests.finder.helpers import add_news
from tests.home.helpers import english, section
from tests.services import test_submission

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=60, s-maxage=600, stale-while-revalidate=30, stale-if-error=86400"
PRIVATE = "private, no-store"

procedure = test_submission.procedure  # a procedure of xã Tư Nghĩa taking dossiers online


def get(client, agency, path, **headers):
    return client.get(path, HTTP_HOST=agency.site.hostname, **headers)


def vary(response) -> set[str]:
    return {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}


def assert_public(response, control=PUBLIC):
    assert response["Cache-Control"] == control
    assert not response.cookies, response.cookies
    assert not {"cookie", "accept-language"} & vary(response)


def assert_private(response):
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


@pytest.fixture
def open_consultation(agency):
    now = timezone.now()
    return make_consultation(agency, opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=29))


# Public content ------------------------------------------------------------------------------------------------------


def test_pages_in_both_languages_are_public_whatever_the_browsers_language(client, agency):
    article = add_news(agency, "Hội nghị chuyển đổi số tỉnh Quảng Ngãi")
    news = section(agency, "tin-tuc")

    for path in ("/", "/en/", article.url, news.url, english(news).url):
        response = get(client, agency, path, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        assert response.status_code == 200, path
        assert_public(response)
    assert '<html lang="vi">' in get(client, agency, "/", HTTP_ACCEPT_LANGUAGE="en").text


@pytest.mark.parametrize(
    "path",
    [
        "/tin-tuc/?page=2",
        "/van-ban/?loai=quyet-dinh&q=ubnd",
        "/thu-tuc-hanh-chinh/?q=khai+sinh",
        "/feed/",
        "/en/feed/",
        "/sitemap.xml",
        "/robots.txt",
        "/tim-kiem/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91",
        "/en/search/?q=digital",
    ],
)
def test_listings_feeds_sitemaps_robots_and_search_are_public(client, agency, path):
    add_news(agency, "Hội nghị chuyển đổi số")

    response = get(client, agency, path)

    assert response.status_code in (200, 404), path  # a listing's page 2 may not exist: then the 404's header
    assert_public(response, PUBLIC if response.status_code == 200 else "public, max-age=60, s-maxage=60")


def test_a_head_request_gets_the_same_header(client, agency):
    assert_public(client.head("/", HTTP_HOST=agency.site.hostname))


def test_the_lifetimes_come_from_the_settings(client, agency, settings):
    settings.FRONT_CACHE_MAX_AGE, settings.FRONT_CACHE_S_MAXAGE = 5, 3600
    settings.FRONT_CACHE_STALE_WHILE_REVALIDATE, settings.FRONT_CACHE_STALE_IF_ERROR = 10, 600

    response = get(client, agency, "/")

    expected = "public, max-age=5, s-maxage=3600, stale-while-revalidate=10, stale-if-error=600"
    assert response["Cache-Control"] == expected


def test_a_missing_page_is_kept_by_the_front_cache_for_a_short_while_and_never_by_the_browser(client, agency, settings):
    """A visitor who met the 404 of a page about to be published must see it once it is: the front cache's copy is
    purged by the publish, a browser's could not be (tests/browser/test_moderation_flow.py)."""
    settings.FRONT_CACHE_NOT_FOUND_MAX_AGE = 30

    response = get(client, agency, "/khong-co-trang-nay/")

    assert response.status_code == 404
    assert_public(response, "public, max-age=0, s-maxage=30")


def boom(request):
    raise RuntimeError("a defect")


urlpatterns = [route("hong/", boom), route("admin/", include(wagtailadmin_urls))]


@pytest.mark.urls("tests.groundwork.test_frontcache")
def test_a_server_error_is_never_stored(db):
    response = Client(raise_request_exception=False).get("/hong/")

    assert response.status_code == 500
    assert response["Cache-Control"] == PRIVATE


# Forms on cached pages --------------------------------------------------------------------------------------------


def test_a_consultation_with_its_comment_form_stays_public_and_carries_no_token(client, open_consultation):
    response = client.get(url(open_consultation), HTTP_HOST=open_consultation.get_site().hostname)

    assert response.status_code == 200 and "comment-form" in response.text
    assert_public(response)
    assert re.search(r'name="csrfmiddlewaretoken" value="" data-csrf-token="/csrf-token"', response.text)
    assert "csrftoken" not in response.cookies


def test_the_follow_page_stays_public_and_carries_no_token(client, agency):
    response = get(client, agency, "/theo-doi/")

    assert response.status_code == 200
    assert_public(response)
    assert 'value="" data-csrf-token="/csrf-token"' in response.text


def test_the_token_is_fetched_apart_and_never_stored(client, agency):
    response = get(client, agency, "/csrf-token")

    assert response.status_code == 200
    assert_private(response)
    assert response.json()["token"] and "csrftoken" in response.cookies


def test_a_comment_sent_with_the_fetched_token_is_saved(open_consultation):
    browser = Client(enforce_csrf_checks=True)
    hostname = open_consultation.get_site().hostname
    token = browser.get("/csrf-token", HTTP_HOST=hostname).json()["token"]

    response = browser.post(
        url(open_consultation), {**comment_data(), "csrfmiddlewaretoken": token}, HTTP_HOST=hostname
    )

    assert response.status_code == 302
    assert ConsultationComment.objects.count() == 1


def test_without_javascript_a_comment_is_offered_again_with_what_was_typed(open_consultation):
    browser = Client(enforce_csrf_checks=True)
    hostname = open_consultation.get_site().hostname
    typed = comment_data(body='Đề nghị <b>bổ sung</b> "khoản 3" & điều 7.')

    refused = browser.post(url(open_consultation), {**typed, "csrfmiddlewaretoken": ""}, HTTP_HOST=hostname)

    assert refused.status_code == 403
    assert_private(refused)
    assert "Chưa gửi được" in refused.text and "Gửi lại" in refused.text
    assert 'value="Đề nghị &lt;b&gt;bổ sung&lt;/b&gt; &quot;khoản 3&quot; &amp; điều 7."' in refused.text
    assert not ConsultationComment.objects.exists()
    form = re.search(r'<form class="form" method="post" action="([^"]+)">(.*?)</form>', refused.text, re.S)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(2)))
    fields = {
        name: value.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
        for name, value in fields.items()
    }

    sent = browser.post(form.group(1), fields, HTTP_HOST=hostname)

    assert sent.status_code == 302
    assert ConsultationComment.objects.get().body == typed["body"]


def test_the_admins_csrf_failure_stays_djangos(agency):
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x"}, HTTP_HOST=agency.site.hostname)

    assert response.status_code == 403 and "Gửi lại" not in response.text


# Personal and passed ----------------------------------------------------------------------------------------------


def test_a_comment_with_errors_is_private(client, open_consultation):
    response = client.post(
        url(open_consultation), comment_data(name=""), HTTP_HOST=open_consultation.get_site().hostname
    )

    assert response.status_code == 200
    assert_private(response)
    assert re.search(r'name="csrfmiddlewaretoken" value="[^"]+"', response.text)  # the page answering a POST


def test_the_thank_you_after_a_comment_is_private(client, open_consultation):
    hostname = open_consultation.get_site().hostname
    client.post(url(open_consultation), comment_data(), HTTP_HOST=hostname)

    response = client.get(url(open_consultation), HTTP_HOST=hostname)

    assert "Cảm ơn quý vị đã góp ý" in response.text
    assert_private(response)


def test_the_dossier_form_and_a_dossiers_status_are_private(client, other_agency, procedure):
    form = get(client, other_agency, procedure.url + "nop-truc-tuyen/")
    assert form.status_code == 200
    assert_private(form)
    assert_public(get(Client(), other_agency, procedure.url))  # the procedure itself stays public

    data = test_submission.form_data(client, procedure, other_agency)
    assert test_submission.post(client, procedure, other_agency, data).status_code == 302
    lookup = get(client, other_agency, "/thu-tuc-hanh-chinh/tra-cuu-ho-so/")
    assert_private(lookup)


def test_the_question_pages_that_are_forms_or_lookups_are_private(client, agency):
    for path in ("/hoi-dap/gui-cau-hoi/", "/hoi-dap/tra-cuu/"):
        response = get(client, agency, path)
        assert response.status_code == 200, path
        assert_private(response)


def test_a_signed_in_editor_gets_private_pages(client, agency, editor):
    client.force_login(editor)

    response = get(client, agency, "/")

    assert response.status_code == 200
    assert_private(response)


def test_the_admin_is_never_stored(client, agency, editor):
    client.force_login(editor)

    for path in ("/admin/", "/admin/login/"):
        response = get(client, agency, path)
        assert_private(response)
    assert_private(get(Client(), agency, "/admin/login/"))


def test_a_preview_is_private(rf, agency):
    news = section(agency, "tin-tuc")

    response = news.make_preview_request(original_request=rf.get("/admin/", HTTP_HOST=agency.site.hostname))

    assert response.status_code == 200
    assert_private(response)


def test_the_usage_beacon_answers_are_never_stored(client, agency):
    response = client.post("/usage/view", {"page": agency.site.root_page_id}, HTTP_HOST=agency.site.hostname)

    assert response.status_code == 204
    assert_private(response)


def test_the_passed_paths_cover_every_form_status_and_lookup_route():
    for path in (
        "/admin/pages/",
        "/csrf-token",
        "/usage/view",
        "/thu-tuc-hanh-chinh/dang-ky-khai-sinh/nop-truc-tuyen/",
        "/en/administrative-procedures/birth/apply-online/",
        "/thu-tuc-hanh-chinh/tra-cuu-ho-so/HS-1/",
        "/hoi-dap/gui-cau-hoi/",
        "/hoi-dap/tra-cuu/",
        "/theo-doi/quan-ly/abc/",
        "/huy-nhan-tin/abc/",
    ):
        assert is_passed(path), path
    for path in ("/", "/tin-tuc/", "/thu-tuc-hanh-chinh/dang-ky-khai-sinh/", "/theo-doi/", "/hoi-dap/"):
        assert not is_passed(path), path
    assert all(prefix.startswith("/") for prefix in PASS_PREFIXES + PASS_FRAGMENTS)
