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
    return summarise_rows(list(gemeenten.values_list(*FIELDS)))


def summarise_rows(rows: list[tuple]) -> Kerngetallen:
    """summarise() on rows already read: values_list(*FIELDS) of the gemeenten."""
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


def for_regions(regions) -> dict[int, Kerngetallen]:
    """Kerngetallen of several regions (by pk) in one query."""
    grouped = {region.pk: [] for region in regions}
    rows = Gemeente.objects.filter(region_link__region__in=list(grouped)).values_list(
        "region_link__region", *FIELDS
    )
    for region_pk, *row in rows:
        grouped[region_pk].append(tuple(row))
    return {pk: summarise_rows(group) for pk, group in grouped.items()}


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


@dataclass(frozen=True)
class GpDistance:
    """CBS: average road distance to the nearest GP practice, in km, weighted
    by inhabitants over the gemeenten; with the year of the CBS figures."""

    region: float | None
    nl: float | None
    year: int | None


def _weighted_distance(gemeenten) -> tuple[float | None, int | None]:
    rows = [
        (inwoners, float(km), year)
        for inwoners, km, year in gemeenten.filter(
            afstand_huisarts_km__isnull=False, inwoners__gt=0
        ).values_list("inwoners", "afstand_huisarts_km", "afstand_huisarts_year")
    ]
    weight = sum(n for n, _km, _year in rows)
    if not weight:
        return None, None
    return (
        sum(n * km for n, km, _year in rows) / weight,
        max(year for _n, _km, year in rows),
    )


def gp_distance(region: Region) -> GpDistance:
    mine, year = _weighted_distance(region.gemeenten.all())
    nl, nl_year = _weighted_distance(Gemeente.objects.all())
    return GpDistance(mine, nl, year or nl_year)
