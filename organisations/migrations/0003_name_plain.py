from django.db import migrations, models

from core.text import plain


def fill_name_plain(apps, schema_editor):
    """Every existing organisation's name as the directory search compares it
    (save() keeps it from now on)."""
    Organisation = apps.get_model("organisations", "Organisation")
    changed = []
    for organisation in Organisation.objects.only("pk", "name").iterator():
        organisation.name_plain = plain(organisation.name)
        changed.append(organisation)
    Organisation.objects.bulk_update(changed, ["name_plain"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_contact_persons"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="name_plain",
            field=models.CharField(
                default="",
                editable=False,
                max_length=400,
                verbose_name="naam zonder accenten en leestekens",
            ),
        ),
        migrations.RunPython(fill_name_plain, migrations.RunPython.noop),
    ]
