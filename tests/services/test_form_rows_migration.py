"""services 0009: the papers and questions of pages translated before they were translatable are linked to the
Vietnamese page's, in order, so the English form words the Vietnamese form's files and questions."""

import importlib
import uuid

import pytest
from django.apps import apps
from wagtail.models import Locale

from services.models import DossierComponent, ProcedureFormField
from tests.services.test_catalogue import make_procedure

pytestmark = pytest.mark.django_db

migration = importlib.import_module("services.migrations.0009_translatable_form_rows")


def test_existing_translations_are_linked_in_order(other_agency):
    source = make_procedure(other_agency, "Đăng ký khai sinh")
    source.components = [DossierComponent(name="Tờ khai", upload="bat-buoc"), DossierComponent(name="Giấy chứng sinh")]
    source.form_fields = [ProcedureFormField(label="Họ và tên của trẻ")]
    source.save_revision().publish()
    english = source.copy_for_translation(Locale.objects.get(language_code="en"))
    english.components = [DossierComponent(name="Declaration"), DossierComponent(name="Birth certificate")]
    english.form_fields = [ProcedureFormField(label="Child's full name"), ProcedureFormField(label="Extra")]
    english.save_revision().publish()
    # As before the migration: every row a key of its own.
    for model in (DossierComponent, ProcedureFormField):
        for row in model.objects.all():
            model.objects.filter(pk=row.pk).update(translation_key=uuid.uuid4())

    migration.link_rows(apps, None)

    def keys(model, page):
        return [row.translation_key for row in model.objects.filter(page=page).order_by("sort_order", "pk")]

    assert keys(DossierComponent, english) == keys(DossierComponent, source)
    assert {row.locale_id for row in DossierComponent.objects.filter(page=english)} == {english.locale_id}
    # Not as many questions: not linked, each keeps a key of its own.
    assert not set(keys(ProcedureFormField, english)) & set(keys(ProcedureFormField, source))
