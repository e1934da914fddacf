"""The map as plain SVG in the page, painted before any script has run.

On a slow phone Leaflet and the layer take a second or more to arrive and draw;
the page itself carries this picture of the same regions, in the projection and
framing Leaflet will use (Web Mercator, fitted to the regions' bounds), so the
map is there at first paint and the interactive map replaces it seamlessly.
Without JavaScript it stays as the map; the region list beside it carries the
same information for screen readers, so the picture is aria-hidden.

The outlines are the stored layer's, projected and simplified once more for
the size of a screen (shared borders stay shared: coverage_simplify), in whole
units of a viewBox 1000 wide. Built once per layer version, kept in memory.
"""

import json
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import shape

from ..models import RegioplanStatus
from .layer import ServedLayer

WIDTH = 1000  # viewBox units across the regions' bounds
TOLERANCE = 0.8  # in viewBox units: under a pixel on a phone and a desktop
MARGIN = 30  # viewBox units around the regions; Leaflet pads its fit the same


@dataclass(frozen=True)
class Outline:
    slug: str
    d: str  # SVG path data


@dataclass(frozen=True)
class Preview:
    view_box: str
    outlines: tuple[Outline, ...]


def web_mercator(coords: np.ndarray) -> np.ndarray:
    """lon/lat degrees -> Web Mercator (radians), y pointing down like SVG."""
    lon, lat = np.radians(coords[:, 0]), np.radians(coords[:, 1])
    return np.column_stack([lon, -np.log(np.tan(np.pi / 4 + lat / 2))])


def ring_path(ring) -> str:
    """One closed ring as 'M x y l dx dy … z' in whole units."""
    points = np.rint(np.asarray(ring.coords)[:-1]).astype(int)
    if len(points) == 0:
        return ""
    moved = np.ones(len(points), dtype=bool)
    moved[1:] = np.any(points[1:] != points[:-1], axis=1)
    points = points[moved]
    if len(points) < 3:
        return ""
    steps = "".join(
        f" {n}" if n >= 0 else str(n) for n in np.diff(points, axis=0).ravel()
    )
    return f"M{points[0][0]} {points[0][1]}l{steps.lstrip()}z"


def geometry_path(geometry) -> str:
    polygons = getattr(geometry, "geoms", [geometry])
    return "".join(
        ring_path(polygon.exterior) + "".join(ring_path(r) for r in polygon.interiors)
        for polygon in polygons
        if not polygon.is_empty
    )


def build_preview(layer_content: str) -> Preview:
    features = [
        feature
        for feature in json.loads(layer_content)["features"]
        if feature.get("geometry")
    ]
    if not features:
        return Preview(f"0 0 {WIDTH} {WIDTH}", ())
    geometries = shapely.transform(
        np.array([shape(feature["geometry"]) for feature in features]), web_mercator
    )
    min_x, min_y, max_x, max_y = shapely.total_bounds(geometries)
    scale = WIDTH / max(max_x - min_x, 1e-9)
    geometries = shapely.transform(
        geometries, lambda coords: (coords - [min_x, min_y]) * scale
    )
    geometries = shapely.coverage_simplify(geometries, TOLERANCE)
    height = round((max_y - min_y) * scale)
    return Preview(
        f"{-MARGIN} {-MARGIN} {WIDTH + 2 * MARGIN} {height + 2 * MARGIN}",
        tuple(
            Outline(feature["properties"]["slug"], geometry_path(geometry))
            for feature, geometry in zip(features, geometries, strict=True)
        ),
    )


_previews: dict[str, Preview] = {}
PREVIEWS_KEPT = 2  # the regions' layer and the gemeenten's (figure map)


def preview_of(layer: ServedLayer) -> Preview:
    """The preview of a served layer, built once per layer version."""
    preview = _previews.get(layer.etag)
    if preview is None:
        preview = build_preview(layer.content.decode())
        while len(_previews) >= PREVIEWS_KEPT:
            del _previews[next(iter(_previews))]
        _previews[layer.etag] = preview
    return preview


@dataclass(frozen=True)
class Shape:
    d: str
    classes: str  # status-<status>, and region-dimmed when filtered out


@dataclass(frozen=True)
class PaintedPreview:
    view_box: str
    shapes: tuple[Shape, ...]


def painted(
    layer: ServedLayer, statuses: dict[str, str], matching: set[str] | None = None
) -> PaintedPreview:
    """The layer's preview with each region's status (slug -> status, as
    shown on the page: today's or a past date's); regions not in matching
    (when a map filter is active) are dimmed, as on the interactive map."""
    preview = preview_of(layer)
    shapes = []
    for outline in preview.outlines:
        classes = f"status-{statuses.get(outline.slug, RegioplanStatus.ONBEKEND)}"
        if matching is not None and outline.slug not in matching:
            classes += " region-dimmed"
        shapes.append(Shape(outline.d, classes))
    return PaintedPreview(preview.view_box, tuple(shapes))
