"""Give the 居委会 and 审计 groups their plan-vote permissions (see participation/roles.py)."""

from django.db import migrations

from participation.roles import ensure_roles


def update_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("participation", "0005_plan_votes")]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
