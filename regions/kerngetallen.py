"""Key figures (kerngetallen) of a region, summed and weighted from its gemeenten."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from geo.models import Gemeente

from .models import Region


@dataclass(frozen=True)
class Kerngetallen:
    gemeenten: int
    inwoners: int
    huishoudens: int
    aandeel_65plus: float | None  # percent, weighted by inhabitants
    aandeel_0_15: float | None
    area_km2: float
    land_km2: float | None  # derived from CBS's density (inhabitants per km² land)
    year: int | None

    @property
    def dichtheid(self) -> float | None:
        if not self.land_km2:
            return None
        return self.inwoners / self.land_km2

    @property
    def gem_huishoudensgrootte(self) -> float | None:
        return self.inwoners / self.huishoudens if self.huishoudens else None


FIELDS = (
    "inwoners",
    "huishoudens",
    "aandeel_65plus",
    "aandeel_0_15",
    "area_km2",
    "bevolkingsdichtheid",
    "kerncijfers_year",
)


def summarise(gemeenten) -> Kerngetallen:
    """Add up CBS figures over a queryset of gemeenten.

    Shares are weighted by inhabitants. CBS rounds shares to whole percents, so
    a region's share is a close estimate, not an exact count.
    """
    rows = list(gemeenten.values_list(*FIELDS))
    inwoners = sum(r[0] or 0 for r in rows)

    def weighted(index: int) -> float | None:
        known = [(r[0], r[index]) for r in rows if r[0] and r[index] is not None]
        weight = sum(n for n, _share in known)
        if not weight:
            return None
        return sum(n * share for n, share in known) / weight

    densities = [(r[0], r[5]) for r in rows if r[0] and r[5]]
    land = sum(n / d for n, d in densities) if densities else None
    years = {r[6] for r in rows if r[6]}
    return Kerngetallen(
        gemeenten=len(rows),
        inwoners=inwoners,
        huishoudens=sum(r[1] or 0 for r in rows),
        aandeel_65plus=weighted(2),
        aandeel_0_15=weighted(3),
        area_km2=sum(r[4] or 0 for r in rows),
        land_km2=land,
        year=max(years) if years else None,
    )


def for_region(region: Region) -> Kerngetallen:
    return summarise(region.gemeenten.all())


def for_netherlands() -> Kerngetallen:
    return summarise(Gemeente.objects.all())


ROWS = (
    ("inwoners", _("Inwoners"), "int"),
    ("huishoudens", _("Huishoudens"), "int"),
    ("gem_huishoudensgrootte", _("Gemiddelde huishoudensgrootte"), "dec1"),
    ("aandeel_65plus", _("Aandeel 65 jaar en ouder"), "pct"),
    ("aandeel_0_15", _("Aandeel 0 tot 15 jaar"), "pct"),
    ("area_km2", _("Oppervlakte (km²)"), "int"),
    ("dichtheid", _("Inwoners per km² land"), "int"),
    ("gemeenten", _("Gemeenten"), "int"),
)


def comparison(region: Region) -> list[dict]:
    """Rows of (label, region value, Netherlands value) for the region page."""
    mine, nl = for_region(region), for_netherlands()
    return [
        {
            "key": key,
            "label": label,
            "kind": kind,
            "region": getattr(mine, key),
            "nl": getattr(nl, key),
        }
        for key, label, kind in ROWS
    ]
