"""Load the demo data set from fixtures/: real CBS gemeenten, demo regions."""

import datetime
import json
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import transaction

from geo.models import Gemeente
from organisations.models import ContactPerson, Insurer, Organisation

from . import services
from .models import (
    Activity,
    Region,
    RegionGemeente,
    RegionOrganisation,
    ensure_themes,
)
from .reference import FIXTURES, load_gemeenten, load_reference_tables

DEMO_REGIONS = FIXTURES / "demo_regios.json"


# Demo persons: names start with "Demo:", addresses are at the reserved
# example.org, and phone numbers are "+31 20 000 00xx": a subscriber number in
# the Netherlands never starts with 0, so none of these can reach a person.
DEMO_FIRST_NAMES = [
    "Anna", "Bram", "Carlijn", "Daan", "Eva", "Femke", "Gijs", "Hanna", "Ilse",
    "Joost", "Karin", "Lars", "Maaike", "Noor", "Olaf", "Petra", "Ruben",
    "Sanne", "Thijs", "Vera", "Wouter", "Yara",
]  # fmt: skip
DEMO_LAST_NAMES = [
    "de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer",
    "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Kok",
]  # fmt: skip
DEMO_FUNCTIONS = [
    "Bestuurder",
    "Programmamanager regioplan",
    "Regiocoördinator",
    "Beleidsadviseur ouderenzorg",
    "Projectleider ICT en digitale zorg",
    "Adviseur regionale samenwerking",
    "Manager huisartsenpost",
    "Secretaris kringbestuur",
]
DEMO_PHONE = "+31 20 000 00{:02d}"


def demo_person(n: int) -> tuple[str, str, str]:
    """The n-th demo person: (name, e-mail local part, function)."""
    first = DEMO_FIRST_NAMES[n % len(DEMO_FIRST_NAMES)]
    last = DEMO_LAST_NAMES[(n * 7) % len(DEMO_LAST_NAMES)]
    local = f"{first}.{last}".lower().replace(" ", "")
    return f"Demo: {first} {last}", local, DEMO_FUNCTIONS[n % len(DEMO_FUNCTIONS)]


def add_demo_contacts() -> int:
    """Made-up contact details for the made-up (is_demo) organisations only:
    reserved example.org addresses, fictional phone numbers, every person marked
    demo; some published and some not, as in real life. Organisations with real
    names (from the guidance) get nothing invented."""
    persons = []
    demo = list(Organisation.objects.filter(is_demo=True).order_by("slug"))
    for n, organisation in enumerate(demo):
        organisation.email = f"{organisation.slug[:40]}@example.org"
        organisation.website = f"https://example.org/{organisation.slug}"
        for k in range(1 + (n % 4 == 0)):  # every fourth has a second person
            m = len(persons)
            name, local, function = demo_person(m)
            persons.append(
                ContactPerson(
                    organisation=organisation,
                    name=name,
                    function=function,
                    email=f"{local}@example.org",
                    phone=DEMO_PHONE.format(m % 100) if m % 3 != 1 else "",
                    is_public=(n + k) % 3 != 2,  # some chose not to be published
                    is_demo=True,
                )
            )
    Organisation.objects.bulk_update(demo, ["email", "website"])
    ContactPerson.objects.bulk_create(persons)
    return len(persons)


