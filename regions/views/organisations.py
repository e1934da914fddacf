"""Organisations: a page each, the directory and its download.

They live here, not in organisations/, because they show the regions an
organisation works in; organisations never imports regions."""

from django.db.models import F, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from core.downloads import stored_download
from core.pagecache import Param, Query, public_page
from core.pagination import paginate
from core.spreadsheets import export_response
from organisations.models import Organisation

from .. import contacts, filters
from ..exports import PublicOrganisationResource
from ..models import Region
from ..resources import OrganisationResource


@public_page
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


@public_page(
    query=Query.of(
        filters.DirectoryFilterSet,
        Param("pagina", kind="page"),
        q={"casefold": True},
    )
)
@require_safe
def organisation_directory(request):
    """Every organisation, 50 a page; ?pagina=2 keeps the filter."""
    filterset = filters.DirectoryFilterSet(request.GET)
    pages = paginate(
        filterset.qs,
        request.GET.get("pagina", ""),
        request.path,
        filterset.query_string,
    )
    organisations = pages.page.object_list
    return render(
        request,
        "regions/organisation_directory.html",
        {
            "filter": filterset,
            "form": filterset.form,
            "filter_problems": filterset.problems,
            "organisations": organisations,
            "pages": pages,
            "types": Organisation.Type.choices,
            "query_string": filterset.query_string,
            "has_demo": any(o.is_demo for o in organisations),
        },
        status=filterset.status,
    )


@stored_download
@require_safe
def organisation_directory_download(request, fmt):
    """The directory's selection; a bad filter is a 404 (core.filters)."""
    filterset = filters.DirectoryFilterSet(request.GET).valid_or_404()
    return export_response(
        PublicOrganisationResource(request),
        filterset.qs,
        fmt,
        "regiokaart-organisaties-selectie"
        if filterset.active
        else "regiokaart-organisaties",
    )


@stored_download
@require_safe
def organisations_download(request, fmt):
    organisations = Organisation.objects.order_by("name")
    return export_response(
        OrganisationResource(), organisations, fmt, "regiokaart-organisaties"
    )
