import pytest
import shapely

from geo import geometry
from regions import services
from regions.models import Region

from .helpers import region_of

pytestmark = pytest.mark.django_db


def shape(region):
    region.refresh_from_db()
    return geometry.to_shape(region.geometry)


def test_moving_a_gemeente_moves_its_area_between_regions(world):
    ceeland, beekdal = world.region_c, world.region_b
    berg_en_beek = world.gemeente("Berg en Beek")
    inside = geometry.to_shape(berg_en_beek.geometry).point_on_surface()
    before = shape(ceeland).area
    assert shape(beekdal).covers(inside)
    services.set_region_gemeenten(ceeland, [world.gemeente("Ceestad"), berg_en_beek])
    assert shape(ceeland).area > before
    assert shape(ceeland).covers(inside)
    assert not shape(beekdal).covers(inside)
    assert region_of(berg_en_beek) == ceeland


def test_saving_a_gemeente_with_another_region_rebuilds_both(world):
    bergdorp = world.gemeente("Bergdorp")
    target, source = world.region_c, world.region_a
    target_before, source_before = shape(target).area, shape(source).area
    services.move_gemeenten({bergdorp: target})
    assert shape(target).area > target_before
    assert shape(source).area < source_before


def test_shared_borders_stay_identical_after_simplification(world):
    display = [
        geometry.to_shape(g)
        for g in Region.objects.values_list("display_geometry", flat=True)
    ]
    assert len(display) == 3
    assert shapely.coverage_is_valid(display)


def test_region_without_gemeenten_has_no_geometry_and_is_left_off_the_map(
    client, world
):
    empty = Region.objects.create(name="Nog leeg", slug="nog-leeg")
    services.data_changed()  # what every path that adds a region calls
    empty.refresh_from_db()
    assert empty.geometry is None
    slugs = [f["id"] for f in client.get("/data/regios.geojson").json()["features"]]
    assert "nog-leeg" not in slugs
    assert world.region_a.slug in slugs
    assert "Nog leeg" in client.get("/").content.decode()  # still in the list
