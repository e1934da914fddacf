"""Names on the map: where each region's name goes, and a few reference places.

A name is placed at the region's pole of inaccessibility (the point inside it
farthest from its border), largest regions first, and only where its box fits
inside the region and overlaps no name placed before it. The reference places
(a few large cities, at a point inside their gemeente from the CBS boundaries)
go first. Two sets for the SVG preview, in viewBox units: small text for a wide
map, larger for a phone (site.css shows one). Leaflet gets the anchor points in
degrees and does the same placement in screen pixels at every zoom
(static/js/kaart.js). Built once per layer version, kept in memory.
"""

import json
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import box, shape
from shapely.ops import polylabel

from geo.models import Gemeente

from . import preview
from .layer import ServedLayer
from .preview import WIDTH, web_mercator

# Reference places: (gemeente name in CBS, name shown). Coordinates come from
# the gemeente's boundary, never typed in.
PLACES = (
    ("Amsterdam", "Amsterdam"),
    ("Rotterdam", "Rotterdam"),
    ("'s-Gravenhage", "Den Haag"),
    ("Utrecht", "Utrecht"),
    ("Groningen", "Groningen"),
    ("Eindhoven", "Eindhoven"),
    ("Maastricht", "Maastricht"),
    ("Zwolle", "Zwolle"),
)
CHAR_WIDTH = 0.56  # average width of a character, in font sizes (system sans)
LINE_HEIGHT = 1.25
# Font sizes in viewBox units: a wide map is about 0.5 px per unit, a phone's
# about 0.36 (both near 11 px on screen).
SIZES = {"wide": 22, "narrow": 30}


@dataclass(frozen=True)
class Anchor:
    slug: str  # empty for a reference place
    name: str
    lon: float
    lat: float
    x: float  # viewBox units of the preview
    y: float
    kind: str  # "region" or "place"


@dataclass(frozen=True)
class SvgLabel:
    name: str
    x: float
    y: float
    kind: str


@dataclass(frozen=True)
class MapLabels:
    anchors: tuple[Anchor, ...]  # places first, then regions largest first
    svg: dict  # size name -> tuple[SvgLabel, ...]


def _inverse_mercator(x: float, y: float) -> tuple[float, float]:
    lon = np.degrees(x)
    lat = np.degrees(2 * np.arctan(np.exp(-y)) - np.pi / 2)
    return float(lon), float(lat)


def _largest(geometry):
    parts = getattr(geometry, "geoms", [geometry])
    return max(parts, key=lambda part: part.area)


def place_svg(anchors, shapes: dict, size: float, frame=None) -> tuple[SvgLabel, ...]:
    """Greedy placement: a box per name, inside its region (a place: inside
    the frame), overlapping none."""
    placed, taken = [], []
    height = size * LINE_HEIGHT
    for anchor in anchors:
        width = len(anchor.name) * size * CHAR_WIDTH
        if anchor.kind == "place":  # a dot with the name to its right
            x0, x1 = anchor.x - size * 0.3, anchor.x + size * 0.5 + width
        else:
            x0, x1 = anchor.x - width / 2, anchor.x + width / 2
        label_box = box(x0, anchor.y - height / 2, x1, anchor.y + height / 2)
        if anchor.kind == "region" and not shapes[anchor.slug].contains(label_box):
            continue
        if frame is not None and not frame.contains(label_box):
            continue
        if any(label_box.intersects(other) for other in taken):
            continue
        taken.append(label_box.buffer(size * 0.15))
        placed.append(
            SvgLabel(anchor.name, round(anchor.x), round(anchor.y), anchor.kind)
        )
    return tuple(placed)


def build_labels(layer_content: str, places: dict) -> MapLabels:
    """places: shown name -> (lon, lat)."""
    features = [f for f in json.loads(layer_content)["features"] if f.get("geometry")]
    if not features:
        return MapLabels((), {name: () for name in SIZES})
    geometries = shapely.transform(
        np.array([shape(f["geometry"]) for f in features]), web_mercator
    )
    min_x, min_y, max_x, max_y = shapely.total_bounds(geometries)
    scale = WIDTH / max(max_x - min_x, 1e-9)

    def to_view(x, y):
        return (x - min_x) * scale, (y - min_y) * scale

    anchors, shapes = [], {}
    margin = preview.MARGIN
    frame = box(-margin, -margin, WIDTH + margin, (max_y - min_y) * scale + margin)
    for name, (lon, lat) in places.items():
        x, y = web_mercator(np.array([[lon, lat]]))[0]
        vx, vy = to_view(x, y)
        if 0 <= vx <= WIDTH and 0 <= vy <= (max_y - min_y) * scale:
            anchors.append(Anchor("", name, lon, lat, vx, vy, "place"))
    regions = []
    for feature, geometry in zip(features, geometries, strict=True):
        view = shapely.transform(geometry, lambda c: (c - [min_x, min_y]) * scale)
        slug = feature["properties"]["slug"]
        shapes[slug] = view.buffer(0)
        point = polylabel(_largest(shapes[slug]), tolerance=1.0)
        lon, lat = _inverse_mercator(point.x / scale + min_x, point.y / scale + min_y)
        anchor = Anchor(
            slug, feature["properties"]["name"], lon, lat, point.x, point.y, "region"
        )
        regions.append((view.area, anchor))
    regions.sort(key=lambda pair: -pair[0])
    anchors += [anchor for _area, anchor in regions]
    return MapLabels(
        tuple(anchors),
        {name: place_svg(anchors, shapes, size, frame) for name, size in SIZES.items()},
    )


def reference_places() -> dict:
    """Shown name -> (lon, lat): a point inside each reference gemeente."""
    by_name = dict(PLACES)
    found = {}
    for gemeente in Gemeente.objects.filter(name__in=by_name).only("name", "geometry"):
        if gemeente.geometry:
            point = shape(gemeente.geometry).representative_point()
            found[by_name[gemeente.name]] = (point.x, point.y)
    return {name: found[name] for _cbs, name in PLACES if name in found}


_labels: dict[str, MapLabels] = {}


def labels_of(layer: ServedLayer) -> MapLabels:
    labels = _labels.get(layer.etag)
    if labels is None:
        labels = build_labels(layer.content.decode(), reference_places())
        _labels.clear()
        _labels[layer.etag] = labels
    return labels
