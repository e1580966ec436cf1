"""A fresh install, tried as a new user would: `migrate` and `create_agency_site` only (no demo), then the sample
CSV of legal documents imported for the BBT and then published.

The standard lists that migrations create must be enough for its types ("Quyết định", "Chỉ thị"), its authority
("UBND tỉnh Quảng Ngãi") is found as the portal's agency, and the BBT gets exactly one e-mail for the import, sent by
the task worker, not by the import. The tests build their own PostgreSQL database beside the suite's (migrated once
per test process, then copied for each module that needs one) and run the real commands in processes of their own.
"""

import email
import json
import os
import subprocess
import sys
from email import policy
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "documents/samples/van-ban-mau.csv"
BBT_MEMBER = "bbt@quangngai.gov.vn"

USERS = f"""
from django.contrib.auth import get_user_model
from home.models import Agency
User = get_user_model()
User.objects.create_superuser("quantri", "quantri@quangngai.gov.vn", "mat-khau-thu-nghiem-2026")
User.objects.create_user("bbt", "{BBT_MEMBER}", "mat-khau-thu-nghiem-2026").groups.add(Agency.objects.get().moderators)
"""

DOCUMENTS = """
import json
from documents.models import LegalDocumentPage
from home.models import Agency
portal = Agency.objects.get()
print(json.dumps([
    [page.number, page.document_type.name, page.authority.name, page.authority.agency_id == portal.pk, page.live]
    for page in LegalDocumentPage.objects.select_related("document_type", "authority").order_by("issued_on")
]))
"""


def manage(env: dict, *args: str) -> str:
    """Run `manage.py args` in its own process; returns its output, failing the test if it fails."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def sent_mail(folder: Path) -> list[email.message.EmailMessage]:
    """The messages Django's file e-mail backend wrote in `folder`."""
    separator = b"\n" + b"-" * 79 + b"\n"
    return [
        email.message_from_bytes(part, policy=policy.default)
        for path in sorted(folder.iterdir())
        for part in path.read_bytes().split(separator)
        if part.strip()
    ]


def _server() -> dict:
    return {key: connection.settings_dict[key] for key in ("HOST", "PORT", "USER", "PASSWORD")}


def _environment(name: str, mail_dir: Path) -> dict:
    server = _server()
    credentials = f"{server['USER']}:{server['PASSWORD']}@" if server["PASSWORD"] else f"{server['USER']}@"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.fresh_install_settings",
        "DATABASE_URL": f"postgres://{credentials}{server['HOST']}:{server['PORT'] or 5432}/{name}",
        "PORTAL_TEST_MAIL_DIR": str(mail_dir),
    }


