from collections import Counter
from urllib.parse import urlencode

from csp.decorators import csp_replace
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from core.documents import pdf_response
from core.pagecache import public_page
from core.spreadsheets import export_response
from organisations.models import Insurer, Organisation

from . import (
    contacts,
    directory,
    exports,
    history,
    kerngetallen,
    layer,
    map_filters,
    on_date,
    overlap,
    preview,
    search,
)
from .models import Region, RegioplanStatus, legend
from .resources import OrganisationResource

TABLE_SORT_KEYS = ("naam", "status", "organisatie", "verzekeraar")


def editable_region(request, slug) -> Region:
    """The region if this user may edit it; a 404 for everyone else, GET and
    POST alike. Every editing view (Mijn regio, plans) finds its region here."""
    return get_object_or_404(
        Region.objects.for_user(request.user).with_related(), slug=slug
    )


def _layer_url(etag: str) -> str:
    # One layer URL for both languages, so browsers cache it once; the labels
    # in the active language come from the page (status_labels).
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse("regions:geojson")
    return f"{url}?v={etag}"


@public_page
@require_safe
def map_page(request):
    """The map today, or on a past date (?datum=2025-01-01)."""
    regions = Region.objects.with_related()
    served = layer.served_layer()
    counts, layer_url, day, error = (
        regions.status_counts(),
        _layer_url(served.etag),
        None,
        "",
    )
    try:
        day = on_date.parse_map_date(request.GET.get("datum", ""))
    except on_date.BadDate as exc:
        error = str(exc)
    if day:
        regions = list(regions)
        statuses = on_date.statuses_on(history.load_timeline(), day)
        for region in regions:  # shown as on that day, never saved
            region.status = statuses[region.pk]
        counts = Counter(region.status for region in regions)
        layer_url += f"&datum={day.isoformat()}"
    insurers = list(Insurer.objects.order_by("name"))
    statuses = {region.slug: region.status for region in regions}
    map_filter = map_filters.MapFilter.from_request(request, insurers)
    if map_filter.active:
        regions, counts = map_filter.apply(regions)
    matching = {region.slug for region in regions} if map_filter.active else None
    return render(
        request,
        "regions/map.html",
        {
            "regions": regions,
            "map_filter": map_filter,
            "insurers": insurers,
            "statuses": RegioplanStatus.choices,
            "legend": legend(counts) + on_date.legend_row(counts),
            "layer_url": layer_url,
            "map_preview": preview.painted(served, statuses, matching),
            "has_demo": any(region.is_demo for region in regions),
            "map_date": day,
            "not_yet": on_date.NOT_YET,
            "map_date_line": on_date.summary_line(day, counts) if day else "",
            "map_date_error": error,
            "today": timezone.localdate(),
            "earliest": on_date.EARLIEST,
        },
        status=400 if error else 200,
    )


@public_page
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


@public_page
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
            "gp_distance": kerngetallen.gp_distance(region),
            "overlap": overlap.region_overlap(region),
            "figures": region.figures.order_by("kind", "-year"),
            "activities": region.activities.for_display(),
            "gemeenten": region.gemeenten.without_borders().order_by("name"),
            "status_timeline": region.status_changes.order_by(
                "-effective_date", "-created_at", "-pk"
            ),
            "has_demo": region.is_demo,
            # Only for logged-in users, so anonymous pages stay the same for all.
            "can_edit": request.user.is_authenticated and region.can_edit(request.user),
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
        answer = search.lookup(request.GET["q"].strip())
        if answer.goes_straight_to_region:
            return redirect(answer.hits[0].region)
        if answer.goes_straight_to_organisation:
            return redirect("regions:organisation", answer.organisations[0]["slug"])
        context.update(answer=answer, hits=answer.hits, error=answer.error)
        status = 400 if answer.bad_request else 200
        regions = answer.regions
        if regions and (len(regions) == 1 or answer.postcode):
            # What the visitor came for: who to call in that region.
            context["contacts"] = contacts.region_contacts(regions)
            context["zones"] = contacts.zones_of(answer.gemeente_ids)
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
    """The stored map layer, precompressed; 304 when the client has it already.

    ?datum=2025-01-01 colours the regions by their status on that date."""
    try:
        day = on_date.parse_map_date(request.GET.get("datum", ""))
    except on_date.BadDate as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain")
    served = layer.layer_on(day) if day else layer.served_layer()
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


