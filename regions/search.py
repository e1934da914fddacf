"""Find a region by its name or one of its gemeenten, or by a point on the map."""

import re
import unicodedata
from dataclasses import dataclass, field

import shapely
from shapely import STRtree

from geo import geometry
from geo.models import Gemeente

from . import layer
from .models import Region

MIN_QUERY_LENGTH = 2


def normalise(text: str) -> str:
    """Lower case, no accents or punctuation: 'Súdwest-Fryslân' -> 'sudwest fryslan'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]+", " ", plain.casefold()).strip()


def matches(name: str, query: str) -> bool:
    """A prefix of the whole name or of one of its words."""
    name = normalise(name)
    return name.startswith(query) or any(
        word.startswith(query) for word in name.split()
    )


@dataclass
class Hit:
    region: Region
    by_name: bool = False
    gemeenten: list[str] = field(default_factory=list)


def search(query: str) -> list[Hit]:
    query = normalise(query)
    if len(query) < MIN_QUERY_LENGTH:
        return []
    regions = {region.pk: region for region in Region.objects.with_related()}
    hits: dict[int, Hit] = {}
    for region in regions.values():
        if matches(region.name, query):
            hits[region.pk] = Hit(region, by_name=True)
    for name, region_id in Gemeente.objects.filter(
        region_link__isnull=False
    ).values_list("name", "region_link__region_id"):
        if matches(name, query):
            hit = hits.setdefault(region_id, Hit(regions[region_id]))
            hit.gemeenten.append(name)
    return sorted(hits.values(), key=lambda h: (not h.by_name, h.region.name))


_tree_cache: dict = {}


def _tree() -> tuple[STRtree, list[str]]:
    """An STRtree of region borders, rebuilt when the map layer changes.

    It keeps slugs, not ids: slugs are in the layer, so its ETag covers them."""
    etag = layer.current_etag()
    if _tree_cache.get("etag") != etag:
        rows = list(
            Region.objects.filter(geometry__isnull=False).values_list(
                "slug", "geometry"
            )
        )
        _tree_cache.update(
            etag=etag,
            slugs=[slug for slug, _geojson in rows],
            tree=STRtree([geometry.to_shape(geojson) for _slug, geojson in rows]),
        )
    return _tree_cache["tree"], _tree_cache["slugs"]


def region_at(lat: float, lon: float) -> Region | None:
    tree, slugs = _tree()
    hits = tree.query(shapely.Point(lon, lat), predicate="intersects")
    if len(hits) == 0:
        return None
    return Region.objects.without_borders().filter(slug=slugs[min(hits)]).first()
