from decimal import Decimal

import pytest

from geo.importers import KerncijfersImport
from geo.models import Gemeente
from organisations.models import Organisation
from regions import kerngetallen
from regions.models import Activity, RegionFigure, RegioplanStatus

from .conftest import REGION_A, REGION_B, REGION_C
from .helpers import FIXTURES, real_gemeenten_without_borders

pytestmark = pytest.mark.django_db


def test_region_page_shows_organisation_insurer_and_plan(client, world):
    html = client.get(f"/regio/{REGION_A}/").content.decode()
    assert "<h1>Aaland" in html
    assert "Huisartsen Aaland" in html
    assert "Verzekeraar Noord" in html
    assert "Regioplan openbaar" in html
    assert f'href="/regio/{REGION_A}/regioplan.pdf"' in html
    assert "2024–2027" in html


def test_kerngetallen_sum_correctly_from_cbs_figures(client, world):
    response = client.get(f"/regio/{REGION_A}/")
    rows = {row["key"]: row for row in response.context["kerngetallen"]}
    # Aastad, Bergdorp and Súdwest-Wâlden (tests/factories.py).
    assert rows["inwoners"]["region"] == 20_000  # 10 000 + 5 000 + 5 000
    assert rows["huishoudens"]["region"] == 8_000  # 4 000 + 2 000 + 2 000
    assert rows["gem_huishoudensgrootte"]["region"] == 2.5
    # (10 000 × 20 + 5 000 × 30 + 5 000 × 10) / 20 000
    assert rows["aandeel_65plus"]["region"] == pytest.approx(20.0)
    # (10 000 × 15 + 5 000 × 10 + 5 000 × 20) / 20 000
    assert rows["aandeel_0_15"]["region"] == pytest.approx(15.0)
    assert rows["gemeenten"]["region"] == 3
    assert rows["area_km2"]["region"] == pytest.approx(
        sum(g.area_km2 for g in world.gemeenten[:3])
    )
    # The Netherlands column adds up every gemeente, in a region or not.
    assert rows["inwoners"]["nl"] == 60_000
    assert rows["huishoudens"]["nl"] == 28_000
    assert rows["aandeel_65plus"]["nl"] == pytest.approx(19.5)  # 1 170 000 / 60 000
    assert rows["gemeenten"]["nl"] == 8
    html = response.content.decode()
    assert "20.000" in html
    assert "60.000" in html


def test_region_density_uses_cbs_land_area(world):
    # Aaland's land, from CBS's densities: 10 + 10 + 20 = 40 km², far less than
    # the area of its three squares on the map.
    figures = kerngetallen.for_region(world.region_a)
    assert figures.land_km2 == pytest.approx(40)
    assert figures.dichtheid == pytest.approx(500, rel=1e-9)
    assert figures.area_km2 > 200
    # A region of one gemeente has that gemeente's CBS density.
    ceeland = kerngetallen.for_region(world.region_c)
    assert ceeland.dichtheid == pytest.approx(2_000, rel=1e-9)


def test_real_cbs_figures_add_up_to_the_national_totals():
    """On the real CBS figures file (fixtures/gemeenten_kerncijfers.csv): the
    Netherlands column is CBS's own national total on 1 January 2024, and the
    household size is derived from it, not invented."""
    assert real_gemeenten_without_borders() == 342
    data = (FIXTURES / "gemeenten_kerncijfers.csv").read_bytes()
    assert KerncijfersImport(data, 2024).commit().committed
    nl = kerngetallen.for_netherlands()
    assert nl.inwoners == 17_942_942
    assert nl.aandeel_65plus == pytest.approx(20.5, abs=0.05)
    assert Decimal(str(round(nl.gem_huishoudensgrootte, 2))) == Decimal("2.14")
    utrecht = kerngetallen.summarise(Gemeente.objects.filter(code="GM0344"))
    assert utrecht.dichtheid == pytest.approx(
        Gemeente.objects.get(code="GM0344").bevolkingsdichtheid, rel=1e-9
    )


def test_organisations_are_grouped_by_type(client, world):
    response = client.get(f"/regio/{REGION_A}/")
    groups = dict(response.context["organisation_groups"])
    assert [str(label) for label in groups] == [
        str(label) for label in Organisation.Type.labels
    ]
    region = world.region_a
    assert region.organisations.count() == 4
    for org in region.organisations.all():
        assert org in groups[org.get_type_display()]
    html = response.content.decode()
    assert "Huisartsendienstenstructuur (HDS)" in html
    assert "LHV-kring" in html


def test_region_entered_figures_show_with_year_and_source(client, world):
    RegionFigure.objects.create(
        region=world.region_b,
        kind=RegionFigure.Kind.HUISARTSEN,
        value=412,
        year=2025,
        source="Eigen telling regio",
    )
    html = client.get(f"/regio/{REGION_B}/").content.decode()
    assert "Huisartsen" in html and "412" in html and "Eigen telling regio" in html


def test_activities_show_on_the_region_page(client, world):
    Activity.objects.create(
        region=world.region_c,
        title="Gezamenlijke scholing ouderenzorg",
        description="<b>x</b>",
    )
    html = client.get(f"/regio/{REGION_C}/").content.decode()
    assert "Gezamenlijke scholing ouderenzorg" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html  # free text is escaped


def test_public_plan_document_is_served_as_pdf(client, world):
    response = client.get(f"/regio/{REGION_A}/regioplan.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_non_public_plan_is_never_served(client, world):
    # Beekdal uploaded its plan but keeps it to itself.
    assert world.region_b.plan_document
    assert client.get(f"/regio/{REGION_B}/regioplan.pdf").status_code == 404
    region = world.region_a
    region.status = RegioplanStatus.NIET_OPENBAAR
    region.save()
    assert client.get(f"/regio/{REGION_A}/regioplan.pdf").status_code == 404
    html = client.get(f"/regio/{REGION_A}/").content.decode()
    assert "regioplan.pdf" not in html
    assert "Regioplan niet openbaar" in html


def test_plan_link_for_a_public_plan_without_upload(client, world):
    region = world.region_a
    region.plan_document = ""
    region.plan_url = "https://example.org/regioplan-aaland"
    region.save()
    html = client.get(f"/regio/{REGION_A}/").content.decode()
    assert 'href="https://example.org/regioplan-aaland"' in html
    assert "regioplan.pdf" not in html


def test_unknown_region_is_404(client, world):
    assert client.get("/regio/bestaat-niet/").status_code == 404


def test_region_page_lists_its_gemeenten_and_last_update(client, world):
    html = client.get(f"/regio/{REGION_C}/").content.decode()
    assert "1 gemeente" in html and "Ceestad" in html
    assert "Laatst bijgewerkt" in html
    html = client.get(f"/regio/{REGION_A}/").content.decode()
    assert "3 gemeenten" in html and "Súdwest-Wâlden" in html


def test_household_size_is_derived_not_invented(world):
    nl = kerngetallen.for_netherlands()
    # 60 000 inwoners in 28 000 households, not the mean of the gemeenten's sizes.
    assert nl.gem_huishoudensgrootte == pytest.approx(60_000 / 28_000)
