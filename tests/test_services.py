"""Derived data follows every write: no signals, explicit service calls.

After each path that writes (admin, spreadsheet import, composition change),
the map layer served on the next request is the one a fresh build gives, and
a move of a gemeente is recorded and revertible.
"""

from unittest import mock

import pytest
import tablib
from django.urls import reverse

from geo import geometry
from geo.models import Gemeente
from organisations.models import Insurer, Organisation
from regions import services
from regions.maplayer import layer
from regions.models import GemeenteMove, Region
from regions.resources import CompositionResource, RegionResource

pytestmark = pytest.mark.django_db

URL = "/data/regios.geojson"


def square(x: float, y: float, size: float = 0.1) -> dict:
    x, y, x2, y2 = (round(v, 6) for v in (x, y, x + size, y + size))
    return {
        "type": "MultiPolygon",
        "coordinates": [[[[x, y], [x2, y], [x2, y2], [x, y2], [x, y]]]],
    }


@pytest.fixture
def country(db):
    """Three square gemeenten side by side; Oost and Midden in region Oost."""
    gemeenten = [
        Gemeente.objects.create(
            code=f"GM900{i}",
            name=name,
            province="Gelderland",
            province_code="PV25",
            geometry=square(5.0 + i * 0.1, 52.0),
            area_km2=70,
            inwoners=1000 * (i + 1),
        )
        for i, name in enumerate(["West", "Midden", "Oost"])
    ]
    insurer = Insurer.objects.create(name="Zorgverzekeraar Een", slug="een")
    organisation = Organisation.objects.create(
        name="Huisartsen West", slug="huisartsen-west", type="huisartsenorganisatie"
    )
    west = Region.objects.create(
        name="West",
        slug="west",
        preferred_insurer=insurer,
        regional_organisation=organisation,
    )
    oost = Region.objects.create(name="Oost", slug="oost", preferred_insurer=insurer)
    services.move_gemeenten(
        {gemeenten[0]: west, gemeenten[1]: oost, gemeenten[2]: oost}
    )
    GemeenteMove.objects.all().delete()  # each test starts with an empty log
    return {
        "gemeenten": gemeenten,
        "west": west,
        "oost": oost,
        "insurer": insurer,
        "organisation": organisation,
    }


def served(client) -> dict:
    """The layer as the next visitor gets it, checked against a fresh build."""
    response = client.get(URL)
    assert response.content.decode() == layer.build_regions_layer()
    return {f["id"]: f["properties"] for f in response.json()["features"]}


def test_deleting_an_insurer_in_the_admin_clears_it_from_the_map(
    curator_client, country
):
    assert served(curator_client)["west"]["insurer"] == "Zorgverzekeraar Een"
    insurer = country["insurer"]
    url = reverse("admin:organisations_insurer_delete", args=[insurer.pk])
    assert curator_client.post(url, {"post": "yes"}).status_code == 302
    assert served(curator_client)["west"]["insurer"] == ""


def test_renaming_an_insurer_in_the_admin_renames_it_on_the_map(
    curator_client, country
):
    insurer = country["insurer"]
    url = reverse("admin:organisations_insurer_change", args=[insurer.pk])
    response = curator_client.post(url, {"name": "Nieuwe naam", "slug": "een"})
    assert response.status_code == 302
    assert served(curator_client)["oost"]["insurer"] == "Nieuwe naam"


