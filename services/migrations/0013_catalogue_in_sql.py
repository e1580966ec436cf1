"""The catalogue sorts, counts and searches in PostgreSQL (services.catalogue): an ICU collation for Vietnamese
dictionary order, and a GIN index on the expression Wagtail's PostgreSQL backend matches words against
(title || body), which its separate title and body indexes cannot serve. Nothing on SQLite (the demo)."""

from django.db import migrations

INDEX = "services_search_title_body"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE COLLATION IF NOT EXISTS vietnamese (provider = icu, locale = 'vi')")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute("DROP COLLATION IF EXISTS vietnamese")


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0012_ratings"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
