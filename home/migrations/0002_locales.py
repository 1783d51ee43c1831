from django.db import migrations

LANGUAGES = ["da", "de"]


def create_locales(apps, schema_editor):
    locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGES:
        locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    """Danish and German are the site's languages from the start, beside English."""

    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
