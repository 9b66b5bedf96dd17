"""The mottos' moderation workflow and the gallery's starting themes."""

from django.db import migrations

THEMES = [
    ("红色经典", "red-classics"),
    ("传统文化", "tradition"),
    ("勤俭持家", "thrift"),
    ("孝老爱亲", "filial-piety"),
    ("邻里和睦", "good-neighbours"),
    ("耕读传家", "study"),
]


def forwards(apps, schema_editor):
    from home.mottos.workflow import ensure_motto_workflow

    ensure_motto_workflow(apps)
    theme_model = apps.get_model("home", "MottoTheme")
    for order, (name, slug) in enumerate(THEMES):
        theme_model.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_mottos"),
        ("participation", "0004_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