def load_regions(plan_documents: Callable[[list[Region]], dict[str, bytes]]) -> int:
    """The demo regions, organisations and activities; plan_documents gives the
    PDF of each public plan (a public plan must have one), by region slug."""
    with open(DEMO_REGIONS, encoding="utf-8") as f:
        data = json.load(f)
    insurers = {
        item["slug"]: Insurer.objects.create(slug=item["slug"], name=item["name"])
        for item in data["insurers"]
    }
    organisations = {
        item["slug"]: Organisation.objects.create(
            slug=item["slug"],
            name=item["name"],
            type=item["type"],
            is_demo=item["is_demo"],
        )
        for item in data["organisations"]
    }
    new = [
        Region(
            slug=item["slug"],
            name=item["name"],
            status=item["status"],
            preferred_insurer=insurers[item["insurer"]],
            regional_organisation=organisations[item["organisation"]],
            plan_start_year=item.get("plan_start_year"),
            plan_end_year=item.get("plan_end_year"),
            patients_involved=item.get("patients_involved", "onbekend"),
            non_practice_holders_involved=item.get(
                "non_practice_holders_involved", "onbekend"
            ),
            is_demo=True,
        )
        for item in data["regions"]
    ]
    documents = plan_documents(new)
    regions = {}
    for item, region in zip(data["regions"], new, strict=True):
        if region.slug in documents:
            region.plan_document.save(
                "regioplan.pdf", ContentFile(documents[region.slug]), save=False
            )
        region.save()
        RegionGemeente.objects.bulk_create(
            RegionGemeente(region=region, gemeente=gemeente)
            for gemeente in Gemeente.objects.filter(code__in=item["gemeenten"])
        )
        regions[region.slug] = region
    RegionOrganisation.objects.bulk_create(
        RegionOrganisation(
            region=regions[slug], organisation=organisations[item["slug"]]
        )
        for item in data["organisations"]
        for slug in item["regions"]
    )
    fixture_activities = Activity.objects.bulk_create(
        Activity(
            region=regions[item["region"]],
            title=item["title"],
            description=item["description"],
            organisation=organisations.get(item["organisation"]),
            start_date=item["start_date"],
            end_date=item["end_date"],
            is_demo=item["is_demo"],
        )
        for item in data["activities"]
    )
    add_demo_activities(list(regions.values()), fixture_activities)
    return len(regions)


