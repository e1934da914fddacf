"""/belemmeringen/ and its download: public scans only."""

from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.downloads import stored_download
from core.pagecache import Param, Query, public_page
from core.spreadsheets import export_response
from regions.models import Region

from . import overview
from .exports import PublicSelfScanResource
from .models import CHARACTERISTICS, CharacteristicState


def _filtered(request):
    """The public scans after ?op_orde= / ?niet_op_orde=; raises FilterError."""
    chosen = overview.parse_filters(request.GET)
    return chosen, list(overview.filter_scans(overview.public_scans(), chosen))


@public_page(
    query=Query(
        *(Param(name, kind="set") for name in overview.FILTER_PARAMS),
        Param("sorteer"),
        Param("richting"),
    )
)
@require_safe
def obstacles_page(request):
    sort = request.GET.get("sorteer", "naam")
    if sort not in overview.SORT_KEYS:
        sort = "naam"
    descending = request.GET.get("richting") == "af"
    all_scans = list(overview.public_scans())
    status, error = 200, ""
    try:
        chosen, rows = _filtered(request)
    except overview.FilterError as problem:
        chosen, rows = {name: [] for name in overview.FILTER_PARAMS}, []
        status, error = 400, str(problem)
    filter_query = request.GET.copy()
    for key in ("sorteer", "richting"):
        filter_query.pop(key, None)
    return render(
        request,
        "selfscan/obstacles.html",
        {
            "summaries": overview.obstacle_summaries(all_scans),
            "counts": overview.characteristic_counts(all_scans),
            "scanned": len(all_scans),
            "regions_total": Region.objects.count(),
            "rows": overview.sort_scans(rows, sort, descending),
            "characteristics": CHARACTERISTICS,
            "in_order": chosen["op_orde"],
            "not_in_order": chosen["niet_op_orde"],
            "sort": sort,
            "descending": descending,
            "filter_query": filter_query.urlencode(),
            "error": error,
            "states": CharacteristicState,
            "has_demo": any(s.is_demo for s in all_scans),
        },
        status=status,
    )


@stored_download
@require_safe
def download(request, fmt):
    """The matrix as CSV or XLSX, with the same filter as the page."""
    try:
        _chosen, rows = _filtered(request)
    except overview.FilterError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain")
    rows = overview.sort_scans(rows, "naam", False)
    return export_response(
        PublicSelfScanResource(request), rows, fmt, "regiokaart-zelfscans"
    )
