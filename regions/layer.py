"""The map layer: all regions as one GeoJSON FeatureCollection.

It is serialized when its data changes and stored in MapLayer; the view serves
the stored bytes with their ETag.
"""

import gzip
import hashlib
import json
import re
from dataclasses import dataclass

from django.db import transaction

from .models import MapLayer, Region, RegioplanStatus

REGIONS_LAYER = "regions"


def region_feature(region: Region) -> dict:
    status = RegioplanStatus(region.status)
    return {
        "type": "Feature",
        "id": region.slug,
        "properties": {
            "slug": region.slug,
            "name": region.name,
            "status": status.value,
            "status_label": str(status.label),
            "colour": status.colour,
            "insurer": region.preferred_insurer.name
            if region.preferred_insurer
            else "",
            "url": region.get_absolute_url(),
        },
        "geometry": region.display_geometry,
    }


def build_regions_layer() -> str:
    regions = (
        Region.objects.filter(display_geometry__isnull=False)
        .select_related("preferred_insurer")
        .order_by("name")
    )
    collection = {
        "type": "FeatureCollection",
        "features": [region_feature(region) for region in regions],
    }
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))


def etag_for(content: str) -> str:
    return hashlib.sha256(content.encode()).hexdigest()[:32]


@transaction.atomic
def refresh_regions_layer() -> MapLayer:
    content = build_regions_layer()
    layer, _created = MapLayer.objects.update_or_create(
        key=REGIONS_LAYER, defaults={"content": content, "etag": etag_for(content)}
    )
    return layer


def current_etag() -> str:
    """The ETag of the stored layer, building the layer if there is none yet."""
    etag = (
        MapLayer.objects.filter(key=REGIONS_LAYER)
        .values_list("etag", flat=True)
        .first()
    )
    return etag or refresh_regions_layer().etag


def current_layer() -> MapLayer:
    return MapLayer.objects.filter(key=REGIONS_LAYER).first() or refresh_regions_layer()


@dataclass(frozen=True)
class ServedLayer:
    etag: str
    content: bytes
    gzipped: bytes


_served: dict[str, ServedLayer] = {}


def served_layer() -> ServedLayer:
    """The current layer as bytes, raw and gzipped, kept in memory per ETag."""
    etag = current_etag()
    served = _served.get(REGIONS_LAYER)
    if served is None or served.etag != etag:
        stored = current_layer()
        content = stored.content.encode()
        served = ServedLayer(stored.etag, content, gzip.compress(content, 9, mtime=0))
        _served[REGIONS_LAYER] = served
    return served


def accepts_gzip(request) -> bool:
    return bool(re.search(r"\bgzip\b", request.headers.get("Accept-Encoding", "")))
