from django.db import migrations

SOURCE = "en"
TARGETS = ["da", "de"]


def synchronize_from_english(apps, schema_editor):
    locale_model = apps.get_model("wagtailcore", "Locale")
    synchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    source = locale_model.objects.filter(language_code=SOURCE).first()
    if source is None:
        return
    for target in locale_model.objects.filter(language_code__in=TARGETS):
        synchronization.objects.get_or_create(locale=target, defaults={"sync_from": source})


class Migration(migrations.Migration):
    """Danish and German follow the English tree: a new English page gets aliases there,
    which translators turn into translations. Pages that already exist are synchronized by
    ``manage.py sync_locale_trees`` (a migration cannot run wagtail-localize's signal)."""

    dependencies = [
        ("home", "0005_statistics_block"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(synchronize_from_english, migrations.RunPython.noop)]
