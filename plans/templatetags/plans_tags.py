"""The region page's "Van regiobeeld naar contract" section, rendered by plans.

regions' view knows nothing of plans; its template loads this tag (the one
accepted exception to the one-way rule) and plans does the reading.
"""

from django import template

from regions.models import Region

from .. import overview

register = template.Library()


@register.inclusion_tag("plans/_chain.html")
def region_chain(region: Region) -> dict:
    region = overview.with_chain(Region.objects.without_borders()).get(pk=region.pk)
    return {"chain": overview.chain(region), "region": region}
