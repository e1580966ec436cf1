"""Security headers (issue 11, point 15): a strict Content-Security-Policy on public pages, a workable one in the
admin, a Permissions-Policy on every response, and no inline code in any template that could need a looser one."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from documents.models import LegalDocumentPage
from tests.documents.conftest import create_lists, document_maker
from tests.services import test_submission
from tests.services.test_catalogue import make_procedure

ROOT = Path(__file__).resolve().parent.parent.parent

procedure = test_submission.procedure  # an online procedure of xã Tư Nghĩa, with its dossier form

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "media-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def policy(response, header="Content-Security-Policy") -> dict[str, list[str]]:
    """The response's policy as {directive: [sources]}; an empty dict when the header is missing."""
    directives = [part.split() for part in response.headers.get(header, "").split(";") if part.strip()]
    return {directive[0]: directive[1:] for directive in directives}


def host(agency) -> dict:
    return {"HTTP_HOST": agency.site.hostname}


@pytest.fixture
def public_urls(agency, other_agency, procedure):
    """A public page of each kind, with the host that serves it."""
    document = document_maker(create_lists())(agency, "12/2025/QĐ-UBND", "Quy định về chuyển đổi số")
    plain_procedure = make_procedure(agency, "Cấp giấy phép xây dựng")
    return [
        (agency, "/"),
        (agency, "/en/"),
        (agency, reverse("search") + "?q=chuyen+doi+so"),
        (agency, document.url),
        (agency, plain_procedure.url),
        (agency, "/hoi-dap/gui-cau-hoi/"),
        (other_agency, procedure.url + "nop-truc-tuyen/"),
        (agency, "/khong-co-trang-nay/"),  # the 404 page
    ]


@pytest.mark.django_db
def test_public_pages_carry_the_strict_policy(client, public_urls, make_user):
    for agency, url in public_urls:
        response = client.get(url, **host(agency))
        assert response.status_code in (200, 404), url
        assert policy(response) == PUBLIC_POLICY, url
    # An editor signed in sees the same policy on the public site: the Wagtail userbar loads from 'self'.
    client.force_login(make_user("admin_headers", is_superuser=True))
    for agency, url in public_urls[:2]:
        assert policy(client.get(url, **host(agency))) == PUBLIC_POLICY, url


@pytest.mark.django_db
def test_the_admin_has_its_own_policy_inline_code_but_no_other_origin(client, agency, make_user):
    login = client.get("/admin/login/", **host(agency))
    client.force_login(make_user("admin_headers", is_superuser=True))
    for response in [
        login,
        client.get("/admin/", **host(agency)),
        client.get(reverse("wagtailadmin_pages:edit", args=[agency.site.root_page_id]), **host(agency)),
    ]:
        admin = policy(response)
        assert admin["frame-ancestors"] == ["'self'"]  # the page editor's preview panel frames the admin
        assert admin["frame-src"] == ["'self'"]
        assert admin["object-src"] == ["'none'"]
        assert "'self'" in admin["script-src"] and "'unsafe-eval'" not in admin["script-src"]
        sources = {source for sources in admin.values() for source in sources}
        assert not {source for source in sources if "://" in source or source in {"*", "http:", "https:"}}


@pytest.mark.django_db
def test_every_response_carries_the_permissions_policy_and_the_other_headers(client, agency):
    responses = [
        client.get("/", **host(agency)),
        client.get("/khong-co-trang-nay/", **host(agency)),
        client.get("/admin/", **host(agency)),  # a redirect to the login page
        client.get("/robots.txt", **host(agency)),
        client.get("/static/css/portal.css", **host(agency)),  # served by WhiteNoise
    ]
    for response in responses:
        features = response.headers["Permissions-Policy"].split(", ")
        assert {"camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"} <= set(features)
        assert all(feature.endswith("=()") for feature in features)  # off everywhere, for every origin
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert responses[0].headers["X-Frame-Options"] == "DENY"


def settings_value(expression: str, **env) -> str:
    """`expression` evaluated in a fresh process with the production settings and `env` in its environment."""
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); from django.conf import settings; print({expression})"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(60),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_public_media_on_their_own_domain_are_allowed_for_images_and_media_only():
    policies = settings_value(
        "settings.CONTENT_SECURITY_POLICY, settings.ADMIN_CONTENT_SECURITY_POLICY",
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_CUSTOM_DOMAIN="media.quangngai.gov.vn",
    )
    for directive in ("img-src", "media-src"):
        assert policies.count(f"'{directive}': [") == 2
    assert policies.count("https://media.quangngai.gov.vn") == 4  # img-src and media-src of both policies
    assert "https://" not in settings_value("settings.CONTENT_SECURITY_POLICY")


@pytest.mark.django_db
def test_a_legal_documents_text_cannot_embed_another_sites_frame():
    """The policy blocks other origins' frames, so the editor must not offer to embed one (the others' rich text
    features already leave embeds out)."""
    form = LegalDocumentPage.get_edit_handler().get_form_class()()
    assert "embed" not in form.fields["body"].widget.features
    assert "image" in form.fields["body"].widget.features


# Inline code the public policy refuses, in any of the project's templates: a <script> without src (JSON data
# blocks excepted), an on…= event handler, a javascript: URL, a style attribute or a <style> element.
INLINE_CODE = re.compile(
    r"<script\b(?![^>]*\bsrc=)(?![^>]*\btype=[\"']application/(?:ld\+)?json[\"'])[^>]*>"
    r"|<[a-z][^>]*\son[a-z]+\s*="
    r"|javascript:"
    r"|<[a-z][^>]*\sstyle\s*="
    r"|<style\b",
    re.IGNORECASE,
)


def project_templates() -> list[Path]:
    """Every template of the project: templates/ and each app's own templates/ folder."""
    apps = ("home", "documents", "gazette", "services", "feedback", "vietnam", "portal")
    folders = [ROOT / "templates", *(ROOT / app / "templates" for app in apps)]
    return sorted(path for folder in folders if folder.is_dir() for path in folder.rglob("*") if path.is_file())


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>alert(1)</script>",
        '<script type="text/javascript">go()</script>',
        '<button type="button" onclick="go()">',
        "<body onload='go()'>",
        '<a href="javascript:go()">',
        '<div class="x" style="color: red">',
        "<style>p { color: red }</style>",
    ],
)
def test_the_template_scan_finds_inline_code(snippet):
    assert INLINE_CODE.search(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        '<script src="/static/portal.js" defer></script>',
        '<script type="application/ld+json">{}</script>',
        '<script type="application/json" id="data">{}</script>',
        '<a href="/online/" class="button">',
        "<p>Mô tả thông tin online</p>",
    ],
)
def test_the_template_scan_lets_static_scripts_and_data_pass(snippet):
    assert not INLINE_CODE.search(snippet)


def test_no_template_has_inline_code():
    templates = project_templates()
    assert len(templates) > 50
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in templates
        for match in INLINE_CODE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found, "\n".join(found)
