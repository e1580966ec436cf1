"""A fresh install (`migrate` and `create_agency_site`, no demo): the publications' sections and the directives are
there in both languages and answer, the directives listing the standard types that migrations create."""

import json

from tests.test_fresh_install import fresh_install, fresh_install_template, manage, postgres_admin  # noqa: F401 - fixtures

PAGES = """
import json
from django.conf import settings
from django.test import Client
from documents.models import DirectiveIndexPage, DocumentType
from documents.models.pages import DEFAULT_DIRECTIVE_TYPES
paths = [
    "/quy-hoach-ke-hoach-du-an/chien-luoc-quy-hoach-ke-hoach/",
    "/quy-hoach-ke-hoach-du-an/thong-ke/",
    "/quy-hoach-ke-hoach-du-an/khoa-hoc-cong-nghe/",
    "/chi-dao-dieu-hanh/khen-thuong-xu-ly-vi-pham/",
    "/chi-dao-dieu-hanh/van-ban-chi-dao-dieu-hanh/",
    "/en/plans-and-projects/strategies-and-plans/",
    "/en/plans-and-projects/statistics/",
    "/en/plans-and-projects/science-and-technology/",
    "/en/direction-and-administration/commendations-and-sanctions/",
    "/en/direction-and-administration/directives/",
]
client = Client()
print(json.dumps({
    "statuses": [client.get(path, HTTP_HOST=settings.PORTAL_DOMAIN).status_code for path in paths],
    "default_types": sorted(
        DocumentType.objects.filter(slug__in=DEFAULT_DIRECTIVE_TYPES).values_list("name", flat=True)
    ),
    "directives": [str(page.get_parent()) for page in DirectiveIndexPage.objects.all()],
}))
"""


def test_a_fresh_install_has_the_sections_and_the_directives_types(fresh_install):  # noqa: F811 - the fixture
    env, _mail_dir = fresh_install

    found = json.loads(manage(env, "shell", "--no-imports", "-c", PAGES))

    assert found["statuses"] == [200] * 10
    assert set(found["default_types"]) == {"Chỉ thị", "Công điện", "Công văn", "Thông báo"}
    assert found["directives"] == ["Chỉ đạo, điều hành", "Direction and administration"]