def test_deleting_insurers_from_the_changelist_clears_them_from_the_map(
    curator_client, country
):
    url = reverse("admin:organisations_insurer_changelist")
    response = curator_client.post(
        url,
        {
            "action": "delete_selected",
            "_selected_action": [country["insurer"].pk],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    layer_now = served(curator_client)
    assert layer_now["west"]["insurer"] == layer_now["oost"]["insurer"] == ""


def test_deleting_an_organisation_keeps_the_map_and_open_data_right(
    curator_client, country
):
    organisation = country["organisation"]
    url = reverse("admin:organisations_organisation_delete", args=[organisation.pk])
    assert curator_client.post(url, {"post": "yes"}).status_code == 302
    served(curator_client)
    csv = curator_client.get("/data/regios.csv").content.decode()
    assert "Huisartsen West" not in csv


def borders(client) -> dict:
    served(client)
    return {f["id"]: f["geometry"] for f in client.get(URL).json()["features"]}


def test_moving_a_gemeente_redraws_both_regions_and_the_map(client, country):
    west = country["west"]
    before = borders(client)
    services.move_gemeenten({country["gemeenten"][1]: west})
    after = borders(client)
    assert after["west"] != before["west"] and after["oost"] != before["oost"]
    west.refresh_from_db()
    # West and Midden merge into one rectangle twice as wide.
    assert len(west.geometry["coordinates"]) == 1
    assert geometry.to_shape(west.geometry).bounds == (5.0, 52.0, 5.2, 52.1)


def test_a_move_is_recorded_with_who_from_and_to(country, django_user_model):
    curator = django_user_model.objects.create_superuser("c", "c@example.org", "x")
    midden = country["gemeenten"][1]
    services.move_gemeenten({midden: country["west"]}, user=curator)
    move = GemeenteMove.objects.get()
    assert (move.gemeente, move.from_region, move.to_region, move.user) == (
        midden,
        country["oost"],
        country["west"],
        curator,
    )
    assert services.move_gemeenten({midden: country["west"]}) == []  # no-op


def test_a_move_shows_in_both_regions_history_and_a_curator_reverts_it(
    curator_client, curator, country
):
    west, oost = country["west"], country["oost"]
    midden = country["gemeenten"][1]
    services.move_gemeenten({midden: west}, user=curator)
    move = GemeenteMove.objects.get()
    for region in (west, oost):
        url = reverse("admin:regions_region_history", args=[region.pk])
        html = curator_client.get(url).content.decode()
        assert "Midden" in html and "Verplaatsingen van gemeenten" in html
    response = curator_client.post(
        reverse("admin:regions_gemeentemove_revert", args=[move.pk])
    )
    assert response.status_code == 302
    assert Region.objects.get(gemeenten=midden) == oost
    back = GemeenteMove.objects.first()
    assert (back.from_region, back.to_region, back.user) == (west, oost, curator)
    oost.refresh_from_db()
    assert len(oost.geometry["coordinates"]) == 1


@pytest.mark.parametrize("person", ["visitor", "editor"])
def test_only_a_curator_reverts_a_move(client, country, django_user_model, person):
    services.move_gemeenten({country["gemeenten"][1]: country["west"]})
    move = GemeenteMove.objects.get()
    if person == "editor":
        client.force_login(django_user_model.objects.create_user("e", "e@x.org", "x"))
    response = client.post(reverse("admin:regions_gemeentemove_revert", args=[move.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("/beheer/login/")
    assert GemeenteMove.objects.count() == 1


def test_composition_picker_names_each_gemeentes_current_region(
    curator_client, country
):
    url = reverse("admin:regions_region_change", args=[country["west"].pk])
    html = curator_client.get(url).content.decode()
    assert "Oost (Oost)" in html and "West (West)" in html


def test_composition_import_moves_and_records_once(client, country, curator):
    resource = CompositionResource()
    data = tablib.Dataset(headers=["gemeentecode", "regio"])
    data.append(["GM9002", "west"])
    with mock.patch.object(
        layer, "refresh_regions_layer", wraps=layer.refresh_regions_layer
    ) as refresh:
        result = resource.import_data(data, dry_run=False, user=curator)
    assert not result.has_errors() and not result.has_validation_errors()
    assert refresh.call_count == 1
    assert Region.objects.get(gemeenten__code="GM9002") == country["west"]
    assert GemeenteMove.objects.filter(user=curator).count() == 1
    served(client)


def test_a_bulk_import_of_37_regions_rebuilds_the_layer_once(client, country):
    data = tablib.Dataset(headers=["sleutel", "naam", "status"])
    before = Region.objects.count()
    for n in range(37):
        data.append([f"regio-{n}", f"Regio {n}", "in_ontwikkeling"])
    with mock.patch.object(
        layer, "refresh_regions_layer", wraps=layer.refresh_regions_layer
    ) as refresh:
        result = RegionResource().import_data(data, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert Region.objects.count() == before + 37
    assert refresh.call_count == 1
    served(client)


def test_a_region_import_changes_the_map_in_the_next_request(client, country):
    data = tablib.Dataset(headers=["sleutel", "naam", "status"])
    data.append(["oost", "Oost", "geen"])
    RegionResource().import_data(data, dry_run=False)
    assert served(client)["oost"]["status"] == "geen"


def test_a_dry_run_changes_nothing_and_does_not_rebuild(client, country):
    data = tablib.Dataset(headers=["sleutel", "naam", "status"])
    data.append(["oost", "Oost", "geen"])
    with mock.patch.object(layer, "refresh_regions_layer") as refresh:
        RegionResource().import_data(data, dry_run=True)
    assert refresh.call_count == 0
    assert served(client)["oost"]["status"] == "onbekend"
