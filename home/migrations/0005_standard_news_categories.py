"""The news categories every site files its articles under (Điều 8.2.b), present after `migrate`, and the BBT of
each existing site allowed to schedule its advertisements (Điều 14).

The list stays editable in the admin (Settings → "Loại tin"). Items already there are kept; only their blank fields
are filled in. Articles published before categories existed are "Tin hoạt động", the agency's own activities,
which is what every site's news section held.
"""

from django.db import migrations

# (name, English name), in the order the news index offers them.
NEWS_CATEGORIES = [
    ("Tin hoạt động", "Activities"),
    ("Thông báo", "Announcements"),
    ("Chỉ đạo điều hành", "Direction and administration"),
    ("Tin từ các sở, ngành, địa phương", "News from departments and localities"),
    ("Sự kiện", "Events"),
    ("Cải cách hành chính", "Administrative reform"),
    ("Phổ biến, giáo dục pháp luật", "Legal education"),
]
DEFAULT_SLUG = "tin-hoat-dong"


def add_categories(apps, schema_editor):
    from groundwork.models import add_standard_items

    NewsCategory = apps.get_model("home", "NewsCategory")
    add_standard_items(NewsCategory, [{"name": name, "name_en": english} for name, english in NEWS_CATEGORIES])
    default = NewsCategory.objects.get(slug=DEFAULT_SLUG)
    apps.get_model("home", "NewsPage").objects.filter(category__isnull=True).update(category=default)


def let_editorial_boards_schedule_advertisements(apps, schema_editor):
    """What `create_agency_site` now grants each site's BBT, for the sites made before."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    GroupSitePermission = apps.get_model("wagtailcore", "GroupSitePermission")
    content_type, _created = ContentType.objects.get_or_create(app_label="home", model="advertisingsettings")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="change_advertisingsettings", defaults={"name": "Can change quảng cáo"}
    )
    for agency in apps.get_model("home", "Agency").objects.all():
        GroupSitePermission.objects.get_or_create(
            group_id=agency.moderators_id, site_id=agency.site_id, permission=permission
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_news_categories_menu_titles_advertising"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        # Going back leaves the items: articles are filed under them, and they are editable data.
        migrations.RunPython(add_categories, migrations.RunPython.noop),
        migrations.RunPython(let_editorial_boards_schedule_advertisements, migrations.RunPython.noop),
    ]
