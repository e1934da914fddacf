"""Leaflet maps without inline scripts.

django-leaflet's {% leaflet_map %} writes an inline <script> that a strict
Content Security Policy has to allow with a nonce, and a nonce cannot be shared
by a cached page. This tag writes the same options as JSON instead;
static/js/leaflet-init.js reads them and creates the map with django-leaflet's
own L.Map.djangoMap.
"""

import json

from django import template
from django.utils.html import json_script
from leaflet.templatetags.leaflet_tags import leaflet_map

from regions.maplayer import labels, layer

register = template.Library()


@register.simple_tag
def map_options(name: str, callback: str):
    """<script type="application/json" id="<name>-leaflet"> with the map's options."""
    options = leaflet_map(name, callback=callback, creatediv=False)
    return json_script(
        {
            "name": name,
            "callback": callback,
            "djoptions": json.loads(options["djoptions"]),
            "loadevents": json.loads(options["loadevents"]),
        },
        f"{name}-leaflet",
    )


# Pattern sets: (id prefix, scale). Leaflet draws in screen pixels; the SVG
# preview in viewBox units of about 0.36 to 0.55 pixels (regions.preview).
PATTERN_SETS = (("patroon", "1"), ("voorbeeld", "2.6"))


@register.inclusion_tag("regions/_map_patterns.html")
def map_patterns():
    """The status patterns the map and its preview fill regions with."""
    return {"pattern_sets": PATTERN_SETS}


@register.inclusion_tag("regions/_map_preview.html")
def map_preview(preview):
    """The map as SVG, painted before Leaflet has loaded (regions.preview),
    with the names that fit (regions.maplayer.labels)."""
    return {"preview": preview, "labels": labels.labels_of(layer.served_layer()).svg}


@register.simple_tag
def map_label_data(element_id: str = "kaart-namen"):
    """The names' anchor points for Leaflet, places first, then regions
    largest first (regions.maplayer.labels); kaart.js places what fits at each zoom."""
    anchors = labels.labels_of(layer.served_layer()).anchors
    return json_script(
        [
            {"slug": a.slug, "name": a.name, "lat": a.lat, "lon": a.lon, "kind": a.kind}
            for a in anchors
        ],
        element_id,
    )
