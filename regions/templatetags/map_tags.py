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
