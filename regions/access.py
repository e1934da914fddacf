"""Who may open which region in "Mijn regio": one pair of helpers.

Every editor view finds its region here, never through a query of its own
(healthchecks' `_get_check_for_user` / `_get_rw_check_for_user` are the model):

- `readable_region` for pages that only show: any member of the region, and
  curators. Everyone else gets a 404, which says nothing about the region.
- `editable_region` for pages that change something: a member whose role may
  edit (`RegionMembership.EDITING_ROLES`), and curators. Other members get a
  403; everyone else a 404, for GET and POST alike.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import Region


def readable_region(request, slug) -> Region:
    return get_object_or_404(
        Region.objects.for_member(request.user).with_related(), slug=slug
    )


def editable_region(request, slug) -> Region:
    region = readable_region(request, slug)
    if not region.member_can_edit:
        raise PermissionDenied
    return region