def _database_name(what: str) -> str:
    """A database name of this test process's own (xdist runs several side by side)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"{connection.settings_dict['NAME']}_{what}_{worker}"[-63:]


@pytest.fixture(scope="session")
def postgres_admin():
    """A connection to the server's maintenance database, to create and drop the fresh installs' databases."""
    server = _server()
    admin = psycopg.connect(
        host=server["HOST"],
        port=server["PORT"] or 5432,
        user=server["USER"],
        password=server["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    )
    yield admin
    admin.close()


@pytest.fixture(scope="session")
def fresh_install_template(postgres_admin, tmp_path_factory):
    """A new database, migrated, with the portal onboarded and two users: made once per test process (migrating takes
    one to four minutes on our shared 2-core machines); each module that needs a fresh install gets a copy."""
    name = _database_name("fresh_template")
    postgres_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    postgres_admin.execute(f'CREATE DATABASE "{name}"')
    env = _environment(name, tmp_path_factory.mktemp("template-mail"))
    manage(env, "migrate", "--no-input")
    manage(env, "create_agency_site", "--name", "Ủy ban nhân dân tỉnh Quảng Ngãi", "--kind", "portal")
    manage(env, "shell", "--no-imports", "-c", USERS)
    yield name
    postgres_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def fresh_install(fresh_install_template, postgres_admin, tmp_path_factory):
    """The environment of processes on a new, migrated database with the portal onboarded and two users (a copy of
    the template: PostgreSQL copies a database in a second), its e-mails written to a folder of its own."""
    name = _database_name("fresh_install")
    postgres_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    postgres_admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{fresh_install_template}"')
    mail_dir = tmp_path_factory.mktemp("mail")
    yield _environment(name, mail_dir), mail_dir
    postgres_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_sample_csv_imports_on_a_fresh_install_and_the_bbt_gets_one_email(fresh_install):
    env, mail_dir = fresh_install

    out = manage(env, "import_documents", str(SAMPLE), "--site", "portal")

    assert "Đã tạo 4, cập nhật 0, không đổi 0, lỗi 0" in out
    assert sent_mail(mail_dir) == []  # the import queued the e-mail; it sent nothing
    manage(env, "run_worker", "--batch", "--no-startup-delay", "--no-reload")
    [message] = sent_mail(mail_dir)
    assert message["To"] == BBT_MEMBER and message["Subject"] == "Văn bản chờ duyệt: 4"

    out = manage(env, "import_documents", str(SAMPLE), "--site", "portal", "--publish")

    assert "Đã tạo 0, cập nhật 4, không đổi 0, lỗi 0" in out
    manage(env, "run_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert len(sent_mail(mail_dir)) == 1  # publishing tells the BBT nothing more
    documents = json.loads(manage(env, "shell", "--no-imports", "-c", DOCUMENTS))
    assert documents == [
        ["16/2017/QĐ-UBND", "Quyết định", "UBND tỉnh Quảng Ngãi", True, True],
        ["06/CT-UBND", "Chỉ thị", "UBND tỉnh Quảng Ngãi", True, True],
        ["2074/QĐ-UBND", "Quyết định", "UBND tỉnh Quảng Ngãi", True, True],
        ["27/QĐ-UBND", "Quyết định", "UBND tỉnh Quảng Ngãi", True, True],
    ]


TERRITORY = """
import json
from territory.models import AdministrativeMapPage, AdministrativeUnit, HeritageIndexPage
print(json.dumps([
    AdministrativeUnit.objects.count(),
    sorted(AdministrativeMapPage.objects.values_list("url_path", flat=True)),
    sorted(HeritageIndexPage.objects.values_list("url_path", flat=True)),
]))
"""


def test_a_fresh_install_has_the_96_units_and_the_portals_map_and_heritage_sections(fresh_install):
    env, _mail_dir = fresh_install

    units, maps, heritage = json.loads(manage(env, "shell", "--no-imports", "-c", TERRITORY))

    assert units == 96
    assert maps == ["/quangngai-en/introduction/administrative-map/", "/quangngai/gioi-thieu/ban-do-hanh-chinh/"]
    assert heritage == ["/quangngai-en/introduction/history-and-culture/", "/quangngai/gioi-thieu/lich-su-van-hoa/"]


SITE_SEARCH = """
import json
import re
from django.conf import settings
from django.test import Client
client = Client(HTTP_HOST=settings.PORTAL_DOMAIN)
found = {}
searches = [("/tim-kiem/", "thu tuc hanh chinh"), ("/tim-kiem/", "16/2017/QĐ-UBND"), ("/en/search/", "questions")]
for path, query in searches:
    response = client.get(path, {"q": query})
    found[query] = re.findall(r'<h2><a href="[^"]*">([^<]+)</a></h2>', response.content.decode())
feed = client.get("/feed/")
print(json.dumps({"found": found, "feed": feed.status_code}))
"""


def test_the_site_search_and_feeds_work_on_a_fresh_install(fresh_install):
    """Onboarding and the import publish through Wagtail, so the site search's entries exist without a rebuild."""
    env, _mail_dir = fresh_install
    manage(env, "import_documents", str(SAMPLE), "--site", "portal", "--publish")

    answer = json.loads(manage(env, "shell", "--no-imports", "-c", SITE_SEARCH))

    assert "Thủ tục hành chính" in answer["found"]["thu tuc hanh chinh"]
    assert answer["found"]["16/2017/QĐ-UBND"]  # a document imported and published
    assert "Questions and answers" in answer["found"]["questions"]
    assert answer["feed"] == 200


FRONT = """
import json
from django.contrib.auth.models import Permission
from wagtail.models import GroupSitePermission
from home.models import Agency, NewsCategory
portal = Agency.objects.get()
print(json.dumps({
    "categories": list(NewsCategory.objects.values_list("name", "name_en")[:2]),
    "labels": [page.specific.menu_title for page in portal.site.root_page.get_children().in_menu()],
    "ads": GroupSitePermission.objects.filter(
        group=portal.moderators, site=portal.site, permission__codename="change_advertisingsettings"
    ).exists(),
}))
"""


def test_news_categories_menu_labels_and_the_bbts_advertising_right_on_a_fresh_install(fresh_install):
    env, _mail_dir = fresh_install
    front = json.loads(manage(env, "shell", "--no-imports", "-c", FRONT))
    assert front["categories"] == [["Tin hoạt động", "Activities"], ["Thông báo", "Announcements"]]
    assert front["labels"][:3] == ["Giới thiệu", "Tin tức", "Chỉ đạo, điều hành"] and "Công báo" in front["labels"]
    assert front["ads"] is True
