"""Give the 居委会 group its volunteering permissions (see participation/roles.py)."""

from django.db import migrations

from participation.roles import ensure_roles


def update_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("participation", "0007_volunteering")]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
