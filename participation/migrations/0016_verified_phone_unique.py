"""A verified mobile number belongs to one account only.

Before the constraint, a number verified on several profiles (possible until now) stays
verified on the profile that verified it first; the others keep the number, unverified.
"""

from django.db import migrations, models


def unverify_duplicates(apps, schema_editor):
    ResidentProfile = apps.get_model("participation", "ResidentProfile")
    seen = set()
    verified = ResidentProfile.objects.filter(phone_verified_at__isnull=False).order_by(
        "phone_verified_at", "pk"
    )
    for profile in verified.only("pk", "phone"):
        if profile.phone in seen:
            ResidentProfile.objects.filter(pk=profile.pk).update(phone_verified_at=None)
        seen.add(profile.phone)


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0015_merge_20261201_2104"),
    ]

    operations = [
        migrations.RunPython(unverify_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="residentprofile",
            constraint=models.UniqueConstraint(
                condition=models.Q(("phone_verified_at__isnull", False)),
                fields=("phone",),
                name="resident_verified_phone_unique",
                violation_error_message="This mobile number already belongs to another account.",
            ),
        ),
    ]
