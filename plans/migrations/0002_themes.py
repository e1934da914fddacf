from django.db import migrations

# The curated list of themes, after the guidance and the issue that asked for it.
THEMES = [
    ("basisfinanciering-organisatie", "Basisfinanciering organisatie"),
    ("ouderenzorg", "Ouderenzorg"),
    ("digitalisering-ict", "Digitalisering en ICT"),
    ("samenwerking-in-de-wijk", "Samenwerking in de wijk"),
    ("acute-zorg", "Acute zorg"),
    ("ggz", "GGZ"),
    ("arbeidsmarkt", "Arbeidsmarkt"),
    ("preventie", "Preventie"),
]


def add_themes(apps, schema_editor):
    Theme = apps.get_model("plans", "Theme")
    for slug, name in THEMES:
        Theme.objects.get_or_create(slug=slug, defaults={"name": name})


def remove_themes(apps, schema_editor):
    Theme = apps.get_model("plans", "Theme")
    Theme.objects.filter(slug__in=[slug for slug, _name in THEMES]).delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [migrations.RunPython(add_themes, remove_themes)]
