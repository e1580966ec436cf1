"""The full-text index of the document search, on PostgreSQL (other databases match search_text directly)."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS legaldoc_search_vector_gin "
    "ON legal_documents_legaldocumentpage USING gin (search_vector)"
)
DROP = "DROP INDEX IF EXISTS legaldoc_search_vector_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("legal_documents", "0002_legal_documents")]
    operations = [migrations.RunPython(create, drop)]
