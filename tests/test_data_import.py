"""Spreadsheet import/export: natural keys, all-or-nothing, Dutch errors."""

import pytest
import tablib
from django.forms.models import model_to_dict

from geo.models import Gemeente
from organisations.models import Insurer, Organisation
from regions.models import Activity, Region, RegionFigure, RegionGemeente
from regions.resources import (
    ActivityResource,
    CompositionResource,
    InsurerResource,
    OrganisationResource,
    RegionFigureResource,
    RegionResource,
)

from .helpers import region_of

pytestmark = pytest.mark.django_db

# The order that lets every row find what it refers to.
RESOURCES = [
    InsurerResource,
    RegionResource,
    CompositionResource,
    OrganisationResource,
    ActivityResource,
    RegionFigureResource,
]
SKIP_FIELDS = {"created_at", "updated_at", "version", "geometry", "display_geometry"}


def snapshot():
    """Everything the spreadsheets carry, comparable across a wipe."""

    def rows(model, key):
        return sorted(
            (
                {k: v for k, v in model_to_dict(obj).items() if k not in SKIP_FIELDS}
                for obj in model.objects.all()
            ),
            key=lambda row: str(row[key]),
        )

    state = {
        "insurers": rows(Insurer, "slug"),
        "regions": rows(Region, "slug"),
        "organisations": rows(Organisation, "slug"),
        "activities": rows(Activity, "id"),
        "figures": rows(RegionFigure, "id"),
        "composition": sorted(
            Gemeente.objects.values_list("code", "region_link__region__slug")
        ),
    }
    # Ids of insurers, regions and organisations are internal: compare by key.
    for section in ("insurers", "regions", "organisations", "figures"):
        for row in state[section]:
            row.pop("id", None)
    for row in state["regions"]:
        row["preferred_insurer"] = (
            Insurer.objects.filter(pk=row["preferred_insurer"])
            .values_list("slug", flat=True)
            .first()
        )
        row["regional_organisation"] = (
            Organisation.objects.filter(pk=row["regional_organisation"])
            .values_list("slug", flat=True)
            .first()
        )
    for row in state["regions"]:
        row.pop("gemeenten")  # compared as "composition"
        row.pop("organisations")  # compared from the organisations' side
    for row in state["organisations"]:
        row["regions"] = sorted(
            Region.objects.filter(organisations__slug=row["slug"]).values_list(
                "slug", flat=True
            )
        )
    for row in state["activities"]:
        row["region"] = Region.objects.get(pk=row["region"]).slug
        row["organisation"] = (
            Organisation.objects.filter(pk=row["organisation"])
            .values_list("slug", flat=True)
            .first()
        )
    for row in state["figures"]:
        row["region"] = Region.objects.get(pk=row["region"]).slug
    return state


def csv_of(resource_class):
    return resource_class().export().csv


def load(resource_class, text, dry_run=False, fmt="csv"):
    dataset = tablib.Dataset().load(text, format=fmt)
    return resource_class().import_data(dataset, dry_run=dry_run)


def assert_ok(result):
    errors = [e.error for e in result.base_errors] + [
        e.error for _line, errs in result.row_errors() for e in errs
    ]
    invalid = [(r.number, r.error_dict) for r in result.invalid_rows]
    assert not errors and not invalid, (errors, invalid)


def wipe():
    Activity.objects.all().delete()
    RegionFigure.objects.all().delete()
    RegionGemeente.objects.all().delete()
    Organisation.objects.all().delete()
    Region.objects.all().delete()
    Insurer.objects.all().delete()


def test_round_trip_export_wipe_import_gives_the_same_database(world):
    RegionFigure.objects.create(
        region=world.region_b,
        kind="huisartsen",
        value=402,
        year=2025,
        source="Telling",
    )
    Organisation.objects.filter(slug="huisartsen-aaland").update(
        phone="+31 24 123 45 67", website="https://example.org/aaland"
    )
    before = snapshot()
    assert len(before["composition"]) == 8 and len(before["activities"]) == 2
    exported = {resource: csv_of(resource) for resource in RESOURCES}
    wipe()
    assert Region.objects.count() == 0
    for resource in RESOURCES:
        text = exported[resource]
        if resource is RegionResource:
            # After the wipe the regions file's lead organisations do not exist
            # yet; the organisations file sets them (regionale_organisatie_van).
            dataset = tablib.Dataset().load(text, format="csv")
            del dataset["regionale_organisatie"]
            text = dataset.csv
        assert_ok(load(resource, text))
    assert snapshot() == before
    # New activities still get fresh ids after ids were imported (PostgreSQL sequences).
    Activity.objects.create(region=Region.objects.first(), title="Na de import")


def test_reimporting_the_same_files_changes_nothing(world):
    history_before = Region.history.count() + Organisation.history.count()
    for resource in RESOURCES[:-1]:
        result = load(resource, csv_of(resource))
        assert_ok(result)
        assert result.totals["new"] == result.totals["update"] == 0, resource
    assert Region.history.count() + Organisation.history.count() == history_before


def test_edited_file_updates_in_place_and_names_the_changed_field(world):
    dataset = RegionResource().export()
    index = dataset["sleutel"].index("beekdal")
    row = list(dataset[index])
    row[dataset.headers.index("status")] = "in_ontwikkeling"
    dataset[index] = row
    preview = RegionResource().import_data(dataset, dry_run=True)
    assert_ok(preview)
    changed = [r for r in preview.rows if r.import_type == "update"]
    assert len(changed) == 1
    assert "in_ontwikkeling" in "".join(str(part) for part in changed[0].diff)
    assert Region.objects.get(slug="beekdal").status == "niet_openbaar"  # dry run
    RegionResource().import_data(dataset)
    assert Region.objects.get(slug="beekdal").status == "in_ontwikkeling"
    assert Region.objects.count() == 3


