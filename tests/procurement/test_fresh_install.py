"""A fresh install (`migrate` and `create_agency_site`, no demo): the section is there in both languages, its
standard lists (kinds, fields, methods) are the models' choices, the text index exists, and a notice saved in code
is listed by a search without diacritics. Builds its own database, as tests/test_fresh_install.py does."""

import json

from tests.test_fresh_install import fresh_install, fresh_install_template, manage, postgres_admin  # noqa: F401 - fixtures

CHECK = """
import json
from datetime import timedelta
from django.db import connection
from django.test import Client
from django.utils import timezone
from home.models import Agency
from procurement.models import NoticePage, ProcurementIndexPage
portal = Agency.objects.get()
section = ProcurementIndexPage.objects.get(locale__language_code="vi")
today = timezone.localdate()
notice = section.add_child(instance=NoticePage(
    title="Thông báo mời thầu gói thầu XL-01: Đường Trà Bồng", slug="xl-01", kind="moi-thau",
    investor="Ủy ban nhân dân tỉnh Quảng Ngãi", package_name="Đường Trà Bồng", field="xay-lap",
    method="dau-thau-rong-rai", trigger_date=today, issued_on=today, summary="Mời thầu.",
    closes_at=timezone.now() + timedelta(days=10),
))
notice.save_revision().publish()
with connection.cursor() as cursor:
    cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'procurement_noticepage'")
    indexes = sorted(row[0] for row in cursor.fetchall())
response = Client().get(section.url_path[len(portal.site.root_page.url_path) - 1:], {"q": "duong tra bong"},
                        HTTP_HOST=portal.site.hostname)
print(json.dumps({
    "sections": sorted(ProcurementIndexPage.objects.values_list("url_path", flat=True)),
    "status": response.status_code,
    "found": "Đường Trà Bồng" in response.content.decode(),
    "text_index": "procurement_notice_text" in indexes,
}))
"""


def test_a_fresh_install_has_the_section_and_lists_a_notice(fresh_install):  # noqa: F811
    env, _mail_dir = fresh_install

    result = json.loads(manage(env, "shell", "--no-imports", "-c", CHECK).strip().splitlines()[-1])

    assert result == {
        "sections": [
            "/quangngai-en/plans-and-projects/projects-and-procurement/",
            "/quangngai/quy-hoach-ke-hoach-du-an/du-an-dau-thau/",
        ],
        "status": 200,
        "found": True,
        "text_index": True,
    }
