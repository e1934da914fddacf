"""Changes that touch several rows: region composition and region geometry."""

from collections import defaultdict

from django.db import transaction

from . import geometry, layer
from .models import Gemeente, Region


@transaction.atomic
def rebuild_region_geometries() -> None:
    """Recompute every region's border from its gemeenten, then the map layer.

    The display borders are simplified over the whole coverage at once, so a
    change in one region keeps the borders of its neighbours identical.
    """
    shapes_by_region = defaultdict(list)
    for region_id, geojson in Gemeente.objects.filter(region__isnull=False).values_list(
        "region_id", "geometry"
    ):
        shapes_by_region[region_id].append(geometry.to_shape(geojson))

    regions = list(Region.objects.all())
    composed = [r for r in regions if shapes_by_region.get(r.pk)]
    unions = [geometry.union(shapes_by_region[r.pk]) for r in composed]
    simplified = geometry.simplify_coverage(unions)
    display = {
        r.pk: geometry.to_geojson(s, geometry.DISPLAY_DECIMALS)
        for r, s in zip(composed, simplified, strict=True)
    }
    full = {r.pk: geometry.to_geojson(u) for r, u in zip(composed, unions, strict=True)}
    for region in regions:
        region.geometry = full.get(region.pk)
        region.display_geometry = display.get(region.pk)
    Region.objects.bulk_update(regions, ["geometry", "display_geometry"])
    layer.refresh_regions_layer()


@transaction.atomic
def set_region_gemeenten(region: Region, gemeenten) -> None:
    """Make exactly these gemeenten the region's, taking them from any other."""
    codes = {g.code for g in gemeenten}
    Gemeente.objects.filter(region=region).exclude(code__in=codes).update(region=None)
    Gemeente.objects.filter(code__in=codes).update(region=region)
    rebuild_region_geometries()
