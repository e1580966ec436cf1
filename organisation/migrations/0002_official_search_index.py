"""A trigram index for the directory's search on PostgreSQL: `search_text LIKE '% word%'` uses it however many
officials there are. The SQLite demo matches search_text directly (a few hundred rows per site)."""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS official_search_text_trgm "
    "ON organisation_official USING gin (search_text gin_trgm_ops)",
]
DROP = ["DROP INDEX IF EXISTS official_search_text_trgm"]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("organisation", "0001_organisation_chart")]
    operations = [migrations.RunPython(create, drop)]
