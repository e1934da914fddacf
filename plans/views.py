"""Regiobeeld, regioplan and contract: public pages and the editors' pages.

Editors' views find their region through Region.objects.for_user(), so another
region's URL is a 404, for GET and POST alike; a contract or element asks its
region, never the user directly.
"""

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_safe,
)

from core.documents import pdf_response
from core.spreadsheets import export_response
from regions import kerngetallen
from regions.models import Activity, Region, Theme

from . import goals as plan_goals
from . import overview
from .exports import PublicContractResource, PublicPlanResource
from .models import Contract, ElementKind, Regiobeeld

COMPARE_MIN, COMPARE_MAX = 2, 4


# -- Public --------------------------------------------------------------------


def _overview_chains(request):
    """The overview's regions after ?met= / ?zonder=; raises FilterError."""
    met, zonder = overview.parse_filters(request.GET)
    regions = overview.filter_regions(Region.objects.without_borders(), met, zonder)
    chains = [overview.chain(r) for r in overview.with_chain(regions)]
    return met, zonder, chains


@require_safe
def plans_overview(request):
    sort = request.GET.get("sorteer", "naam")
    if sort not in overview.SORT_KEYS:
        sort = "naam"
    descending = request.GET.get("richting") == "af"
    status, error = 200, ""
    try:
        met, zonder, chains = _overview_chains(request)
    except overview.FilterError as problem:
        met, zonder, chains = [], [], []
        status, error = 400, str(problem)
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
            "met": met,
            "zonder": zonder,
            "sort": sort,
            "descending": descending,
            "filter_query": filter_query.urlencode(),
            "error": error,
            "has_demo": any(c.has_demo for c in chains),
        },
        status=status,
    )


@require_safe
def plans_download(request, fmt):
    """The overview as CSV or XLSX, with the same filters as the page."""
    try:
        _met, _zonder, chains = _overview_chains(request)
    except overview.FilterError as error:
        raise Http404(str(error)) from None
    return export_response(
        PublicPlanResource(request), chains, fmt, "regiokaart-regioplannen"
    )


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


def _int_param(request, name: str):
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    if not value.isdigit() or not 2000 <= int(value) <= 2100:
        raise ValueError(_("Kies een jaar tussen 2000 en 2100."))
    return int(value)


@require_safe
def activities(request):
    """Activities of all regions, by theme, region and year."""
    themes = list(Theme.objects.order_by("name"))
    regions = list(Region.objects.without_borders().only("slug", "name"))
    rows = (
        Activity.objects.select_related("region", "organisation")
        .defer("region__geometry", "region__display_geometry")
        .prefetch_related("themes")
        .order_by("-start_date", "title")
    )
    theme = request.GET.get("thema", "")
    region = request.GET.get("regio", "")
    errors = []
    if theme:
        if theme not in {t.slug for t in themes}:
            errors.append(_("Onbekend thema ‘%(value)s’.") % {"value": theme})
        rows = rows.filter(themes__slug=theme)
    if region:
        if region not in {r.slug for r in regions}:
            errors.append(_("Onbekende regio ‘%(value)s’.") % {"value": region})
        rows = rows.filter(region__slug=region)
    try:
        year = _int_param(request, "jaar")
    except ValueError as error:
        errors.append(str(error))
        year = None
    if year:
        rows = rows.filter(start_date__year__lte=year).filter(
            Q(end_date__isnull=True) | Q(end_date__year__gte=year)
        )
    if errors:
        rows = rows.none()
    page = Paginator(rows, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "plans/activities.html",
        {
            "page": page,
            "themes": themes,
            "regions": regions,
            "theme": theme,
            "region": region,
            "year": request.GET.get("jaar", ""),
            "errors": errors,
            "query": query.urlencode(),
            "has_demo": any(a.is_demo for a in page.object_list),
        },
        status=400 if errors else 200,
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
