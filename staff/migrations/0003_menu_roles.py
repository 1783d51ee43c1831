"""The staff roles on the menu snippet (``home.Menu``), which came after 0002."""

from django.db import migrations

from staff.roles import apply_roles


def apply(apps, schema_editor):
    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0002_staff_roles"),
        ("home", "0007_menus"),
    ]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]
