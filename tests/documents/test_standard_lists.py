"""The standard lists that migrations create: there after `migrate`, added again without duplicates, editable."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from documents.models import DocumentType, LegalField
from services.models import Sector

pytestmark = pytest.mark.django_db

standard_lists = importlib.import_module("documents.migrations.0007_standard_lists")
standard_sectors = importlib.import_module("services.migrations.0008_standard_sectors")


def test_migrate_leaves_the_document_types_the_legal_fields_and_the_procedure_sectors():
    types = {item.name: item for item in DocumentType.objects.all()}
    assert (types["Quyết định"].abbreviation, types["Quyết định"].is_legal) == ("QĐ", True)
    assert (types["Chỉ thị"].abbreviation, types["Chỉ thị"].is_legal) == ("CT", False)
    assert (types["Tờ trình"].abbreviation, types["Thông tư liên tịch"].is_legal) == ("TTr", True)
    names = [name for name, *_rest in standard_lists.DOCUMENT_TYPES]
    assert DocumentType.objects.filter(name__in=names).count() == 38
    # Decree 30/2020's 29 administrative types, Nghị quyết and Quyết định being legal forms too.
    assert DocumentType.objects.filter(name__in=names, is_legal=False).count() == 27
    assert LegalField.objects.filter(name__in=["An ninh quốc gia", "Y tế, dược"]).count() == 2
    assert LegalField.objects.count() >= 45
    assert Sector.objects.get(name="Hộ tịch").name_en == "Civil status"


def test_adding_them_again_keeps_what_administrators_changed_and_fills_only_blanks():
    decision = DocumentType.objects.get(name="Quyết định")
    decision.name_en, decision.abbreviation, decision.sort_order = "Decision (individual)", "", 5
    decision.save()
    DocumentType.objects.filter(name="Chỉ thị").delete()
    DocumentType.objects.create(name="CHỈ THỊ")  # typed differently by an administrator: the same entry
    counts = (DocumentType.objects.count(), LegalField.objects.count(), Sector.objects.count())

    standard_lists.add_standard_lists(apps, None)
    standard_sectors.add_standard_sectors(apps, None)

    assert (DocumentType.objects.count(), LegalField.objects.count(), Sector.objects.count()) == counts
    decision.refresh_from_db()
    assert (decision.name_en, decision.abbreviation, decision.sort_order) == ("Decision (individual)", "QĐ", 5)
    assert DocumentType.objects.get(slug="chi-thi").abbreviation == "CT"


def test_an_administrator_edits_a_type_in_the_admin(client, make_user):
    client.force_login(make_user("quantri", is_superuser=True))
    letter = DocumentType.objects.get(name="Công văn")

    response = client.post(
        reverse("document-types:edit", args=[letter.pk]),
        {
            "name": "Công văn",
            "name_en": "Official letter",
            "abbreviation": "",
            "is_legal": "",
            "slug": "cong-van",
            "sort_order": "1",
        },
    )

    assert response.status_code == 302
    letter.refresh_from_db()
    assert (letter.abbreviation, letter.sort_order, letter.is_legal) == ("", 1, False)