# Demo activities per curated theme (regions.models.DEFAULT_THEMES): title and
# description, generic and without figures. Each region gets two, in turn, so
# neighbouring regions show different work and a title recurs at most twice.
DEMO_ACTIVITIES = [
    ("ouderenzorg", "Proactieve zorgplanning met kwetsbare ouderen",
     "Huisartsen en praktijkondersteuners bespreken met kwetsbare ouderen en "
     "hun naasten wat zij belangrijk vinden en leggen dat vast voor de "
     "huisartsenpost en de wijkverpleging."),
    ("ouderenzorg", "Wijkgebonden ouderenteams",
     "Huisarts, wijkverpleegkundige en specialist ouderengeneeskunde vormen "
     "vaste teams per wijk met een gezamenlijk overleg."),
    ("ouderenzorg", "Valpreventie voor thuiswonende ouderen",
     "Fysiotherapeuten en huisartsenpraktijken bieden een gezamenlijk "
     "programma om vallen bij thuiswonende ouderen te voorkomen."),
    ("ouderenzorg", "Regionale afspraken over dementiezorg",
     "De huisartsenorganisatie stemt met casemanagers dementie en de gemeenten "
     "af wie wat doet vanaf de diagnose."),
    ("ouderenzorg", "Medicatiebeoordeling in de eerste lijn",
     "Apothekers en huisartsen beoordelen samen de medicatie van ouderen die "
     "veel geneesmiddelen gebruiken."),
    ("digitalisering-ict", "Regionaal gegevensuitwisselingsplatform",
     "Huisartsen, huisartsenpost en wijkverpleging kiezen samen één manier om "
     "met toestemming van de patiënt gegevens te delen."),
    ("digitalisering-ict", "Digitale triage in de huisartsenpraktijk",
     "Praktijken proberen een gezamenlijke digitale triage uit en delen wat "
     "werkt en wat niet."),
    ("digitalisering-ict", "Opleiding digitale vaardigheden voor praktijkteams",
     "Assistenten en praktijkondersteuners volgen samen een leerlijn over "
     "digitale zorg en beeldbellen."),
    ("digitalisering-ict", "Gezamenlijke informatiebeveiliging",
     "De huisartsenorganisatie ondersteunt praktijken bij informatiebeveiliging "
     "en een gedeelde aanpak van datalekken."),
    ("digitalisering-ict", "Thuismeten bij chronische aandoeningen",
     "Patiënten met een chronische aandoening meten thuis; de praktijk kijkt "
     "mee via een gezamenlijk portaal."),
    ("samenwerking-in-de-wijk", "Wijkoverleg huisarts en sociaal domein",
     "Huisartsen, wijkteams van de gemeente en wijkverpleging overleggen "
     "periodiek over gezamenlijke patiënten."),
    ("samenwerking-in-de-wijk", "Sociaal makelaar in de huisartsenpraktijk",
     "Patiënten met vragen over werk, geld of eenzaamheid worden verwezen naar "
     "een sociaal makelaar in de wijk."),
    ("samenwerking-in-de-wijk", "Multidisciplinair netwerk per wijk",
     "Zorgverleners in een wijk kennen elkaar, maken werkafspraken en houden "
     "een gezamenlijke sociale kaart bij."),
    ("samenwerking-in-de-wijk", "Gezondheidscentrum als wijkknooppunt",
     "Een gezondheidscentrum biedt ruimte aan huisartsen, fysiotherapie en het "
     "wijkteam onder één dak."),
    ("samenwerking-in-de-wijk", "Samenwerkingsafspraken met apothekers",
     "Huisartsen en apothekers in de wijk leggen afspraken vast over "
     "herhaalrecepten en bereikbaarheid."),
    ("acute-zorg", "Spoedpoli met de huisartsenpost",
     "De huisartsenpost en de spoedeisende hulp van het ziekenhuis werken aan "
     "één ingang voor acute zorg buiten kantoortijden."),
    ("acute-zorg", "Regionale triage acute zorg",
     "Huisartsenpost, ambulancedienst en ziekenhuis stemmen de triage af, zodat "
     "de patiënt op de juiste plek terechtkomt."),
    ("acute-zorg", "Avond- en nachtzorg voor ouderen thuis",
     "De huisartsenpost en de wijkverpleging maken afspraken over acute zorg "
     "voor ouderen in de avond en nacht."),
    ("acute-zorg", "Bereikbaarheid van praktijken overdag",
     "Praktijken maken onderlinge afspraken over waarneming en bereikbaarheid "
     "bij spoed tijdens kantoortijden."),
    ("acute-zorg", "Toekomst van de huisartsenposten",
     "De huisartsendienstenstructuur verkent met huisartsen hoe de "
     "huisartsenposten in de regio toekomstbestendig blijven."),
    ("ggz", "POH-GGZ voor jongeren",
     "Praktijkondersteuners GGZ krijgen scholing in de begeleiding van jongeren "
     "en werken samen met de jeugdteams."),
    ("ggz", "Consultatie van de psychiater in de praktijk",
     "Huisartsen kunnen laagdrempelig een psychiater raadplegen over een "
     "patiënt, zonder verwijzing."),
    ("ggz", "Regionale GGZ-tafel",
     "Huisartsen, GGZ-aanbieders, gemeenten en verzekeraar bespreken samen de "
     "wachttijden en het aanbod in de regio."),
    ("ggz", "Samenwerking met de wijk-GGZ",
     "De huisartsenpraktijk en het wijkteam maken afspraken over mensen met "
     "langdurige psychische klachten."),
    ("ggz", "Digitale zelfhulp bij lichte psychische klachten",
     "Praktijken bieden een gezamenlijk gekozen online programma voor lichte "
     "psychische klachten aan."),
    ("arbeidsmarkt", "Opleiden van doktersassistenten in de regio",
     "De huisartsenorganisatie zet met scholen een gezamenlijk leerwerktraject "
     "voor doktersassistenten op."),
    ("arbeidsmarkt", "Praktijkovername en startende huisartsen",
     "De huisartsenkring begeleidt startende huisartsen en praktijken die een "
     "opvolger zoeken."),
    ("arbeidsmarkt", "Taakherschikking naar verpleegkundig specialisten",
     "Praktijken verkennen samen welke taken een verpleegkundig specialist of "
     "physician assistant kan overnemen."),
    ("arbeidsmarkt", "Netwerk voor waarnemende huisartsen",
     "Niet-praktijkhoudende huisartsen krijgen een vast aanspreekpunt en een "
     "eigen plek in de regionale organisatie."),
    ("arbeidsmarkt", "Gezond werken in de huisartsenpraktijk",
     "Praktijkteams werken aan werkdruk en werkplezier met een gezamenlijk "
     "programma van de ROS."),
    ("preventie", "Leefstijlprogramma in de wijk",
     "Huisartsen verwijzen naar een gecombineerde leefstijlinterventie die "
     "samen met de gemeente wordt aangeboden."),
    ("preventie", "Stoppen met roken in de eerste lijn",
     "Praktijkondersteuners bieden een gezamenlijk programma om te stoppen met "
     "roken, met vaste verwijsafspraken."),
    ("preventie", "Gezondheidsvaardigheden en begrijpelijke informatie",
     "Praktijken maken hun voorlichting begrijpelijker voor mensen met beperkte "
     "gezondheidsvaardigheden."),
    ("preventie", "Samenwerking met de GGD",
     "De huisartsenorganisatie en de GGD stemmen preventieactiviteiten af en "
     "delen wat zij in de wijken zien."),
    ("preventie", "Kansrijke start",
     "Verloskundigen, huisartsen en jeugdgezondheidszorg werken samen rond "
     "zwangerschap en de eerste levensjaren."),
    ("basisfinanciering-organisatie", "Versterken van de regionale organisatie",
     "De huisartsenorganisatie richt een vast bureau in met ondersteuning voor "
     "bestuur, projecten en communicatie."),
    ("basisfinanciering-organisatie", "Meerjarige financiering van de regio",
     "De huisartsenorganisatie en de verzekeraar werken aan meerjarige "
     "afspraken over de basisfinanciering."),
    ("basisfinanciering-organisatie", "Ledenraadpleging over het regioplan",
     "Alle huisartsen in de regio, ook niet-praktijkhoudenden, praten mee over "
     "de prioriteiten van het regioplan."),
    ("basisfinanciering-organisatie", "Gezamenlijk bestuur eerste lijn",
     "Huisartsenorganisatie, huisartsenpost en multidisciplinaire organisatie "
     "verkennen één bestuurlijke tafel voor de regio."),
    ("basisfinanciering-organisatie", "Kwaliteitsbeleid van de regio",
     "De huisartsenorganisatie legt vast hoe praktijken samen aan kwaliteit "
     "werken en daarover verantwoording afleggen."),
]  # fmt: skip


