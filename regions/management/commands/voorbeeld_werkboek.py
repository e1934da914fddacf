"""manage.py voorbeeld_werkboek [FILE]: (re)write fixtures/voorbeeld-werkboek.xlsx.

A sample workbook, clearly marked as such: every organisation, person and
region is demo data, every name says "(voorbeeld)", every address is
@example.org. The regions are made of real gemeenten (CBS codes), so the file
imports on a site that has only run `manage.py setup_site`.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from regions import workbook
from regions.columns import ORGANISATION_COLUMNS, REGION_COLUMNS

DEFAULT = Path(settings.BASE_DIR) / "fixtures" / "voorbeeld-werkboek.xlsx"

NOTE = (
    "VOORBEELD: dit werkboek bevat verzonnen voorbeeldgegevens (demo = 1, namen "
    "met ‘(voorbeeld)’, e-mail @example.org) op echte gemeenten. Niet gebruiken "
    "als echte gegevens."
)

INSURER = "voorbeeld-zorgverzekeraar"

# Real CBS codes and names (fixtures/gemeenten.geojson).
GEMEENTEN = {
    "GM0202": "Arnhem",
    "GM0228": "Ede",
    "GM0344": "Utrecht",
    "GM0307": "Amersfoort",
    "GM0014": "Groningen",
}

REGIONS = [
    # slug, name, status, plan link, start, end, lead, gemeenten
    (
        "voorbeeld-arnhem-ede",
        "Regio Arnhem en Ede (voorbeeld)",
        "openbaar",
        "https://example.org/regioplan-arnhem-ede",
        2025,
        2028,
        "voorbeeld-huisartsen-arnhem-ede",
        ["GM0202", "GM0228"],
    ),
    (
        "voorbeeld-utrecht-amersfoort",
        "Regio Utrecht en Amersfoort (voorbeeld)",
        "in_ontwikkeling",
        "",
        2026,
        None,
        "voorbeeld-eerstelijn-utrecht",
        ["GM0344", "GM0307"],
    ),
    (
        "voorbeeld-groningen",
        "Regio Groningen (voorbeeld)",
        "onbekend",
        "",
        None,
        None,
        "",
        ["GM0014"],
    ),
]

ORGANISATIONS = [
    # slug, name, type, city, regions (active in), leads
    (
        "voorbeeld-huisartsen-arnhem-ede",
        "Huisartsenorganisatie Arnhem en Ede (voorbeeld)",
        "huisartsenorganisatie",
        "Arnhem",
        ["voorbeeld-arnhem-ede"],
        ["voorbeeld-arnhem-ede"],
    ),
    (
        "voorbeeld-eerstelijn-utrecht",
        "Eerstelijnszorg Utrecht (voorbeeld)",
        "multidisciplinair",
        "Utrecht",
        ["voorbeeld-utrecht-amersfoort"],
        ["voorbeeld-utrecht-amersfoort"],
    ),
    (
        "voorbeeld-lhv-kring-midden",
        "LHV-kring Midden (voorbeeld)",
        "lhv_kring",
        "Amersfoort",
        ["voorbeeld-arnhem-ede", "voorbeeld-utrecht-amersfoort"],
        [],
    ),
    (
        "voorbeeld-hds-gelderland",
        "Huisartsenposten Gelderland (voorbeeld)",
        "hds",
        "Ede",
        ["voorbeeld-arnhem-ede"],
        [],
    ),
    (
        "voorbeeld-ros-noord",
        "ROS Noord (voorbeeld)",
        "ros",
        "Groningen",
        ["voorbeeld-groningen"],
        [],
    ),
]

PERSONS = [
    # organisation, name, function, published
    (
        "voorbeeld-huisartsen-arnhem-ede",
        "Anna de Vries (voorbeeld)",
        "Programmamanager regioplan",
        True,
    ),
    (
        "voorbeeld-huisartsen-arnhem-ede",
        "Bram Jansen (voorbeeld)",
        "Bestuurssecretaris",
        False,  # not published: only curators and editors see this person
    ),
    (
        "voorbeeld-eerstelijn-utrecht",
        "Chantal Bakker (voorbeeld)",
        "Coördinator eerstelijnssamenwerking",
        True,
    ),
    (
        "voorbeeld-ros-noord",
        "Daan Visser (voorbeeld)",
        "Adviseur regionale samenwerking",
        True,
    ),
]


def sample_rows() -> dict:
    """The sample, per sheet, as rows by column header."""
    region = REGION_COLUMNS.header
    regions = [
        {
            region("slug"): slug,
            region("name"): name,
            region("status"): status,
            region("preferred_insurer"): INSURER,
            region("regional_organisation"): lead,
            region("plan_url"): link,
            region("plan_start_year"): start or "",
            region("plan_end_year"): end or "",
            region("patients_involved"): "onbekend",
            region("non_practice_holders_involved"): "onbekend",
            region("description"): "Voorbeeldregio; niet echt.",
            region("is_demo"): 1,
        }
        for slug, name, status, link, start, end, lead, _codes in REGIONS
    ]
    organisation = ORGANISATION_COLUMNS.header
    organisations = [
        {
            organisation("slug"): slug,
            organisation("name"): name,
            organisation("type"): kind,
            organisation("city"): city,
            organisation("email"): f"{slug.removeprefix('voorbeeld-')}@example.org",
            organisation("website"): "https://example.org/",
            organisation("region_links"): ";".join(active),
            organisation("lead_links"): ";".join(leads),
            organisation("is_demo"): 1,
        }
        for slug, name, kind, city, active, leads in ORGANISATIONS
    ]
    persons = [
        {
            "organisatie": organisation,
            "naam": name,
            "functie": function,
            "email": name.split()[0].lower() + "@example.org",
            "telefoon": "",
            "openbaar": 1 if published else 0,
            "demo": 1,
        }
        for organisation, name, function, published in PERSONS
    ]
    composition = [
        {"gemeentecode": code, "gemeente": GEMEENTEN[code], "regio": slug}
        for slug, *_rest, codes in REGIONS
        for code in codes
    ]
    insurers = [
        {
            "sleutel": INSURER,
            "naam": "Zorgverzekeraar Voorbeeld (voorbeeld)",
            "website": "https://example.org/",
            "email": "zorgverzekeraar@example.org",
        }
    ]
    return {
        workbook.GUIDE: NOTE,
        workbook.INSURERS.name: insurers,
        workbook.ORGANISATIONS.name: organisations,
        workbook.CONTACTS.name: persons,
        workbook.REGIONS.name: regions,
        workbook.COMPOSITION.name: composition,
    }


class Command(BaseCommand):
    help = (
        "Schrijf het voorbeeldwerkboek (fixtures/voorbeeld-werkboek.xlsx): "
        "verzonnen organisaties en personen op echte gemeenten."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT))

    def handle(self, *args, file, **options):
        Path(file).write_bytes(workbook.export_workbook(sample=sample_rows()))
        self.stdout.write(f"Voorbeeldwerkboek geschreven: {file}")
