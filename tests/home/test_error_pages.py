"""The portal's own error pages with DEBUG off (as `make demo` runs): too large (413), server error (500)."""

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import path

from home import views
from portal import urls as portal_urls


def boom(request):
    raise RuntimeError("a defect")


def database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


# The portal's own URLs after these, so that the middleware finds the admin's (it tells admin paths apart).
urlpatterns = [path("hong/", boom), path("mat-ket-noi/", database_gone), *portal_urls.urlpatterns]
handler500 = "home.views.server_error"


def post_too_much(agency, path: str):
    """A form POST whose fields (no file) pass DATA_UPLOAD_MAX_MEMORY_SIZE, as a browser sends it (CSRF checked)."""
    client = Client(enforce_csrf_checks=True)
    return client.generic(
        "POST",
        path,
        "body=" + "x" * (3 * 1024 * 1024),
        content_type="application/x-www-form-urlencoded",
        HTTP_HOST=agency.site.hostname,
    )


def test_a_post_too_large_gets_the_portals_413_page_with_the_limit_in_the_urls_language(agency, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)

    vietnamese = post_too_much(agency, "/")
    english = post_too_much(agency, "/en/")

    assert vietnamese.status_code == english.status_code == 413
    assert "Dữ liệu gửi lên quá lớn" in vietnamese.text and "2,5" in vietnamese.text
    assert '<html lang="vi">' in vietnamese.text and "<footer" in vietnamese.text  # in the site's frame
    assert "2.5\xa0MB" in english.text and '<html lang="en">' in english.text


@pytest.mark.urls("tests.home.test_error_pages")
def test_a_server_error_gets_the_portals_static_500_page(db):
    client = Client(raise_request_exception=False)

    response = client.get("/hong/")

    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.text and "Server error" in response.text
    assert views.server_error.__doc__


@pytest.mark.urls("tests.home.test_error_pages")
def test_a_lost_database_connection_is_a_503_to_retry_not_a_500(db):
    """While PostgreSQL restarts (a second or two), a visitor and the front cache are told to come back: Varnish serves
    its stale copy on a 503, and a monitor does not count a defect."""
    client = Client(raise_request_exception=False)

    response = client.get("/mat-ket-noi/")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Hệ thống đang gặp sự cố" in response.text
    assert "5432" not in response.text
