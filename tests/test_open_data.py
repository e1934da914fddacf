"""Open data for everyone, editors' exports of their own region, the embeddable map."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from regions.models import Activity, Region

from .conftest import REGION_A, REGION_B, REGION_C

pytestmark = pytest.mark.django_db


def rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_regions_csv_lists_every_region_with_status(client, world):
    response = client.get("/data/regios.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="regiokaart-regios.csv"' in response["Content-Disposition"]
    table = rows(response)
    assert len(table) == Region.objects.count() == 3
    aaland = next(r for r in table if r["sleutel"] == REGION_A)
    assert aaland["status_omschrijving"] == "Regioplan openbaar"
    assert aaland["preferente_zorgverzekeraar"] == "Verzekeraar Noord"
    assert aaland["regioplan"] == "http://testserver/regio/aaland/regioplan.pdf"
    assert aaland["gemeenten"] == "GM9001;GM9002;GM9003"
    assert aaland["demo"] == "nee"
    ceeland = next(r for r in table if r["sleutel"] == REGION_C)
    assert ceeland["demo"] == "ja"


def test_regions_csv_never_shows_a_non_public_plan(client, world):
    # Beekdal's plan is uploaded but not public; now it has a link as well.
    Region.objects.filter(slug=REGION_B).update(
        plan_url="https://intern.example.org/plan"
    )
    beekdal = next(
        r for r in rows(client.get("/data/regios.csv")) if r["sleutel"] == REGION_B
    )
    assert beekdal["regioplan"] == ""
    assert "intern.example.org" not in client.get("/data/regios.xlsx").content.decode(
        "latin-1"
    )


def test_regions_xlsx_opens_in_a_spreadsheet(client, world):
    response = client.get("/data/regios.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "sleutel"
    assert sheet.max_row == Region.objects.count() + 1


def test_organisations_csv(client, world):
    table = rows(client.get("/data/organisaties.csv"))
    assert len(table) == 7
    organisation = next(r for r in table if r["sleutel"] == "huisartsen-aaland")
    assert organisation["soort"] == "huisartsenorganisatie"
    assert organisation["regios"] == "aaland"
    kring = next(r for r in table if r["sleutel"] == "lhv-kring-aa-en-beek")
    assert kring["regios"] == "aaland;beekdal"


def test_unknown_format_is_404(client, world):
    assert client.get("/data/regios.pdf").status_code == 404


def test_open_data_page_states_licence_and_attribution(client, world):
    html = client.get("/open-data/").content.decode()
    assert "CC BY 4.0" in html
    assert "Bron: CBS, Kadaster/PDOK" in html
    for url in (
        "/data/regios.csv",
        "/data/regios.xlsx",
        "/data/organisaties.csv",
        "/data/regios.geojson",
    ):
        assert f'href="{url}"' in html
    assert '&lt;iframe src="http://testserver/embed/"' in html


def test_only_the_embed_page_may_be_framed(client, world):
    embed = client.get("/embed/")
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    policy = embed["Content-Security-Policy"]
    assert "frame-ancestors *" in policy and "script-src 'self'" in policy
    assert 'data-link-target="_blank"' in embed.content.decode()
    for url in ("/", "/regios/", f"/regio/{REGION_A}/", "/open-data/"):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "kind", ["regio", "organisaties", "activiteiten", "kerngetallen"]
)
def test_editors_export_their_own_region_only(client, editor_a, kind):
    client.force_login(editor_a)
    own = client.get(reverse("editing:export", args=[REGION_A, kind, "csv"]))
    assert own.status_code == 200
    other = client.get(reverse("editing:export", args=[REGION_B, kind, "xlsx"]))
    assert other.status_code == 404


def test_editor_activity_export_holds_only_their_activities(client, editor_a):
    Activity.objects.create(
        region=Region.objects.get(slug=REGION_B), title="Van Beekdal"
    )
    client.force_login(editor_a)
    table = rows(
        client.get(reverse("editing:export", args=[REGION_A, "activiteiten", "csv"]))
    )
    assert table and {r["regio"] for r in table} == {REGION_A}


def test_visitors_cannot_use_editor_exports(client, world):
    response = client.get(reverse("editing:export", args=[REGION_A, "regio", "csv"]))
    assert response.status_code == 302
