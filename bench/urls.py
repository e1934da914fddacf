import json

from django.http import HttpResponse
from django.urls import include, path

from geo import geometry
from regions.models import Region, RegioplanStatus


def naive_geojson(request):
    """The usual django-geojson pattern: serialize all geometry on every request."""
    features = []
    for region in Region.objects.select_related("preferred_insurer"):
        shape = geometry.to_shape(region.geometry)
        status = RegioplanStatus(region.status)
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "slug": region.slug,
                    "name": region.name,
                    "status": region.status,
                    "status_label": str(status.label),
                    "colour": status.colour,
                    "insurer": str(region.preferred_insurer or ""),
                    "url": region.get_absolute_url(),
                },
                "geometry": geometry.to_geojson(shape),
            }
        )
    body = json.dumps({"type": "FeatureCollection", "features": features})
    return HttpResponse(body, content_type="application/geo+json")


urlpatterns = [
    path("bench/naive.geojson", naive_geojson),
    path("", include("regiokaart.urls")),
]
