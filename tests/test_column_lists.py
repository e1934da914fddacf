"""Each column list is written once (regions.columns, plans.columns), and every
download and import keeps its columns, by name and in order."""

from pathlib import Path

import pytest
from django.test import RequestFactory

from core.spreadsheets import CURATOR, PUBLIC
from plans.columns import CONTRACT_COLUMNS
from plans.exports import PublicContractResource, PublicPlanResource
from plans.resources import ContractResource
from regions.columns import ORGANISATION_COLUMNS, REGION_COLUMNS
from regions.exports import PublicOrganisationResource, PublicRegionResource
from regions.resources import OrganisationResource, RegionResource

ROOT = Path(__file__).resolve().parent.parent
APPS = ("core", "geo", "organisations", "regions", "plans", "progress", "editing")

# What people's spreadsheets and scripts read: never change these by accident.
FILES = {
    "/data/regios.csv": (
        PublicRegionResource,
        [
            "sleutel",
            "naam",
            "status",
            "status_omschrijving",
            "preferente_zorgverzekeraar",
            "regionale_organisatie",
            "regioplan",
            "regioplan_vanaf",
            "regioplan_tot_en_met",
            "patienten_betrokken",
            "niet_praktijkhouders_doen_mee",
            "gemeenten",
            "laatst_bijgewerkt",
            "pagina",
            "demo",
        ],
    ),
    "admin regions": (
        RegionResource,
        [
            "sleutel",
            "naam",
            "status",
            "status_omschrijving",
            "zorgverzekeraar",
            "regionale_organisatie",
            "regioplan_link",
            "regioplan_bestand",
            "regioplan_vanaf",
            "regioplan_tot_en_met",
            "patienten_betrokken",
            "niet_praktijkhouders_doen_mee",
            "toelichting",
            "demo",
        ],
    ),
    "/organisaties/selectie.csv": (
        PublicOrganisationResource,
        [
            "sleutel",
            "naam",
            "soort",
            "kvk",
            "adres",
            "postcode",
            "plaats",
            "telefoon",
            "email",
            "website",
            "regios",
            "contactpersonen",
            "pagina",
            "demo",
        ],
    ),
    "admin organisations, /data/organisaties.csv": (
        OrganisationResource,
        [
            "sleutel",
            "naam",
            "soort",
            "kvk",
            "adres",
            "postcode",
            "plaats",
            "telefoon",
            "email",
            "website",
            "regios",
            "regionale_organisatie_van",
            "demo",
        ],
    ),
    "admin contracts": (
        ContractResource,
        [
            "regio",
            "zorgverzekeraar",
            "begindatum",
            "einddatum",
            "soort",
            "stand",
            "themas",
            "monitoring_afgesproken",
            "monitoring_hoe",
            "inhoud_openbaar",
            "demo",
        ],
    ),
}


def with_version(resource_class, headers: list[str]) -> list[str]:
    """Curators' files of a versioned model end in the version column that core
    adds to every such resource (its import checks it)."""
    model = resource_class._meta.model
    versioned = any(f.name == "version" for f in model._meta.concrete_fields)
    return [*headers, "versie"] if versioned else headers


@pytest.mark.parametrize("name", list(FILES))
def test_every_file_keeps_its_columns(name):
    resource_class, headers = FILES[name]
    if name.startswith("admin"):
        headers = with_version(resource_class, headers)
    assert resource_class().get_export_headers() == headers
    import_columns = [f.column_name for f in resource_class().get_import_fields()]
    assert [c for c in import_columns if c != "versie"] == [
        h for h in headers if h != "versie"
    ]


def test_the_contract_and_plan_downloads_keep_their_columns():
    assert PublicContractResource.HEADERS == [
        "regio",
        "zorgverzekeraar",
        "begindatum",
        "einddatum",
        "inhoud_openbaar",
        "stand_van_zaken",
        "eenjarig_of_meerjarig",
        "themas",
        "monitoring_afgesproken",
        "monitoring_hoe",
        "demo",
    ]
    assert PublicPlanResource(RequestFactory().get("/")).headers() == [
        "sleutel",
        "naam",
        "status_regioplan",
        "regioplan_afgestemd_met_verzekeraar",
        "regioplan_looptijd",
        "patienten_betrokken",
        "regiobeeld",
        "regiobeeld_met_verzekeraar",
        "regiobeeld_parties",
        "regiobeeld_figures",
        "regiobeeld_trends",
        "regiobeeld_demand",
        "regiobeeld_supply",
        "regiobeeld_challenges",
        "plan_missie_visie",
        "plan_ict_visie",
        "plan_governance",
        "plan_opgaven",
        "plan_activiteiten",
        "plan_monitoring",
        "plan_draagvlak",
        "contractafspraken",
        "pagina",
        "demo",
    ]


@pytest.mark.parametrize(
    "columns, public, curator",
    [
        (REGION_COLUMNS, PublicRegionResource, RegionResource),
        (ORGANISATION_COLUMNS, PublicOrganisationResource, OrganisationResource),
        (CONTRACT_COLUMNS, PublicContractResource, ContractResource),
    ],
)
def test_the_open_data_and_the_curators_file_share_one_column_list(
    columns, public, curator
):
    """Both files of a table are made from its one list: a column they share is
    the same field under the same name."""
    if hasattr(public, "HEADERS"):
        assert public.HEADERS == columns.headers(PUBLIC)
    else:
        assert public().get_export_headers() == columns.headers(PUBLIC)
    assert curator().get_export_headers() == with_version(
        curator, columns.headers(CURATOR)
    )
    for column in columns.for_audience(CURATOR):
        field = curator().fields[column.name]
        assert field.attribute == (None if column.computed else column.name)
    shared = set(columns.headers(PUBLIC)) & set(columns.headers(CURATOR))
    assert len(shared) >= 8


# Column names that belong to one table; each may be written in one module only.
DISTINCT_COLUMNS = [
    "status_omschrijving",
    "preferente_zorgverzekeraar",
    "regioplan_link",
    "regioplan_bestand",
    "regioplan_vanaf",
    "regioplan_tot_en_met",
    "patienten_betrokken",
    "niet_praktijkhouders_doen_mee",
    "laatst_bijgewerkt",
    "regionale_organisatie_van",
    "stand_van_zaken",
    "eenjarig_of_meerjarig",
    "monitoring_afgesproken",
    "monitoring_hoe",
    "inhoud_openbaar",
]


def test_no_column_name_is_written_outside_its_column_list():
    written = {name: [] for name in DISTINCT_COLUMNS}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            text = path.read_text()
            for name in DISTINCT_COLUMNS:
                if f'"{name}"' in text:
                    written[name].append(str(path.relative_to(ROOT)))
    assert {name: paths for name, paths in written.items() if len(paths) != 1} == {}
    assert {paths[0] for paths in written.values()} == {
        "regions/columns.py",
        "plans/columns.py",
    }
