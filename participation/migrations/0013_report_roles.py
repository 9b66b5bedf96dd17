"""The 物业 (property company) group, and report permissions for 物业 and 居委会
(see participation/roles.py)."""

from django.db import migrations

from participation.roles import ensure_roles


def update_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("participation", "0012_reports")]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
