"""The map: today or on a past date, the map layer, and the embeddable map."""

from collections import Counter

from csp.decorators import csp_replace
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from core.downloads import stored_download
from core.pagecache import Param, Query, public_page
from organisations.models import Insurer

from .. import filters
from ..maplayer import history, layer, on_date, preview
from ..models import Region, RegioplanStatus, legend
from . import figures


def _layer_url(etag: str) -> str:
    # One layer URL for both languages, so browsers cache it once; the labels
    # in the active language come from the page (status_labels).
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse("regions:geojson")
    return f"{url}?v={etag}"


# datum first, as the filter form sends it (its hidden field comes first).
MAP_QUERY = Query(
    Param("datum"),
    *Query.of(filters.MapFilterSet).params,
    *Query.of(filters.FigureFilterSet).params,
)


@public_page(query=MAP_QUERY)
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
        statuses = on_date.statuses_on(history.cached_timeline(), day)
        for region in regions:  # shown as on that day, never saved
            region.status = statuses[region.pk]
        counts = Counter(region.status for region in regions)
        layer_url += f"&datum={day.isoformat()}"
    insurers = list(Insurer.objects.order_by("name"))
    statuses = {region.slug: region.status for region in regions}
    filterset = filters.MapFilterSet(request.GET, insurers=insurers)
    map_filter = filterset.selection()
    if map_filter.active:
        regions, counts = map_filter.apply(regions)
    matching = {region.slug for region in regions} if map_filter.active else None
    figure = figures.figure_context(
        request.GET, served, matching
    )  # ?kleur=: a figure map
    return render(
        request,
        "regions/map.html",
        {
            "regions": regions,
            "map_filter": map_filter,
            "filter_problems": filterset.problems,
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
            **figure,
        },
        status=400 if error or filterset.problems or figure["figure_problems"] else 200,
    )


@stored_download
@require_safe
def regions_geojson(request):
    """The stored map layer; core.downloads keeps it per data generation, with
    its ETag, 304 and the layer's own gzipped bytes.

    ?datum=2025-01-01 colours the regions by their status on that date."""
    try:
        day = on_date.parse_map_date(request.GET.get("datum", ""))
    except on_date.BadDate as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain")
    served = layer.layer_on(day) if day else layer.served_layer()
    response = HttpResponse(served.content, content_type="application/geo+json")
    response.gzipped = served.gzipped
    return response


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
