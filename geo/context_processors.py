from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from .models import Gemeente


def cbs_attribution(year) -> str:
    return _(
        "Bron: CBS, Kadaster/PDOK – CBS Gebiedsindelingen %(year)s; "
        "CBS – Kerncijfers wijken en buurten %(year)s (CC BY 4.0)"
    ) % {"year": year or ""}


def cbs(request):
    """The CBS attribution, with the year of the figures actually loaded."""
    year = SimpleLazyObject(Gemeente.objects.data_year)
    return {
        "CBS_YEAR": year,
        "CBS_ATTRIBUTION": SimpleLazyObject(lambda: cbs_attribution(year)),
    }
