"""The map layer: all regions as one GeoJSON FeatureCollection.

It is serialized when its data changes and stored in MapLayer; the view serves
the stored bytes with their ETag.
"""

import datetime
import gzip
import hashlib
import json
import re
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import translation

from ..models import MapLayer, Region, RegioplanStatus
from . import on_date
from .history import cached_timeline, history_stamp

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
    """One layer for every language: labels and links in the site's default
    language, whichever language the request that changed the data used."""
    with translation.override(settings.LANGUAGE_CODE):
        return _build_regions_layer()


def _build_regions_layer() -> str:
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
    """The current layer as bytes, raw and gzipped, kept in memory per ETag.

    While the database is unreachable, the layer this process has is served."""
    served = _served.get(REGIONS_LAYER)
    try:
        etag = current_etag()
    except DatabaseError:
        if served is None:
            raise
        return served
    if served is None or served.etag != etag:
        stored = current_layer()
        content = stored.content.encode()
        served = ServedLayer(stored.etag, content, gzip.compress(content, 9, mtime=0))
        _served[REGIONS_LAYER] = served
    return served


def accepts_gzip(request) -> bool:
    return bool(re.search(r"\bgzip\b", request.headers.get("Accept-Encoding", "")))


# Layers on past dates, in memory per process: keyed on the current layer's
# ETag, the status history's stamp and the date, so any change to either makes
# a new key; the oldest entries are dropped beyond DATED_LAYERS_KEPT.
DATED_LAYERS_KEPT = 32
_dated: OrderedDict[tuple, ServedLayer] = OrderedDict()


def build_layer_on(base: str, statuses: dict[int, str], slugs: dict) -> str:
    """The stored layer with each region coloured by its status on a date.

    statuses: region pk -> status, or on_date.NOT_YET for a region that did
    not exist yet (on_date.statuses_on); slugs: slug -> region pk."""
    collection = json.loads(base)
    for feature in collection["features"]:
        props = feature["properties"]
        status = statuses.get(slugs.get(props["slug"]), on_date.NOT_YET)
        if status == on_date.NOT_YET:
            props["status"] = on_date.NOT_YET
            props["status_label"] = on_date.not_yet_label()
            props["colour"] = on_date.NOT_YET_COLOUR
        else:
            status = RegioplanStatus(status)
            props["status"] = status.value
            props["status_label"] = str(status.label)
            props["colour"] = status.colour
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))


def layer_on(day: datetime.date) -> ServedLayer:
    """The map layer as it was on a date, built once per data version."""
    base = served_layer()
    key = (base.etag, history_stamp(), day.isoformat())
    served = _dated.get(key)
    if served is None:
        statuses = on_date.statuses_on(cached_timeline(), day)
        slugs = dict(Region.objects.values_list("slug", "pk"))
        with translation.override(settings.LANGUAGE_CODE):  # as the base layer
            content = build_layer_on(base.content.decode(), statuses, slugs)
        raw = content.encode()
        served = ServedLayer(etag_for(content), raw, gzip.compress(raw, 9, mtime=0))
        _dated[key] = served
        while len(_dated) > DATED_LAYERS_KEPT:
            _dated.popitem(last=False)
    else:
        _dated.move_to_end(key)
    return served
