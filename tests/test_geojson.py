import json

import pytest
import shapely

from geo import geometry
from geo.models import Gemeente
from regions import services
from regions.models import Region, RegioplanStatus

from .conftest import REGION_A, REGION_B

pytestmark = pytest.mark.django_db

URL = "/data/regios.geojson"


def load(response):
    return json.loads(
        b"".join(getattr(response, "streaming_content", [response.content]))
    )


def test_layer_is_geojson_with_the_agreed_properties(client, world):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert "must-revalidate" in response["Cache-Control"]
    data = load(response)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == Region.objects.count() == 3
    feature = next(f for f in data["features"] if f["properties"]["slug"] == REGION_A)
    assert feature["properties"] == {
        "slug": REGION_A,
        "name": "Aaland",
        "status": "openbaar",
        "status_label": "Regioplan openbaar",
        "colour": RegioplanStatus.OPENBAAR.colour,
        "insurer": "Verzekeraar Noord",
        "url": f"/regio/{REGION_A}/",
    }


def test_layer_geometry_is_valid_and_covers_every_gemeente_without_overlap(
    client, world
):
    """The same checks on the real 342 gemeenten: tests/test_load_demo.py."""
    data = load(client.get(URL))
    shapes = [shapely.from_geojson(json.dumps(f["geometry"])) for f in data["features"]]
    assert all(shape.is_valid and not shape.is_empty for shape in shapes)
    assert shapely.coverage_is_valid(shapes), "regions overlap or leave slivers"
    assert Gemeente.objects.count() == 8
    assert not Gemeente.objects.filter(region_link__isnull=True).exists()
    gemeenten = shapely.union_all(
        [
            geometry.to_shape(g)
            for g in Gemeente.objects.values_list("geometry", flat=True)
        ]
    )
    regions = shapely.union_all(shapes)
    # Simplified borders: the same land within 0.5 % of its area.
    assert regions.symmetric_difference(gemeenten).area / gemeenten.area < 0.005
    # Every gemeente's centre lies in exactly one region.
    for geojson in Gemeente.objects.values_list("geometry", flat=True):
        point = geometry.to_shape(geojson).point_on_surface()
        assert sum(shape.covers(point) for shape in shapes) == 1
    overlaps = sum(
        a.intersection(b).area
        for i, a in enumerate(shapes)
        for b in shapes[i + 1 :]
        if a.intersects(b)
    )
    assert overlaps < 1e-10


def test_etag_and_conditional_get(client, world):
    first = client.get(URL)
    etag = first["ETag"]
    assert etag
    again = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_status_edit_changes_the_layer_and_its_etag(client, world):
    etag = client.get(URL)["ETag"]
    region = Region.objects.get(slug=REGION_B)
    region.status = RegioplanStatus.GEEN
    region.save()
    services.data_changed()  # what every path that writes region fields calls
    response = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    feature = next(f for f in load(response)["features"] if f["id"] == REGION_B)
    assert feature["properties"]["status"] == "geen"
    assert feature["properties"]["colour"] == "#ffffff"


def test_gzip_clients_get_the_precompressed_layer_with_its_own_etag(client, world):
    import gzip

    plain = client.get(URL)
    zipped = client.get(URL, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert gzip.decompress(zipped.content) == plain.content
    assert len(zipped.content) < len(plain.content) / 2
    assert zipped["ETag"] != plain["ETag"]
    again = client.get(
        URL, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=zipped["ETag"]
    )
    assert again.status_code == 304
