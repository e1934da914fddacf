from decimal import Decimal

import pytest

from organisations.models import Organisation
from regions.models import Activity, Region, RegionFigure, RegioplanStatus

from .helpers import cbs_rows, demo_region

pytestmark = pytest.mark.django_db


def test_region_page_shows_organisation_insurer_and_plan(client, demo):
    html = client.get("/regio/nijmegen-e-o/").content.decode()
    assert "<h1>Nijmegen e.o." in html
    assert "OCE" in html
    assert "VGZ" in html
    assert "Regioplan openbaar" in html
    assert 'href="/regio/nijmegen-e-o/regioplan.pdf"' in html
    assert "2024–2027" in html


def test_kerngetallen_sum_correctly_from_cbs_figures(client, demo):
    response = client.get("/regio/arnhem/")
    rows = {row["key"]: row for row in response.context["kerngetallen"]}
    cbs = cbs_rows()
    codes = demo_region("arnhem")["gemeenten"]
    inwoners = sum(int(cbs[c]["inwoners"]) for c in codes)
    huishoudens = sum(int(cbs[c]["huishoudens"]) for c in codes)
    share_65 = (
        sum(int(cbs[c]["inwoners"]) * int(cbs[c]["aandeel_65plus"]) for c in codes)
        / inwoners
    )
    assert rows["inwoners"]["region"] == inwoners
    assert rows["huishoudens"]["region"] == huishoudens
    assert rows["aandeel_65plus"]["region"] == pytest.approx(share_65)
    assert rows["gemeenten"]["region"] == len(codes)
    # The Netherlands column is CBS's own national total on 1 January 2024.
    assert rows["inwoners"]["nl"] == 17_942_942
    assert rows["aandeel_65plus"]["nl"] == pytest.approx(20.5, abs=0.05)
    html = response.content.decode()
    assert f"{inwoners:,}".replace(",", ".") in html
    assert "17.942.942" in html


def test_region_density_uses_cbs_land_area(demo):
    from regions import kerngetallen

    region = Region.objects.get(slug="stad-utrecht")
    cbs = cbs_rows()["GM0344"]
    figures = kerngetallen.for_region(region)
    assert figures.dichtheid == pytest.approx(int(cbs["bevolkingsdichtheid"]), rel=1e-9)


def test_organisations_are_grouped_by_type(client, demo):
    response = client.get("/regio/arnhem/")
    groups = dict(response.context["organisation_groups"])
    assert [str(label) for label in groups] == [
        str(label) for label in Organisation.Type.labels
    ]
    region = Region.objects.get(slug="arnhem")
    for org in region.organisations.all():
        assert org in groups[org.get_type_display()]
    html = response.content.decode()
    assert "Huisartsendienstenstructuur (HDS)" in html
    assert "LHV-kring" in html


def test_region_entered_figures_show_with_year_and_source(client, demo):
    region = Region.objects.get(slug="twente")
    RegionFigure.objects.create(
        region=region,
        kind=RegionFigure.Kind.HUISARTSEN,
        value=412,
        year=2025,
        source="Eigen telling regio",
    )
    html = client.get("/regio/twente/").content.decode()
    assert "Huisartsen" in html and "412" in html and "Eigen telling regio" in html


def test_activities_show_on_the_region_page(client, demo):
    region = Region.objects.get(slug="zeeland")
    Activity.objects.create(
        region=region, title="Gezamenlijke scholing ouderenzorg", description="<b>x</b>"
    )
    html = client.get("/regio/zeeland/").content.decode()
    assert "Gezamenlijke scholing ouderenzorg" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html  # free text is escaped


def test_public_plan_document_is_served_as_pdf(client, demo):
    response = client.get("/regio/arnhem/regioplan.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_non_public_plan_is_never_served(client, demo):
    region = Region.objects.get(slug="arnhem")
    region.status = RegioplanStatus.NIET_OPENBAAR
    region.save()
    assert client.get("/regio/arnhem/regioplan.pdf").status_code == 404
    html = client.get("/regio/arnhem/").content.decode()
    assert "regioplan.pdf" not in html
    assert "Regioplan niet openbaar" in html


def test_plan_link_for_a_public_plan_without_upload(client, demo):
    region = Region.objects.get(slug="groningen")
    region.plan_document = ""
    region.plan_url = "https://example.org/regioplan-groningen"
    region.save()
    html = client.get("/regio/groningen/").content.decode()
    assert 'href="https://example.org/regioplan-groningen"' in html


def test_unknown_region_is_404(client, demo):
    assert client.get("/regio/bestaat-niet/").status_code == 404


def test_region_page_lists_its_gemeenten_and_last_update(client, demo):
    html = client.get("/regio/almere/").content.decode()
    assert "1 gemeente" in html and "Almere" in html
    assert "Laatst bijgewerkt" in html


def test_household_size_is_derived_not_invented(demo):
    from regions import kerngetallen

    nl = kerngetallen.for_netherlands()
    assert Decimal(str(round(nl.gem_huishoudensgrootte, 2))) == Decimal("2.14")
