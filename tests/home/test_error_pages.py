"""The portal's own error pages with DEBUG off (as `make demo` runs): too large (413), server error (500)."""

import pytest
from django.test import Client
from django.urls import path

from home import views


def boom(request):
    raise RuntimeError("a defect")


urlpatterns = [path("hong/", boom)]
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
