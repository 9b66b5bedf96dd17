"""Give the 居委会 group its consultation permissions: answer, moderate, settings."""

from django.db import migrations

from participation.roles import ensure_roles


def update_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("participation", "0007_consultations")]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
