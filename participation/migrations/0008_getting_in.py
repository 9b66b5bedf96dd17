from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("participation", "0007_vote_option_roles_art278_items")]

    operations = [
        migrations.AddField(
            model_name="residentprofile",
            name="phone_verified_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="phone confirmed at"),
        ),
    ]
