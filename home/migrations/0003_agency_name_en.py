from django.db import migrations, models


def name_from_english_home(apps, schema_editor):
    """An existing agency's English name is its site's English home page title (what onboarding gave it)."""
    Agency, Page = apps.get_model("home", "Agency"), apps.get_model("wagtailcore", "Page")
    for agency in Agency.objects.select_related("site__root_page"):
        english = Page.objects.filter(
            translation_key=agency.site.root_page.translation_key, locale__language_code="en"
        ).first()
        if english is not None and english.title != agency.name:
            agency.name_en = english.title
            agency.save(update_fields=["name_en"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_agency_officers"),
    ]

    operations = [
        migrations.AddField(
            model_name="agency",
            name="name_en",
            field=models.CharField(blank=True, max_length=255, verbose_name="tên tiếng Anh"),
        ),
        migrations.RunPython(name_from_english_home, migrations.RunPython.noop),
    ]
