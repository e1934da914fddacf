"""Geometry work with shapely, done when data changes, never per request.

Boundaries are stored as GeoJSON (WGS84, RFC 7946) in ordinary JSON fields.
"""

import json
from functools import cache

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import MultiPolygon, Polygon, mapping
from shapely.geometry.base import BaseGeometry

# Tolerance of the map's simplified borders, in degrees (about 70-110 m here):
# invisible at the national zoom, and less layer than 0.0005 (bench/layer_size.py).
DISPLAY_TOLERANCE = 0.001
# Coordinates on the map are rounded to 4 decimals (about 10 m); 3 would fold
# thin parts onto themselves (invalid polygons).
DISPLAY_DECIMALS = 4
STORED_DECIMALS = 6


def to_shape(geojson: dict) -> BaseGeometry:
    return shapely.from_geojson(json.dumps(geojson))


def to_geojson(geom: BaseGeometry, decimals: int = STORED_DECIMALS) -> dict:
    rounded = shapely.transform(geom, lambda coords: np.round(coords, decimals))
    return json.loads(json.dumps(mapping(rounded)))


def as_multipolygon(geom: BaseGeometry) -> MultiPolygon:
    """Keep only the polygonal parts of geom, as one MultiPolygon."""
    if isinstance(geom, MultiPolygon):
        return geom
    if isinstance(geom, Polygon):
        return MultiPolygon([geom])
    polygons = []
    for part in getattr(geom, "geoms", []):
        if isinstance(part, Polygon):
            polygons.append(part)
        elif isinstance(part, MultiPolygon):
            polygons.extend(part.geoms)
    return MultiPolygon(polygons)


def union(geoms: list[BaseGeometry]) -> MultiPolygon:
    return as_multipolygon(shapely.union_all(geoms))


def simplify_coverage(
    geoms: list[BaseGeometry], tolerance: float = DISPLAY_TOLERANCE
) -> list[MultiPolygon]:
    """Simplify polygons that tile the plane together, so shared borders stay
    identical: no gaps, no overlaps, no slivers between neighbours."""
    if not geoms:
        return []
    simplified = shapely.coverage_simplify(np.asarray(geoms, dtype=object), tolerance)
    return [as_multipolygon(geom) for geom in simplified]


@cache
def _to_rd_new() -> Transformer:
    return Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)


def area_km2(geom: BaseGeometry) -> float:
    """Area of a WGS84 geometry in km², measured in RD New (EPSG:28992)."""
    transformer = _to_rd_new()

    def project(coords):
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geom, project).area / 1_000_000
