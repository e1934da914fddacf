"""/regioplannen/zoeken/: search inside every public regioplan and regiobeeld."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.pagecache import Param, Query, public_page
from regions.models import Region

from . import filters, query

MAX_QUERY = 200


@public_page(query=Query(*(Param(name) for name in ("q", *filters.NAMES))))
@require_safe
def search_plans(request):
    q = request.GET.get("q", "").strip()[:MAX_QUERY]
    options = filters.choices()
    status, error, hits = 200, "", []
    try:
        flt = filters.parse(request.GET, options)
    except filters.FilterError as problem:
        flt, status, error = filters.Filters(), 400, str(problem)
    parsed = query.parse(q)
    if parsed and not error:
        regions = filters.apply(Region.objects.all(), flt) if flt.active else None
        hits = query.search(parsed, regions)
    return render(
        request,
        "plans/search.html",
        {
            "q": q,
            "hits": hits,
            "searched": bool(parsed) and not error,
            "filters": flt,
            "options": options,
            "error": error,
        },
        status=status,
    )
