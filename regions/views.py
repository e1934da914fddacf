from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from core.documents import pdf_response
from core.spreadsheets import export_response
from organisations.models import Organisation

from . import exports, kerngetallen, layer, search
from .models import Region, legend
from .resources import OrganisationResource

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
                ("naam", _("Regio")),
                ("status", _("Status regioplan")),
                ("organisatie", _("Regionale organisatie")),
                ("verzekeraar", _("Preferente zorgverzekeraar")),
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
            "gemeenten": region.gemeenten.without_borders().order_by("name"),
            "has_demo": region.is_demo,
        },
    )


@require_safe
def search_page(request):
    """Search by name (?q=) or by point (?lat=&lon=); works without JavaScript."""
    query = request.GET.get("q", "").strip()[:100]
    has_demo = Region.objects.filter(is_demo=True).exists()
    context = {"query": query, "hits": [], "has_demo": has_demo}
    status = 200
    if "lat" in request.GET or "lon" in request.GET:
        try:
            lat, lon = float(request.GET["lat"]), float(request.GET["lon"])
        except (KeyError, ValueError):
            context["error"] = _("Geef een geldige breedte- en lengtegraad op.")
            status = 400
        else:
            region = search.region_at(lat, lon)
            if region:
                return redirect(region)
            context["error"] = _("Dit punt ligt niet in een regio op de kaart.")
    elif query:
        context["hits"] = search.search(query)
        if len(query) < search.MIN_QUERY_LENGTH:
            context["error"] = _("Typ minstens twee letters.")
        elif len(context["hits"]) == 1:
            return redirect(context["hits"][0].region)
    return render(request, "regions/search.html", context, status=status)


@require_safe
def regioplan_document(request, slug):
    """Serve an uploaded regioplan, but only while the plan is public."""
    region = get_object_or_404(Region.objects.without_borders(), slug=slug)
    if not (region.is_plan_public and region.plan_document):
        raise Http404("Dit regioplan is niet openbaar.")
    return pdf_response(region.plan_document, region.plan_filename)


@transaction.non_atomic_requests
@require_safe
def regions_geojson(request):
    """The stored map layer, precompressed; 304 when the client has it already."""
    served = layer.served_layer()
    gzip = layer.accepts_gzip(request)
    etag = quote_etag(served.etag + ("-gz" if gzip else ""))
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(
            served.gzipped if gzip else served.content,
            content_type="application/geo+json",
        )
        if gzip:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = etag
    response["Vary"] = "Accept-Encoding"
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


@require_safe
def regions_table_download(request, fmt):
    regions = (
        Region.objects.with_related().prefetch_related("gemeenten").order_by("name")
    )
    return export_response(
        exports.PublicRegionResource(request), regions, fmt, "regiokaart-regios"
    )


@require_safe
def organisations_download(request, fmt):
    organisations = OrganisationResource().get_queryset().order_by("name")
    return export_response(
        OrganisationResource(), organisations, fmt, "regiokaart-organisaties"
    )


@require_safe
def open_data(request):
    return render(
        request,
        "regions/open_data.html",
        {"embed_url": request.build_absolute_uri(reverse("regions:embed"))},
    )


@xframe_options_exempt
@require_safe
def embed(request):
    """The map alone, for partners' sites: the one page that may be framed."""
    regions = Region.objects.with_related()
    response = render(
        request,
        "regions/embed.html",
        {
            "legend": legend(regions.status_counts()),
            "layer_url": _layer_url(),
            "has_demo": any(region.is_demo for region in regions),
        },
    )
    response["Content-Security-Policy"] = "frame-ancestors *"
    return response
