from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import quote_etag
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import condition, require_safe

from organisations.models import Organisation

from . import kerngetallen, layer
from .models import Region, legend

TABLE_SORT_KEYS = ("naam", "status", "organisatie", "verzekeraar")


def _layer_url() -> str:
    return f"{reverse('regions:geojson')}?v={layer.current_etag()}"


@require_safe
def map_page(request):
    regions = Region.objects.with_related()
    return render(
        request,
        "regions/map.html",
        {
            "regions": regions,
            "legend": legend(regions.status_counts()),
            "layer_url": _layer_url(),
            "has_demo": any(region.is_demo for region in regions),
        },
    )


@require_safe
def region_list(request):
    sort = request.GET.get("sorteer", "naam")
    if sort not in TABLE_SORT_KEYS:
        sort = "naam"
    descending = request.GET.get("richting") == "af"
    regions = Region.objects.with_related().sorted_by(sort, descending)
    return render(
        request,
        "regions/region_list.html",
        {
            "regions": regions,
            "sort": sort,
            "descending": descending,
            "columns": [
                ("naam", "Regio"),
                ("status", "Status regioplan"),
                ("organisatie", "Regionale organisatie"),
                ("verzekeraar", "Preferente zorgverzekeraar"),
            ],
            "legend": legend(regions.status_counts()),
            "has_demo": any(region.is_demo for region in regions),
        },
    )


@require_safe
def region_detail(request, slug):
    region = get_object_or_404(Region.objects.with_related(), slug=slug)
    organisations = region.organisations.order_by("name")
    groups = [
        (label, [org for org in organisations if org.type == value])
        for value, label in Organisation.Type.choices
    ]
    return render(
        request,
        "regions/region_detail.html",
        {
            "region": region,
            "status": region.status_choice,
            "organisation_groups": groups,
            "kerngetallen": kerngetallen.comparison(region),
            "figures": region.figures.order_by("kind", "-year"),
            "activities": region.activities.for_display(),
            "gemeenten": region.gemeenten.order_by("name"),
            "has_demo": region.is_demo,
        },
    )


@require_safe
def regioplan_document(request, slug):
    """Serve an uploaded regioplan, but only while the plan is public."""
    region = get_object_or_404(Region, slug=slug)
    if not (region.is_plan_public and region.plan_document):
        raise Http404("Dit regioplan is niet openbaar.")
    return FileResponse(
        region.plan_document.open("rb"),
        content_type="application/pdf",
        filename=f"regioplan-{region.slug}.pdf",
    )


@gzip_page
@condition(etag_func=lambda request: layer.current_etag())
@require_safe
def regions_geojson(request):
    current = layer.current_layer()
    response = HttpResponse(current.content, content_type="application/geo+json")
    response["ETag"] = quote_etag(current.etag)
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response
