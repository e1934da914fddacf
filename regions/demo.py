"""Load the demo data set from fixtures/: real CBS gemeenten, demo regions."""

import json

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
    RegioplanStatus,
)
from .reference import FIXTURES, load_gemeenten, load_reference_tables

DEMO_REGIONS = FIXTURES / "demo_regios.json"
DEMO_PLAN_PDF = FIXTURES / "demo" / "regioplan-demo.pdf"


def add_demo_contacts() -> int:
    """Made-up contact details for the made-up (is_demo) organisations only:
    reserved example.org addresses, no phone numbers, every person marked demo.
    Organisations with real names (from the guidance) get nothing invented."""
    persons = []
    demo = list(Organisation.objects.filter(is_demo=True).order_by("slug"))
    for n, organisation in enumerate(demo):
        organisation.email = f"{organisation.slug[:40]}@example.org"
        organisation.website = f"https://example.org/{organisation.slug}"
        persons.append(
            ContactPerson(
                organisation=organisation,
                name="Demo Contactpersoon",
                function="Coördinator regionale samenwerking (demo)",
                email=f"regio.{organisation.slug[:40]}@example.org",
                is_public=n % 3 != 2,  # some persons chose not to be published
                is_demo=True,
            )
        )
    Organisation.objects.bulk_update(demo, ["email", "website"])
    ContactPerson.objects.bulk_create(persons)
    return len(persons)


def load_regions() -> int:
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
    demo_pdf = DEMO_PLAN_PDF.read_bytes()
    regions = {}
    for item in data["regions"]:
        region = Region(
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
        if region.status == RegioplanStatus.OPENBAAR:
            region.plan_document.save(
                "regioplan.pdf", ContentFile(demo_pdf), save=False
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
    Activity.objects.bulk_create(
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
    return len(regions)


@transaction.atomic
def load_demo() -> dict:
    """Load everything into an empty database; returns counts."""
    counts = {
        "gemeenten": load_gemeenten(),
        "postcodes": load_reference_tables(),
        "regio's": load_regions(),
        "contactpersonen (demo)": add_demo_contacts(),
    }
    services.rebuild_region_geometries()
    return counts
