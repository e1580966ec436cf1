"""A procedure's dossier papers and form questions become translatable (a locale and a translation key each), so
that the English form asks the Vietnamese procedure's files and questions in English words.

Existing rows take their page's locale; the rows of a translated page are linked to the Vietnamese page's rows in
their order (the same translation key) where both pages have as many rows, which is how translations were made
(a copy of the Vietnamese page). Other rows get keys of their own and are asked in Vietnamese until linked.
"""

import uuid
from collections import defaultdict

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ("DossierComponent", "ProcedureFormField")


def link_rows(apps, schema_editor):
    pages = {
        pk: (translation_key, locale)
        for pk, translation_key, locale in apps.get_model("services", "ProcedurePage").objects.values_list(
            "pk", "translation_key", "locale__language_code"
        )
    }
    sources = {key: pk for pk, (key, language) in pages.items() if language == settings.LANGUAGE_CODE}
    locales = dict(apps.get_model("services", "ProcedurePage").objects.values_list("pk", "locale_id"))
    for name in MODELS:
        model = apps.get_model("services", name)
        rows = defaultdict(list)
        for row in model.objects.order_by("page_id", "sort_order", "pk"):
            row.locale_id, row.translation_key = locales[row.page_id], uuid.uuid4()
            rows[row.page_id].append(row)
        for page_id, page_rows in rows.items():
            source = sources.get(pages[page_id][0])
            if source not in (None, page_id) and len(rows.get(source, [])) == len(page_rows):
                for row, source_row in zip(page_rows, rows[source], strict=True):
                    row.translation_key = source_row.translation_key
        model.objects.bulk_update([row for page_rows in rows.values() for row in page_rows], ["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0008_standard_sectors"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *[
            operation
            for model_name in ("dossiercomponent", "procedureformfield")
            for operation in (
                migrations.AddField(
                    model_name=model_name,
                    name="translation_key",
                    field=models.UUIDField(editable=False, null=True),
                ),
                migrations.AddField(
                    model_name=model_name,
                    name="locale",
                    field=models.ForeignKey(
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            )
        ],
        migrations.RunPython(link_rows, migrations.RunPython.noop),
        *[
            operation
            for model_name in ("dossiercomponent", "procedureformfield")
            for operation in (
                migrations.AlterField(
                    model_name=model_name,
                    name="translation_key",
                    field=models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                migrations.AlterField(
                    model_name=model_name,
                    name="locale",
                    field=models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                migrations.AlterUniqueTogether(name=model_name, unique_together={("translation_key", "locale")}),
            )
        ],
    ]
