"""Decree 224/2026: every public page carries its metadata (title, description, publishing agency, dates created and
modified, language, identifier) as Dublin Core and in its schema.org JSON-LD. Checked on one live page of every page
model the project has, in Vietnamese and, where it has one, in English, on the demo's content (`seed_demo`, once for
the module): a page model the demo does not show fails the test, so a new model must come with demo content."""

import html
import json
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page, get_page_models

pytestmark = pytest.mark.django_db

DUBLIN_CORE = ["title", "description", "publisher", "date.created", "date.modified", "language", "identifier"]
SCHEMA_ORG = ["name", "description", "publisher", "dateCreated", "dateModified", "inLanguage", "identifier"]


@pytest.fixture(scope="module")
def demo(shared_db):
    call_command("seed_demo", verbosity=0)


def dublin_core(head: str) -> dict:
    return {
        name: html.unescape(value) for name, value in re.findall(r'<meta name="DC\.([\w.]+)" content="([^"]*)">', head)
    }


def web_page(head: str) -> dict:
    blocks = [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', head)]
    return next((block for block in blocks if block.get("@type") == "WebPage"), {})


def sample_pages():
    """One live page of each page model, with its English translation when it has one."""
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().filter(locale__language_code="vi").first()
        yield model, page
        if page is not None:
            english = page.get_translations().live().filter(locale__language_code="en").first()
            if english is not None:
                yield model, english.specific


def test_every_page_model_carries_its_metadata_in_both_languages(client, demo):
    problems, checked = [], 0
    for model, page in sample_pages():
        if page is None:
            problems.append(f"{model._meta.label}: no live page in the demo")
            continue
        _site_id, root_url, path = page.get_url_parts()
        response = client.get(path, HTTP_HOST=page.get_site().hostname)
        if response.status_code != 200:
            problems.append(f"{model._meta.label} {path}: HTTP {response.status_code}")
            continue
        head = response.text.split("</head>")[0]
        language = page.locale.language_code
        checked += 1
        found = dublin_core(head)
        ld = web_page(head)
        missing = [f"DC.{name}" for name in DUBLIN_CORE if not found.get(name, "").strip()]
        missing += [f"schema.org {name}" for name in SCHEMA_ORG if not ld.get(name)]
        if '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">' not in head:
            missing.append("schema.DC link")
        if missing:
            problems.append(f"{model._meta.label} {path}: missing {', '.join(missing)}")
            continue
        if found["language"] != language or ld["inLanguage"] != language:
            problems.append(f"{model._meta.label} {path}: language {found['language']} on a {language} page")
        if not found["identifier"].startswith(root_url) or not found["identifier"].endswith(path):
            problems.append(f"{model._meta.label} {path}: identifier {found['identifier']}")
        if ld["publisher"].get("name") != found["publisher"] or found["date.modified"] < found["date.created"]:
            problems.append(f"{model._meta.label} {path}: publisher or dates differ {found} {ld}")
    assert problems == []
    assert checked >= len(get_page_models()) - 1
