"""Theme moves from plans to regions, so that Activity.themes is a field of
Activity (issue 17). The rows keep their ids; the activities' links and the
history come along; plans.0004 moves the contracts' links and drops the old
tables. The English names of the curated themes are filled in."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


ENGLISH = {
    "basisfinanciering-organisatie": "Core funding",
    "ouderenzorg": "Care for older people",
    "digitalisering-ict": "Digitalisation and IT",
    "samenwerking-in-de-wijk": "Neighbourhood care",
    "acute-zorg": "Acute care",
    "ggz": "Mental health care",
    "arbeidsmarkt": "Workforce",
    "preventie": "Prevention",
}


def copy_themes(apps, schema_editor):
    OldTheme = apps.get_model("plans", "Theme")
    OldHistory = apps.get_model("plans", "HistoricalTheme")
    Theme = apps.get_model("regions", "Theme")
    History = apps.get_model("regions", "HistoricalTheme")
    Activity = apps.get_model("regions", "Activity")
    Theme.objects.bulk_create(
        Theme(id=t.id, slug=t.slug, name=t.name, name_en=ENGLISH.get(t.slug, ""))
        for t in OldTheme.objects.all()
    )
    History.objects.bulk_create(
        History(
            id=h.id,
            slug=h.slug,
            name=h.name,
            name_en=ENGLISH.get(h.slug, ""),
            history_id=h.history_id,
            history_date=h.history_date,
            history_change_reason=h.history_change_reason,
            history_type=h.history_type,
            history_user_id=h.history_user_id,
        )
        for h in OldHistory.objects.all()
    )
    old_links = OldTheme._meta.get_field("activities").remote_field.through
    links = Activity._meta.get_field("themes").remote_field.through
    links.objects.bulk_create(
        links(activity_id=link.activity_id, theme_id=link.theme_id)
        for link in old_links.objects.all()
    )
    if schema_editor.connection.vendor == "postgresql":  # ids were given
        for model in (Theme, History):
            table = model._meta.db_table
            pk = model._meta.pk.column
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', '{pk}'), "
                    f"COALESCE(MAX({pk}), 1), MAX({pk}) IS NOT NULL) FROM {table}"
                )


class Migration(migrations.Migration):

    dependencies = [
        ('regions', '0003_backfill_status_changes'),
        ('plans', '0003_prepare_theme_move'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Theme',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(unique=True, verbose_name='sleutel')),
                ('name', models.CharField(max_length=100, unique=True, verbose_name='naam')),
                ('name_en', models.CharField(blank=True, help_text='Getoond op de Engelse site; leeg: de Nederlandse naam.', max_length=100, verbose_name='naam in het Engels')),
            ],
            options={
                'verbose_name': 'thema',
                'verbose_name_plural': "thema's",
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalTheme',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(verbose_name='sleutel')),
                ('name', models.CharField(db_index=True, max_length=100, verbose_name='naam')),
                ('name_en', models.CharField(blank=True, help_text='Getoond op de Engelse site; leeg: de Nederlandse naam.', max_length=100, verbose_name='naam in het Engels')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical thema',
                'verbose_name_plural': "historical thema's",
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name='activity',
            name='themes',
            field=models.ManyToManyField(blank=True, related_name='activities', to='regions.theme', verbose_name="thema's"),
        ),
        migrations.RunPython(copy_themes, migrations.RunPython.noop),
    ]
