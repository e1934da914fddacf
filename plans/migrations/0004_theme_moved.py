"""Theme now lives in regions (regions.0004): contracts point to it, with
their links kept, and the old tables go."""

from django.db import migrations, models


def copy_contract_themes(apps, schema_editor):
    Contract = apps.get_model("plans", "Contract")
    old_links = Contract._meta.get_field("themes").remote_field.through
    links = Contract._meta.get_field("new_themes").remote_field.through
    links.objects.bulk_create(
        links(contract_id=link.contract_id, theme_id=link.theme_id)
        for link in old_links.objects.all()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0003_prepare_theme_move"),
        ("regions", "0004_theme"),
    ]

    operations = [
        migrations.AddField(
            model_name="contract",
            name="new_themes",
            field=models.ManyToManyField(
                blank=True, related_name="+", to="regions.theme"
            ),
        ),
        migrations.RunPython(copy_contract_themes, migrations.RunPython.noop),
        migrations.RemoveField(model_name="contract", name="themes"),
        migrations.RenameField(
            model_name="contract", old_name="new_themes", new_name="themes"
        ),
        migrations.AlterField(
            model_name="contract",
            name="themes",
            field=models.ManyToManyField(
                blank=True,
                related_name="contracts",
                to="regions.theme",
                verbose_name="thema's",
            ),
        ),
        migrations.RemoveField(model_name="theme", name="activities"),
        migrations.DeleteModel(name="HistoricalTheme"),
        migrations.DeleteModel(name="Theme"),
    ]
