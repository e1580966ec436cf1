"""Only a site's own editors and BBT write its chart: another agency's staff can neither edit nor add units there."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from organisation.models import UnitPage

from .helpers import add_unit, chart

pytestmark = pytest.mark.django_db


def unit_form(title: str, slug: str, officials=()) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "kind": "phong",
            "short_name": "",
            "functions": rich_text("<p>Tham mưu về công nghệ thông tin.</p>"),
            "head_name": "",
            "head_title": "",
            "address": "",
            "phone": "",
            "fax": "",
            "email": "",
            "website": "",
            "agency": "",
            "officials": inline_formset(
                [{"name": name, "title": title, "phone": "", "fax": "", "email": ""} for name, title in officials]
            ),
            "seo_title": "",
            "search_description": "",
        }
    )


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=("organisation", "unitpage", parent.pk))


def test_the_sites_editor_adds_a_unit_with_its_officials(client, agency, editor):
    client.force_login(editor)

    response = client.post(
        add_url(chart(agency)),
        unit_form("Phòng Công nghệ thông tin", "phong-cntt", [("Nguyễn Văn Bình", "Trưởng phòng")]),
    )

    assert response.status_code == 302
    unit = UnitPage.objects.get(slug="phong-cntt")
    assert unit.get_parent().pk == chart(agency).pk
    assert unit.get_latest_revision_as_object().officials.get().search_text == " nguyen van binh truong phong "


@pytest.mark.parametrize("role", ["editors", "moderators"])
def test_another_agencys_staff_cannot_edit_or_add_units(client, agency, other_agency, make_user, role):
    unit = add_unit(chart(agency), "Văn phòng Sở", [("Lê Thị Hoa", "Chánh Văn phòng")])
    outsider = make_user(f"ngoai_{role}", getattr(other_agency, role))
    client.force_login(outsider)

    edit = reverse("wagtailadmin_pages:edit", args=(unit.pk,))
    assert client.get(edit).status_code in (302, 403)
    refused = client.post(edit, unit_form("Văn phòng đã bị sửa", unit.slug))
    assert refused.status_code in (302, 403)
    assert client.post(add_url(chart(agency)), unit_form("Phòng lạ", "phong-la")).status_code in (302, 403)

    unit.refresh_from_db()
    assert unit.title == "Văn phòng Sở" and not UnitPage.objects.filter(slug="phong-la").exists()
    # The same user writes the chart of their own site.
    assert client.get(reverse("wagtailadmin_pages:edit", args=(chart(other_agency).pk,))).status_code == 200