@public_page
@require_safe
def regions_table_download(request, fmt):
    regions = (
        Region.objects.with_related().prefetch_related("gemeenten").order_by("name")
    )
    return export_response(
        exports.PublicRegionResource(request), regions, fmt, "regiokaart-regios"
    )


@public_page
@require_safe
def organisations_download(request, fmt):
    organisations = Organisation.objects.order_by("name")
    return export_response(
        OrganisationResource(), organisations, fmt, "regiokaart-organisaties"
    )


@public_page
@require_safe
def open_data(request):
    return render(
        request,
        "regions/open_data.html",
        {"embed_url": request.build_absolute_uri(reverse("regions:embed"))},
    )


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
@public_page
@require_safe
def embed(request):
    """The map alone, for partners' sites: the one page that may be framed."""
    regions = Region.objects.with_related()
    served = layer.served_layer()
    response = render(
        request,
        "regions/embed.html",
        {
            "legend": legend(regions.status_counts()),
            "layer_url": _layer_url(served.etag),
            "map_preview": preview.painted(
                served, {region.slug: region.status for region in regions}
            ),
            "has_demo": any(region.is_demo for region in regions),
        },
    )
    return response


@require_safe
def accessibility(request):
    """Toegankelijkheidsverklaring: which WCAG 2.1 AA criteria are met."""
    return render(request, "regions/accessibility.html")


@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(
        reverse("django.contrib.sitemaps.views.sitemap")
    )
    lines = [
        "User-agent: *",
        "Disallow: /beheer/",
        "Disallow: /account/",
        "Disallow: /mijn-regio/",
        "Disallow: /en/mijn-regio/",
        "Disallow: /embed/",
        "Disallow: /en/embed/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


# -- Organisations: a page each, and the directory ---------------------------


@require_safe
def organisation_detail(request, slug):
    """An organisation: type, contact, public persons, its regions on a small
    map, its activities, when it was last updated."""
    organisation = get_object_or_404(
        contacts.with_public_persons(Organisation.objects.all()), slug=slug
    )
    regions = list(
        Region.objects.filter(
            Q(organisations=organisation) | Q(regional_organisation=organisation)
        )
        .distinct()
        .defer("geometry")
        .order_by("name")
    )
    return render(
        request,
        "regions/organisation_detail.html",
        {
            "organisation": organisation,
            "regions": regions,
            "led": [
                r for r in regions if r.regional_organisation_id == organisation.pk
            ],
            "regions_geojson": {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"name": r.name, "status": r.status},
                        "geometry": r.display_geometry,
                    }
                    for r in regions
                    if r.display_geometry
                ],
            },
            "activities": organisation.activities.select_related("region").order_by(
                F("start_date").desc(nulls_last=True), "title"
            ),
            "updated_at": contacts.last_updated(organisation),
            "has_demo": organisation.is_demo,
        },
    )


@require_safe
def organisation_directory(request):
    flt = directory.DirectoryFilter.from_request(request)
    organisations = directory.organisations(flt)
    return render(
        request,
        "regions/organisation_directory.html",
        {
            "filter": flt,
            "organisations": organisations,
            "types": Organisation.Type.choices,
            "provinces": directory.provinces(),
            "regions": Region.objects.without_borders().only("slug", "name"),
            "query_string": urlencode(flt.as_params()),
            "has_demo": any(o.is_demo for o in organisations),
        },
    )


@require_safe
def organisation_directory_download(request, fmt):
    flt = directory.DirectoryFilter.from_request(request)
    return export_response(
        directory.PublicOrganisationResource(request),
        directory.organisations(flt),
        fmt,
        "regiokaart-organisaties-selectie" if flt.active else "regiokaart-organisaties",
    )
