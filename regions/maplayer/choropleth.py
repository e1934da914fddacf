"""The map coloured by one CBS figure (a choropleth), per region or per gemeente.

/?kleur=aandeel_65plus&niveau=gemeente&indeling=natuurlijke_grenzen colours
the map by a key figure instead of the regioplan status (the default, which
stays as it is). Values are classed by mapclassify into at most five classes:
quantiles (kwantielen, the default: each class about as many areas) or natural
breaks (Fisher-Jenks: the classes with the least spread within). Fewer
distinct values than classes give fewer classes, never an error.

A class is a CSS class (klasse-1 … klasse-5, static/css/status.css), never a
colour in the data: the server-drawn SVG map and Leaflet both paint by it. For
the gemeente level there is a gemeente layer (GeoJSON, simplified over the
whole coverage like the regions') and its SVG preview.

Everything here is computed once per data generation (core.generation) and
kept in memory; a page asks one generation query for it.
"""

import gzip
import json
import warnings
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core import generation
from geo import geometry
from geo.models import Gemeente

from .. import kerngetallen
from ..models import Region, RegionGemeente
from . import preview
from .layer import ServedLayer, etag_for

MAX_CLASSES = 5

STATUS = "status"  # ?kleur=status, or no kleur: the regioplan status map

REGIO, GEMEENTE = "regio", "gemeente"
LEVELS = ((REGIO, _("Per regio")), (GEMEENTE, _("Per gemeente")))

KWANTIELEN, NATUURLIJK = "kwantielen", "natuurlijke_grenzen"
SCHEMES = (
    (KWANTIELEN, _("Kwantielen (even veel gebieden per klasse)")),
    (NATUURLIJK, _("Natuurlijke grenzen (Fisher-Jenks)")),
)


@dataclass(frozen=True)
class Figure:
    key: str  # the URL value
    label: Promise
    unit: str  # printed after a number ("%", "km"), or ""
    decimals: int
    source: Promise  # the CBS table, with %(year)s


KWB = _("CBS – Kerncijfers wijken en buurten %(year)s (CC BY 4.0)")
NEARBY = _("CBS – Kerncijfers wijken en buurten %(year)s, nabijheid (CC BY 4.0)")

FIGURES = (
    Figure("aandeel_65plus", _("Aandeel 65 jaar en ouder"), "%", 1, KWB),
    Figure("aandeel_0_15", _("Aandeel 0 tot 15 jaar"), "%", 1, KWB),
    Figure("dichtheid", _("Inwoners per km² land"), "", 0, KWB),
    Figure("inwoners", _("Inwoners"), "", 0, KWB),
    Figure(
        "afstand_huisarts",
        _("Afstand tot de huisartsenpraktijk"),
        "km",
        1,
        NEARBY,
    ),
)
BY_KEY = {figure.key: figure for figure in FIGURES}


# -- Classification ------------------------------------------------------------


@dataclass(frozen=True)
class Classes:
    """Upper bounds of each class (ascending; the last is the maximum), the
    minimum, and the class (0-based) of each value in the input order."""

    lowest: float
    bounds: tuple[float, ...]
    of_value: tuple[int, ...]


def classify(values: list[float], scheme: str, k: int = MAX_CLASSES) -> Classes:
    """Class values with mapclassify: at most k classes, fewer when there are
    fewer distinct values (ties, few areas). A class holds the values above
    the previous bound up to and including its own bound."""
    import mapclassify  # a second to import: only when a figure map is built

    data = np.asarray(values, dtype=float)
    if len(data) == 0:
        return Classes(0.0, (), ())
    k = min(k, len(np.unique(data)))
    if k < 2:
        return Classes(float(data.min()), (float(data.max()),), (0,) * len(data))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Numba not installed": fine for 342
        if scheme == NATUURLIJK:
            result = mapclassify.FisherJenks(data, k=k)
        else:
            result = mapclassify.Quantiles(data, k=k)
    return Classes(
        float(data.min()),
        tuple(float(b) for b in result.bins),
        tuple(int(c) for c in result.yb),
    )


# -- The values --------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    """A region or a gemeente with its value; slug is the region's slug or the
    gemeente's CBS code (its id on the map)."""

    slug: str
    name: str
    value: float
    region_slug: str  # the region page to open ("" for a gemeente in none)


def _weighted(pairs: list[tuple[int, float]]) -> float | None:
    weight = sum(n for n, _v in pairs)
    return sum(n * v for n, v in pairs) / weight if weight else None


def region_values(key: str) -> tuple[list[Area], int | None]:
    """Each region with a value of figure key, by name, and the data year."""
    regions = list(Region.objects.without_borders().only("pk", "slug", "name"))
    rows: dict[int, list] = {region.pk: [] for region in regions}
    distances: dict[int, list] = {region.pk: [] for region in regions}
    for region_pk, *row, km in Gemeente.objects.filter(
        region_link__isnull=False
    ).values_list("region_link__region", *kerngetallen.FIELDS, "afstand_huisarts_km"):
        rows[region_pk].append(tuple(row))
        if km is not None and row[0]:
            distances[region_pk].append((row[0], float(km)))
    areas = []
    for region in sorted(regions, key=lambda r: r.name):
        if not rows[region.pk]:
            continue
        if key == "afstand_huisarts":
            value = _weighted(distances[region.pk])
        else:
            value = getattr(kerngetallen.summarise_rows(rows[region.pk]), key)
        if value is not None:
            areas.append(Area(region.slug, region.name, float(value), region.slug))
    return areas, _year(key)