def add_demo_activities(regions: list[Region], fixture: list[Activity]) -> int:
    """Two activities per region from DEMO_ACTIVITIES, each with its theme and a
    demo period; the fixture's own activities get a theme too."""
    themes = {theme.slug: theme for theme in ensure_themes()}
    organisations = {region.pk: region.regional_organisation_id for region in regions}
    activities, links = [], []
    for i, region in enumerate(regions):
        for k in range(2):
            n = (2 * i + k) % len(DEMO_ACTIVITIES)
            slug, title, description = DEMO_ACTIVITIES[n]
            start = datetime.date(2024 + (i + k) % 3, 1 + (3 * i + 5 * k) % 12, 1)
            end = (
                None
                if (i + k) % 4 == 3  # ongoing work without an end date
                else datetime.date(start.year + 1 + (i % 2), start.month, 1)
                - datetime.timedelta(days=1)
            )
            activities.append(
                Activity(
                    region=region,
                    title=title,
                    description=description,
                    organisation_id=organisations[region.pk],
                    start_date=start,
                    end_date=end,
                    is_demo=True,
                )
            )
            links.append(slug)
    Activity.objects.bulk_create(activities)
    Through = Activity.themes.through
    rows = [
        Through(activity_id=activity.pk, theme_id=themes[slug].pk)
        for activity, slug in zip(activities, links, strict=True)
    ]
    for activity in fixture:
        slug = (
            "digitalisering-ict"
            if "ICT" in activity.title
            else ("basisfinanciering-organisatie")
        )
        rows.append(Through(activity_id=activity.pk, theme_id=themes[slug].pk))
    Through.objects.bulk_create(rows)
    return len(activities) + len(fixture)


@transaction.atomic
def load_demo(plan_documents: Callable[[list[Region]], dict[str, bytes]]) -> dict:
    """Load everything into an empty database; returns counts."""
    counts = {
        "gemeenten": load_gemeenten(),
        "postcodes": load_reference_tables(),
        "regio's": load_regions(plan_documents),
        "contactpersonen (demo)": add_demo_contacts(),
    }
    services.rebuild_region_geometries()
    return counts
