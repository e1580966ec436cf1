"""Structured logs (groundwork/logs.py): one JSON object a line with the request id the front tier sent, one access
line a request, and nothing personal: no query string, no address, no form data."""

import io
import json
import logging
import os
import secrets
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from groundwork.logs import JsonFormatter
from portal.settings.base import logging_settings
from tests.feedback.test_questions import ASK, LOOKUP, ask
from tests.test_settings import ROOT

pytestmark = pytest.mark.django_db

PHONE, EMAIL, ADDRESS = "0905123456", "nguyen.thi.hoa@example.vn", "203.0.113.77"


@pytest.fixture
def json_lines():
    """Every record logged at INFO and above during the test, as the production handler writes them: a function
    returning the lines parsed (each must be one JSON object) and the raw text."""
    stream, root = io.StringIO(), logging.getLogger()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield lambda: ([json.loads(line) for line in stream.getvalue().splitlines()], stream.getvalue())
    root.removeHandler(handler)
    root.setLevel(level)


def access_lines(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line["logger"] == "portal.access"]


def test_one_access_line_a_request_with_its_fields(client, agency, json_lines):
    response = client.get("/tin-tuc/", {"trang": "2"}, HTTP_HOST=agency.site.hostname)
    [line] = access_lines(json_lines()[0])
    request_fields = {"request_id", "method", "path", "host", "status", "duration_ms"}
    assert set(line) == {"time", "level", "logger", "message", *request_fields}
    assert line["request_id"] == response["X-Request-ID"] and len(line["request_id"]) == 32
    assert (line["method"], line["path"], line["host"]) == ("GET", "/tin-tuc/", agency.site.hostname)
    assert line["status"] == response.status_code and 0 < line["duration_ms"] < 10_000
    assert line["level"] == "INFO" and line["time"].endswith("+00:00")
    assert line["message"] == f"GET /tin-tuc/ {response.status_code} {line['duration_ms']:.0f} ms"


def test_the_front_tiers_request_id_is_kept_only_from_a_trusted_proxy(client, agency, settings):
    sent = "f3a1c2d4e5b60718293a4b5c6d7e8f90"
    assert client.get("/", HTTP_HOST=agency.site.hostname, HTTP_X_REQUEST_ID=sent)["X-Request-ID"] != sent

    settings.PORTAL_TRUSTED_PROXIES = ["127.0.0.1/32"]  # the test client's address: Varnish's, here
    assert client.get("/", HTTP_HOST=agency.site.hostname, HTTP_X_REQUEST_ID=sent)["X-Request-ID"] == sent
    assert client.get("/", HTTP_HOST=agency.site.hostname, HTTP_X_REQUEST_ID="32770")["X-Request-ID"] == "32770"
    for unsafe in ("a b", "id\nFAKE LINE", "x" * 65, "<script>", ""):
        answered = client.get("/", HTTP_HOST=agency.site.hostname, HTTP_X_REQUEST_ID=unsafe)["X-Request-ID"]
        assert answered != unsafe and len(answered) == 32


def test_records_logged_while_serving_carry_the_request_id(client, agency, json_lines, settings):
    settings.PORTAL_TRUSTED_PROXIES = ["127.0.0.1/32"]
    client.get("/khong-co-trang-nay/", HTTP_HOST=agency.site.hostname, HTTP_X_REQUEST_ID="req-404-test")
    lines, _text = json_lines()
    not_found = [line for line in lines if line["logger"] == "django.request"]
    assert not_found and all(line["request_id"] == "req-404-test" for line in not_found)
    assert access_lines(lines)[0]["status"] == 404
    logging.getLogger("groundwork.test").warning("after the request")
    assert "request_id" not in json_lines()[0][-1]  # the context ends with the request


def test_a_phone_number_an_email_and_an_address_leave_no_trace(client, agency, json_lines, settings):
    settings.PORTAL_TRUSTED_PROXIES = ["127.0.0.1/32"]
    headers = {"HTTP_HOST": agency.site.hostname, "HTTP_X_FORWARDED_FOR": ADDRESS}
    client.get(LOOKUP, {"ma": "HD-AB12-CD34", "phone": PHONE, "email": EMAIL}, **headers)
    client.get(ASK, {"phone": PHONE, "email": EMAIL}, **headers)
    client.defaults["HTTP_X_FORWARDED_FOR"] = ADDRESS
    assert ask(client, agency, email=EMAIL, phone=PHONE).status_code == 302
    client.post(ASK, {"email": EMAIL, "phone": PHONE, "title": ""}, **headers)  # refused: the form again, 200
    lines, text = json_lines()
    assert [line["method"] for line in access_lines(lines)] == ["GET", "GET", "POST", "POST"]
    for trace in (PHONE, "0905", EMAIL, "example.vn", ADDRESS, "HD-AB12", "?", "%40"):
        assert trace not in text


def test_codes_and_tokens_in_a_path_are_not_logged(client, agency, json_lines):
    for path in (
        "/thu-tuc/tra-cuu-ho-so/HS-2026-AB12CD/",
        "/theo-doi/xac-nhan/tok3n-5ecret/",
        "/huy-nhan-tin/tok3n-5ecret/",
    ):
        client.get(path, HTTP_HOST=agency.site.hostname)
    lines, text = json_lines()
    assert "AB12CD" not in text and "5ecret" not in text
    assert [line["path"] for line in access_lines(lines)] == [
        "/thu-tuc/tra-cuu-ho-so/…/",
        "/theo-doi/xac-nhan/…/",
        "/huy-nhan-tin/…/",
    ]


def test_the_plain_format_is_the_default_and_json_the_productions():
    assert logging_settings("plain")["handlers"]["console"]["formatter"] == "plain"
    assert logging_settings("json")["formatters"]["json"] == {"()": "groundwork.logs.JsonFormatter"}
    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT"):
        logging_settings("xml")
    environment = {
        **{key: value for key, value in os.environ.items() if key not in ("LOG_FORMAT", "DJANGO_ALLOW_ASYNC_UNSAFE")},
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
    }
    code = "from django.conf import settings; print(settings.LOGGING['handlers']['console']['formatter'])"
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "json", result.stderr
