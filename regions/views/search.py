"""The search page: a postcode, place, gemeente, region or organisation."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.pagecache import Param, Query, public_page

from .. import (
    contacts,
    search,
)
from ..models import Region


@public_page(query=Query(Param("q"), Param("lat"), Param("lon")))
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