def refused(resource_class, text, message, fmt="csv"):
    """The file is refused with this message, and nothing in the database changed."""
    before = snapshot()
    result = load(resource_class, text, fmt=fmt)
    messages = [str(e.error) for e in result.base_errors]
    messages += [str(e.error) for _line, errs in result.row_errors() for e in errs]
    for row in result.invalid_rows:
        for field_errors in row.error_dict.values():
            messages += [str(m) for m in field_errors]
    assert any(message in m for m in messages), messages
    assert snapshot() == before
    return result


def test_unknown_status(world):
    text = "sleutel,naam,status\nbeekdal,Beekdal,half af\nceeland,Ceeland,geen\n"
    result = refused(RegionResource, text, "Waarde 'half af' is geen geldige keuze.")
    assert [r.number for r in result.invalid_rows] == [1]


def test_unknown_insurer_is_named_by_its_column(world):
    text = "sleutel,naam,status,zorgverzekeraar\nbeekdal,Beekdal,geen,nep-zorg\n"
    result = refused(RegionResource, text, "onbekende zorgverzekeraar 'nep-zorg'")
    assert list(result.invalid_rows[0].error_dict) == ["zorgverzekeraar"]


def test_kvk_number_of_another_organisation(world):
    Organisation.objects.filter(slug="huisartsen-aaland").update(kvk_number="12345678")
    text = (
        "sleutel,naam,soort,kvk\n"
        "zorggroep-beekdal,Zorggroep Beekdal,huisartsenorganisatie,12345678\n"
    )
    refused(OrganisationResource, text, "KvK-nummer 12345678 hoort al bij een andere")


def test_unknown_gemeente_code(world):
    refused(
        CompositionResource,
        "gemeentecode,regio\nGM9999,ceeland\n",
        "onbekende gemeentecode ‘GM9999’",
    )


def test_a_gemeente_in_two_regions(world):
    text = "gemeentecode,regio\nGM9001,beekdal\nGM9001,ceeland\n"
    refused(CompositionResource, text, "‘GM9001’ staat meer dan eens in het bestand.")


def test_duplicate_keys(world):
    text = (
        "sleutel,naam,soort\n"
        "ros-midden,ROS Midden,ros\n"
        "ros-midden,ROS Midden 2,huisartsenorganisatie\n"
    )
    refused(
        OrganisationResource, text, "‘ros-midden’ staat meer dan eens in het bestand."
    )


def test_missing_columns(world):
    refused(
        RegionResource,
        "sleutel,naam\nbeekdal,Beekdal\n",
        "Deze kolommen ontbreken: status.",
    )


def test_empty_file(world):
    refused(RegionResource, "sleutel,naam,status\n", "Het bestand is leeg")


def test_formula_in_a_cell(world):
    text = (
        "sleutel,naam,soort\n"
        'huisartsen-aaland,"=HYPERLINK(""http://x"",""klik"")",huisartsenorganisatie\n'
    )
    refused(
        OrganisationResource, text, "is een formule; formules zijn niet toegestaan."
    )


def test_unknown_region_in_an_organisations_regions(world):
    text = (
        "sleutel,naam,soort,regios\n"
        "huisartsen-aaland,Huisartsen Aaland,huisartsenorganisatie,aaland;atlantis\n"
    )
    refused(OrganisationResource, text, "onbekende regio's: atlantis")


def test_composition_import_moves_a_gemeente_and_rebuilds_borders(world):
    ceeland = world.region_c
    area_before = ceeland.geometry
    assert_ok(
        load(CompositionResource, "gemeentecode,regio\nGM9006,ceeland\n")
    )  # Berg en Beek, from Beekdal
    ceeland.refresh_from_db()
    assert region_of(Gemeente.objects.get(code="GM9006")) == ceeland
    assert ceeland.geometry != area_before


def test_organisation_import_sets_regions_and_the_regional_organisation(world):
    text = (
        "sleutel,naam,soort,regios,regionale_organisatie_van\n"
        "nieuw-zorgnetwerk,Nieuw Zorgnetwerk,huisartsenorganisatie,"
        "beekdal;ceeland,beekdal\n"
    )
    assert_ok(load(OrganisationResource, text))
    organisation = Organisation.objects.get(slug="nieuw-zorgnetwerk")
    assert sorted(r.slug for r in organisation.regions.all()) == [
        "beekdal",
        "ceeland",
    ]
    beekdal = Region.objects.get(slug="beekdal")
    assert beekdal.regional_organisation == organisation
    assert beekdal.history.first().regional_organisation_id == organisation.pk


def test_exports_escape_spreadsheet_formulas_and_the_import_restores_them(world):
    dangerous = ["=1+1", "+31 26 123 45 67", "-2", "@SUM(A1)"]
    slugs = [
        "huisartsen-aaland",
        "zorggroep-beekdal",
        "eerstelijn-ceeland",
        "ros-midden",
    ]
    for slug, value in zip(slugs, dangerous, strict=True):
        Organisation.objects.filter(slug=slug).update(street_address=value)
    text = csv_of(OrganisationResource)
    for value in dangerous:
        assert f",'{value}," in text or f',"\'{value}",' in text
        assert f",{value}," not in text
    Organisation.objects.filter(slug__in=slugs[:2]).update(street_address="")
    assert_ok(load(OrganisationResource, text))
    assert Organisation.objects.get(slug=slugs[0]).street_address == "=1+1"


def test_xlsx_round_trip(world):
    data = RegionResource().export().export("xlsx")
    result = RegionResource().import_data(tablib.Dataset().load(data, format="xlsx"))
    assert_ok(result)
    assert result.totals["skip"] == 3