GEMEENTE_FIELDS = {
    "aandeel_65plus": "aandeel_65plus",
    "aandeel_0_15": "aandeel_0_15",
    "dichtheid": "bevolkingsdichtheid",
    "inwoners": "inwoners",
    "afstand_huisarts": "afstand_huisarts_km",
}


def gemeente_values(key: str) -> tuple[list[Area], int | None]:
    """Each gemeente with a value of figure key, by name, and the data year."""
    field = GEMEENTE_FIELDS[key]
    region_of = dict(RegionGemeente.objects.values_list("gemeente_id", "region__slug"))
    areas = [
        Area(code, name, float(value), region_of.get(pk, ""))
        for pk, code, name, value in Gemeente.objects.filter(
            **{f"{field}__isnull": False}
        )
        .order_by("name", "code")
        .values_list("pk", "code", "name", field)
    ]
    return areas, _year(key)


def _year(key: str) -> int | None:
    field = "afstand_huisarts_year" if key == "afstand_huisarts" else "kerncijfers_year"
    return Gemeente.objects.aggregate(year=Max(field))["year"]


# -- The figure map ----------------------------------------------------------


@dataclass(frozen=True)
class Row:
    area: Area
    klass: int  # 1-based


@dataclass(frozen=True)
class LegendClass:
    number: int  # 1-based
    lower: float
    upper: float
    first: bool  # the first class includes its lower bound
    count: int


@dataclass(frozen=True)
class FigureMap:
    figure: Figure
    level: str
    scheme: str
    year: int | None
    rows: tuple[Row, ...]
    legend: tuple[LegendClass, ...]

    @property
    def classes(self) -> dict[str, str]:
        """Map id -> CSS class, for the SVG and for Leaflet."""
        return {row.area.slug: f"klasse-{row.klass}" for row in self.rows}

    @property
    def source(self) -> str:
        return str(self.figure.source) % {"year": self.year or "–"}


def build_figure_map(key: str, level: str, scheme: str) -> FigureMap:
    figure = BY_KEY[key]
    areas, year = (gemeente_values if level == GEMEENTE else region_values)(key)
    classes = classify([area.value for area in areas], scheme)
    rows = tuple(
        Row(area, klass + 1)
        for area, klass in zip(areas, classes.of_value, strict=True)
    )
    legend = []
    lower = classes.lowest
    for number, upper in enumerate(classes.bounds, start=1):
        count = sum(1 for row in rows if row.klass == number)
        legend.append(LegendClass(number, lower, upper, number == 1, count))
        lower = upper
    return FigureMap(figure, level, scheme, year, rows, tuple(legend))


_maps: dict[tuple, FigureMap] = {}


def figure_map(key: str, level: str, scheme: str) -> FigureMap:
    """The figure map, built once per data generation and kept in memory."""
    cache_key = (generation.current(), key, level, scheme)
    found = _maps.get(cache_key)
    if found is None:
        found = build_figure_map(key, level, scheme)
        for old in [k for k in _maps if k[0] != cache_key[0]]:
            del _maps[old]
        _maps[cache_key] = found
    return found


# -- The gemeente layer and its SVG preview -----------------------------------


def build_gemeente_layer() -> str:
    """Every gemeente as GeoJSON, simplified over the whole coverage (shared
    borders stay shared), with its name and the page of its region."""
    with translation.override(settings.LANGUAGE_CODE):
        region_of = dict(
            RegionGemeente.objects.values_list("gemeente_id", "region__slug")
        )
        gemeenten = list(
            Gemeente.objects.order_by("name", "code").values_list(
                "pk", "code", "name", "geometry"
            )
        )
        shapes = geometry.simplify_coverage(
            [geometry.to_shape(geojson) for *_rest, geojson in gemeenten]
        )
        features = [
            {
                "type": "Feature",
                "id": code,
                "properties": {
                    "slug": code,
                    "name": name,
                    "url": reverse("regions:detail", args=[region_of[pk]])
                    if pk in region_of
                    else "",
                },
                "geometry": geometry.to_geojson(shape, geometry.DISPLAY_DECIMALS),
            }
            for (pk, code, name, _geojson), shape in zip(gemeenten, shapes, strict=True)
        ]
    return json.dumps(
        {"type": "FeatureCollection", "features": features},
        ensure_ascii=False,
        separators=(",", ":"),
        default=_number,
    )


def _number(value):
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(type(value).__name__)


_gemeente_layers: dict[int, ServedLayer] = {}


def gemeente_layer() -> ServedLayer:
    """The gemeente layer as bytes, raw and gzipped, once per data generation."""
    current = generation.current()
    served = _gemeente_layers.get(current)
    if served is None:
        content = build_gemeente_layer()
        raw = content.encode()
        served = ServedLayer(etag_for(content), raw, gzip.compress(raw, 9, mtime=0))
        _gemeente_layers.clear()
        _gemeente_layers[current] = served
    return served


def painted(
    layer: ServedLayer, classes: dict[str, str], matching: set[str] | None = None
) -> preview.PaintedPreview:
    """A layer's SVG preview with each area in its figure class (klasse-N;
    figure-missing where the figure is unknown), dimmed outside a filter."""
    drawn = preview.preview_of(layer)
    shapes = []
    for outline in drawn.outlines:
        names = "figure-area " + classes.get(outline.slug, "figure-missing")
        if matching is not None and outline.slug not in matching:
            names += " region-dimmed"
        shapes.append(preview.Shape(outline.d, names))
    return preview.PaintedPreview(drawn.view_box, tuple(shapes))
