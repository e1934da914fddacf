"""Region pages: the table, a region, its public plan and the regions download."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.documents import pdf_response
from core.downloads import stored_download
from core.pagecache import Param, Query, public_page
from core.spreadsheets import export_response
from organisations.models import Organisation

from .. import contacts, exports, kerngetallen, overlap, similar
from ..models import Region, legend

TABLE_SORT_KEYS = ("naam", "status", "organisatie", "verzekeraar")


@public_page(query=Query(Param("sorteer"), Param("richting")))
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
    organisations = contacts.region_organisations(region)
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
            "approach": contacts.whom_to_approach(region, organisations),
            "kerngetallen": kerngetallen.comparison(region),
            "gp_distance": kerngetallen.gp_distance(region),
            "overlap": overlap.region_overlap(region),
            "similar": similar.for_region(region),
            "figures": region.figures.order_by("kind", "-year"),
            "activities": region.activities.for_display(),
            "gemeenten": region.gemeenten.without_borders().order_by("name"),
            "status_timeline": region.status_changes.order_by(
                "-effective_date", "-created_at", "-pk"
            ),
            "has_demo": region.is_demo,
            "reminder_months": settings.REGIOKAART_REMINDER_MONTHS,
            # Only for logged-in users, so anonymous pages stay the same for all.
            "can_edit": request.user.is_authenticated and region.can_edit(request.user),
        },
    )


@require_safe
def regioplan_document(request, slug):
    """Serve an uploaded regioplan, but only while the plan is public."""
    region = get_object_or_404(Region.objects.without_borders(), slug=slug)
    if not (region.is_plan_public and region.plan_document):
        raise Http404("Dit regioplan is niet openbaar.")
    return pdf_response(region.plan_document, region.plan_filename)


@stored_download
@require_safe
def regions_table_download(request, fmt):
    regions = (
        Region.objects.with_related().prefetch_related("gemeenten").order_by("name")
    )
    return export_response(
        exports.PublicRegionResource(request), regions, fmt, "regiokaart-regios"
    )
