"""Regiobeeld, regioplan and contract: public pages and the editors' pages.

Editors' views find their region through Region.objects.for_user(), so another
region's URL is a 404, for GET and POST alike; a contract or element asks its
region, never the user directly.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_safe,
)

from core.documents import pdf_response
from core.downloads import stored_download
from core.pagecache import Param, Query, public_page
from core.spreadsheets import export_response
from regions import kerngetallen
from regions.models import Region

from . import goals as plan_goals
from . import overview
from .exports import PublicContractResource, PublicPlanResource
from .filters import ActivityFilterSet, PlanFilterSet
from .models import Contract, ElementKind, Regiobeeld

COMPARE_MIN, COMPARE_MAX = 2, 4


# -- Public --------------------------------------------------------------------


@public_page(query=Query.of(PlanFilterSet, Param("sorteer"), Param("richting")))
@require_safe
def plans_overview(request):
    sort = request.GET.get("sorteer", "naam")
    if sort not in overview.SORT_KEYS:
        sort = "naam"
    descending = request.GET.get("richting") == "af"
    filterset = PlanFilterSet(request.GET)
    chains = [overview.chain(r) for r in overview.with_chain(filterset.qs)]
    chains = overview.sort_chains(chains, sort, descending)
    filter_query = request.GET.copy()
    for key in ("sorteer", "richting"):
        filter_query.pop(key, None)
    return render(
        request,
        "plans/overview.html",
        {
            "chains": chains,
            "elements": ElementKind.choices,
            "counts": overview.element_counts(),
            "met": filterset.selected("met"),
            "zonder": filterset.selected("zonder"),
            "filter_active": filterset.active,
            "sort": sort,
            "descending": descending,
            "filter_query": filter_query.urlencode(),
            "filter_problems": filterset.problems,
            "has_demo": any(c.has_demo for c in chains),
        },
        status=filterset.status,
    )


@stored_download
@require_safe
def plans_download(request, fmt):
    """The overview as CSV or XLSX, with the same filters as the page; a bad
    filter is a 404 (core.filters)."""
    filterset = PlanFilterSet(request.GET).valid_or_404()
    chains = [overview.chain(r) for r in overview.with_chain(filterset.qs)]
    return export_response(
        PublicPlanResource(request), chains, fmt, "regiokaart-regioplannen"
    )


@stored_download
@require_safe
def contracts_download(request, fmt):
    """Contractafspraken as open data: private contents stay empty."""
    contracts = (
        Contract.objects.for_display()
        .select_related("region")
        .defer("region__geometry", "region__display_geometry")
        .order_by("region__name", "-start")
    )
    return export_response(
        PublicContractResource(), contracts, fmt, "regiokaart-contractafspraken"
    )


def _compare_error(slugs: list[str], found: dict) -> str:
    if len(slugs) < COMPARE_MIN:
        return _("Kies minstens twee regio's om te vergelijken.")
    if len(slugs) > COMPARE_MAX:
        return _("U kunt hoogstens vier regio's tegelijk vergelijken.")
    if len(set(slugs)) < len(slugs):
        return _("U heeft dezelfde regio meer dan eens gekozen; kies verschillende.")
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        return _("Deze regio bestaat niet: %(slugs)s.") % {"slugs": ", ".join(unknown)}
    return ""


@public_page(query=Query(Param("regio", kind="list"), Param("basis")))
@require_safe
def compare(request):
    """Two to four regions side by side; ?regio=a&regio=b is the shareable URL."""
    slugs = [s.strip() for s in request.GET.getlist("regio") if s.strip()][:10]
    all_regions = list(Region.objects.without_borders().only("slug", "name"))
    basis = request.GET.get("basis", "").strip()
    picks = (slugs or [basis])[:COMPARE_MAX]
    context = {
        "all_regions": all_regions,
        "picks": picks + [""] * (COMPARE_MAX - len(picks)),
        "columns": [],
    }
    if not slugs:
        return render(request, "plans/compare.html", context)
    found = {
        r.slug: r
        for r in overview.with_chain(
            Region.objects.without_borders().filter(slug__in=slugs[:COMPARE_MAX])
        )
    }
    error = _compare_error(slugs, found)
    if error:
        context["error"] = error
        return render(request, "plans/compare.html", context, status=400)
    regions = [found[slug] for slug in slugs]
    figures = kerngetallen.for_regions(regions)
    nl = kerngetallen.for_netherlands()
    goals = plan_goals.region_goals([region.pk for region in regions])
    context["columns"] = [
        {
            "chain": overview.chain(region),
            "goals": goals[region.pk],
            "kerngetallen": [
                {
                    "label": label,
                    "kind": kind,
                    "region": getattr(figures[region.pk], key),
                    "nl": getattr(nl, key),
                }
                for key, label, kind in kerngetallen.ROWS
            ],
        }
        for region in regions
    ]
    context["has_demo"] = any(c["chain"].has_demo for c in context["columns"])
    return render(request, "plans/compare.html", context)


@public_page(query=Query.of(ActivityFilterSet, Param("pagina", kind="page")))
@require_safe
def activities(request):
    """Activities of all regions, by theme, region and year."""
    filterset = ActivityFilterSet(request.GET)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "plans/activities.html",
        {
            "page": page,
            "filter": filterset,
            "form": filterset.form,
            "filter_problems": filterset.problems,
            "query": query.urlencode(),
            "has_demo": any(a.is_demo for a in page.object_list),
        },
        status=filterset.status,
    )


@require_safe
def regiobeeld_document(request, slug):
    """Serve an uploaded regiobeeld, but only while it is public."""
    regiobeeld = get_object_or_404(
        Regiobeeld.objects.select_related("region").defer(
            "region__geometry", "region__display_geometry"
        ),
        region__slug=slug,
    )
    if not (regiobeeld.document_public and regiobeeld.document):
        raise Http404("Dit regiobeeld is niet openbaar.")
    return pdf_response(regiobeeld.document, regiobeeld.filename)
