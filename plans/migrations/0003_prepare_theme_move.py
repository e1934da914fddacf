"""Before Theme moves to regions (regions.0004): the old many-to-many gives up
the name `themes` on Activity, which the new field takes. No change in the
database."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0002_themes"),
        ("regions", "0003_backfill_status_changes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="theme",
            name="activities",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                to="regions.activity",
                verbose_name="activiteiten",
            ),
        ),
    ]
