import pytest
import shapely

from geo import geometry
from geo.models import Gemeente
from regions import services
from regions.models import Region

from .helpers import region_of

pytestmark = pytest.mark.django_db


def shape(region):
    region.refresh_from_db()
    return geometry.to_shape(region.geometry)


def test_moving_a_gemeente_moves_its_area_between_regions(demo):
    almere = Region.objects.get(slug="almere")
    flevo = Region.objects.get(slug="flevoland-zwolle-vechtdal")
    lelystad = Gemeente.objects.get(name="Lelystad")
    before = shape(almere).area
    services.set_region_gemeenten(
        almere, [Gemeente.objects.get(name="Almere"), lelystad]
    )
    assert shape(almere).area > before
    assert shape(almere).covers(geometry.to_shape(lelystad.geometry).point_on_surface())
    assert not shape(flevo).covers(
        geometry.to_shape(lelystad.geometry).point_on_surface()
    )
    assert region_of(lelystad) == almere


def test_saving_a_gemeente_with_another_region_rebuilds_both(demo):
    gemeente = Gemeente.objects.get(name="Urk")
    target = Region.objects.get(slug="friesland")
    before = shape(target).area
    services.move_gemeenten({gemeente: target})
    assert shape(target).area > before


def test_shared_borders_stay_identical_after_simplification(demo):
    display = [
        geometry.to_shape(g)
        for g in Region.objects.values_list("display_geometry", flat=True)
    ]
    assert shapely.coverage_is_valid(display)


def test_region_without_gemeenten_has_no_geometry_and_is_left_off_the_map(client, demo):
    empty = Region.objects.create(name="Nog leeg", slug="nog-leeg")
    empty.refresh_from_db()
    assert empty.geometry is None
    slugs = [f["id"] for f in client.get("/data/regios.geojson").json()["features"]]
    assert "nog-leeg" not in slugs
    assert "Nog leeg" in client.get("/").content.decode()  # still in the list
