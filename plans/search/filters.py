"""The search page's filters: status, verzekeraar, provincie, onderdeel.

The site's one filter policy: an unknown value is not ignored but answered
with a 400 naming it and the allowed values, while the page shows its form.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from geo.models import Gemeente
from organisations.models import Insurer
from regions.models import Region, RegioplanStatus

from ..models import ElementKind, PlanElement


class FilterError(ValueError):
    pass


@dataclass
class Filters:
    status: str = ""
    insurer: str = ""
    province: str = ""
    element: str = ""

    @property
    def active(self) -> bool:
        return any((self.status, self.insurer, self.province, self.element))


def choices() -> dict[str, list[tuple[str, str]]]:
    return {
        "status": list(RegioplanStatus.choices),
        "verzekeraar": list(
            Insurer.objects.order_by("name").values_list("slug", "name")
        ),
        "provincie": [
            (p, p)
            for p in Gemeente.objects.exclude(province="")
            .order_by("province")
            .values_list("province", flat=True)
            .distinct()
        ],
        "onderdeel": list(ElementKind.choices),
    }


NAMES = ("status", "verzekeraar", "provincie", "onderdeel")


def parse(params, options: dict) -> Filters:
    values = {}
    for name in NAMES:
        value = params.get(name, "").strip()
        allowed = [v for v, _label in options[name]]
        if value and value not in allowed:
            raise FilterError(
                _("Onbekende waarde voor %(name)s: %(value)s. Kies uit: %(allowed)s.")
                % {"name": name, "value": value, "allowed": ", ".join(allowed)}
            )
        values[name] = value
    return Filters(
        values["status"],
        values["verzekeraar"],
        values["provincie"],
        values["onderdeel"],
    )


def apply(regions, flt: Filters):
    if flt.status:
        regions = regions.filter(status=flt.status)
    if flt.insurer:
        regions = regions.filter(preferred_insurer__slug=flt.insurer)
    if flt.province:
        regions = regions.filter(
            pk__in=Region.objects.filter(gemeenten__province=flt.province).values("pk")
        )
    if flt.element:
        regions = regions.filter(
            pk__in=PlanElement.objects.present()
            .filter(element=flt.element)
            .values("region")
        )
    return regions
