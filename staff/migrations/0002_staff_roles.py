"""Editors, Moderators and one translator group per language, as ``staff.roles`` defines them.

Wagtail creates Editors and Moderators (page permissions on the root page, the default
"Moderators approval" workflow); clusterdirectory 0003 gives Moderators the records of
registrations. This adds what the roles need on top and restricts translators to their
language. Adding, never removing, it is safe to run again from later migrations.
"""

from django.db import migrations

from staff.roles import apply_roles


def create_roles(apps, schema_editor):
    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0001_initial"),
        ("home", "0002_locales"),
        ("clusterdirectory", "0003_registration_workflow"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
