"""Regio's zoals de mijne: the regions most like a region by CBS figures.

Features (region sums of gemeente figures, as in kerngetallen):

- inhabitants (natural log: 20 000 vs 40 000 differs as much as 200 000 vs 400 000),
- density: inhabitants per km² land (natural log). CBS's address density
  (omgevingsadressendichtheid) is not among our gemeente figures; inhabitants
  per km² land stands in for how urban a region is,
- share 65+ (percent, weighted by inhabitants). A share 75+ is not among our
  gemeente figures either; it is left out rather than guessed,
- average road distance to a GP practice (km, weighted by inhabitants).

Each feature is standardised over all regions (z-score: minus the mean,
divided by the population standard deviation; a feature every region shares
gets z = 0). The one distance: the root mean square of the z differences over
the features both regions know (a Euclidean distance that stays comparable
when a figure is missing). Regions with no feature in common are not alike.

Order: by distance in bands of BAND z-units; within a band ("equals") regions
with a public regioplan first, then by distance, then by name. Shown: the
three nearest, a fourth and fifth only while within SIMILAR_ENOUGH.

The sentence: features whose z differ by less than SAME are "vergelijkbaar";
the others say how the similar region differs (meer/minder inwoners, meer/
minder stedelijk, meer/minder vergrijsd, huisarts verder weg/dichterbij).
It is kept as feature keys and worded at render time in the active language.

Computed once per data generation (core.generation) for all regions at once,
in two queries, and kept in the process: the region page pays one query (the
generation) whatever the number of regions.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import generation
from geo.models import Gemeente

from .kerngetallen import FIELDS, summarise_rows
from .models import Region, RegioplanStatus

FEATURES = ("inwoners", "dichtheid", "aandeel_65plus", "afstand_huisarts")
LOG_FEATURES = {"inwoners", "dichtheid"}
BAND = 0.25
SIMILAR_ENOUGH = 1.0
SAME = 0.5
SHOWN_MIN, SHOWN_MAX = 3, 5
# The region and its three most alike fill /vergelijk/ (at most four regions).
COMPARED = 3

SAME_WORDS = {
    "inwoners": gettext_lazy("inwoners"),
    "dichtheid": gettext_lazy("stedelijkheid"),
    "aandeel_65plus": gettext_lazy("vergrijzing"),
    "afstand_huisarts": gettext_lazy("afstand tot de huisarts"),
}
# (the similar region has a higher value, ... a lower value)
DIFF_WORDS = {
    "inwoners": (gettext_lazy("meer inwoners"), gettext_lazy("minder inwoners")),
    "dichtheid": (gettext_lazy("meer stedelijk"), gettext_lazy("minder stedelijk")),
    "aandeel_65plus": (
        gettext_lazy("meer vergrijsd"),
        gettext_lazy("minder vergrijsd"),
    ),
    "afstand_huisarts": (
        gettext_lazy("huisarts verder weg"),
        gettext_lazy("huisarts dichterbij"),
    ),
}


@dataclass(frozen=True)
class Similar:
    pk: int
    slug: str
    name: str
    status: str
    distance: float
    same: tuple[str, ...]  # feature keys
    differs: tuple[tuple[str, int], ...]  # (feature key, +1 higher / -1 lower)

    @property
    def status_choice(self) -> RegioplanStatus:
        return RegioplanStatus(self.status)

    @property
    def is_plan_public(self) -> bool:
        return self.status == RegioplanStatus.OPENBAAR

    @property
    def sentence(self) -> str:
        return sentence(self.same, self.differs)


def _join(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {_('en')} {words[-1]}"


def sentence(same, differs) -> str:
    """ "vergelijkbaar in inwoners en vergrijzing, minder stedelijk"."""
    parts = []
    if same:
        parts.append(
            _("vergelijkbaar in %(features)s")
            % {"features": _join([str(SAME_WORDS[key]) for key in same])}
        )
    parts.extend(str(DIFF_WORDS[key][0 if sign > 0 else 1]) for key, sign in differs)
    return ", ".join(parts)


def _features() -> dict[int, dict[str, float]]:
    """Each region's raw features, in one query over the gemeenten."""
    rows: dict[int, list[tuple]] = {}
    distances: dict[int, list[tuple]] = {}
    for region_pk, *row, km in Gemeente.objects.filter(
        region_link__isnull=False
    ).values_list("region_link__region", *FIELDS, "afstand_huisarts_km"):
        rows.setdefault(region_pk, []).append(tuple(row))
        if km is not None and row[0]:
            distances.setdefault(region_pk, []).append((row[0], float(km)))
    features = {}
    for pk, group in rows.items():
        figures = summarise_rows(group)
        values = {
            "inwoners": figures.inwoners or None,
            "dichtheid": figures.dichtheid or None,
            "aandeel_65plus": figures.aandeel_65plus,
        }
        known = distances.get(pk)
        if known:
            weight = sum(n for n, _km in known)
            values["afstand_huisarts"] = sum(n * km for n, km in known) / weight
        features[pk] = {
            key: (math.log(value) if key in LOG_FEATURES else float(value))
            for key, value in values.items()
            if value is not None
        }
    return features


def standardise(features: dict[int, dict[str, float]]) -> dict[int, dict[str, float]]:
    """z-scores per feature over the regions that know it."""
    z: dict[int, dict[str, float]] = {pk: {} for pk in features}
    for key in FEATURES:
        values = [f[key] for f in features.values() if key in f]
        if not values:
            continue
        mean = sum(values) / len(values)
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
        for pk, f in features.items():
            if key in f:
                z[pk][key] = (f[key] - mean) / sd if sd else 0.0
    return z


def distance(a: dict[str, float], b: dict[str, float]) -> float | None:
    """Root mean square of z differences over the features both know."""
    shared = [key for key in FEATURES if key in a and key in b]
    if not shared:
        return None
    return math.sqrt(sum((a[key] - b[key]) ** 2 for key in shared) / len(shared))


def compute(regions: list[tuple], features) -> dict[int, list[Similar]]:
    """regions: (pk, slug, name, status); the alike regions of every region."""
    z = standardise(features)
    result = {}
    for pk, *_rest in regions:
        mine = z.get(pk, {})
        candidates = []
        for other_pk, slug, name, status in regions:
            if other_pk == pk:
                continue
            theirs = z.get(other_pk, {})
            d = distance(mine, theirs)
            if d is None:
                continue
            shared = [key for key in FEATURES if key in mine and key in theirs]
            same = tuple(k for k in shared if abs(theirs[k] - mine[k]) < SAME)
            differs = tuple(
                (k, 1 if theirs[k] > mine[k] else -1)
                for k in shared
                if abs(theirs[k] - mine[k]) >= SAME
            )
            candidates.append(Similar(other_pk, slug, name, status, d, same, differs))
        candidates.sort(
            key=lambda s: (
                math.floor(s.distance / BAND),
                not s.is_plan_public,
                s.distance,
                s.name,
            )
        )
        shown = candidates[:SHOWN_MIN] + [
            s for s in candidates[SHOWN_MIN:SHOWN_MAX] if s.distance <= SIMILAR_ENOUGH
        ]
        result[pk] = shown
    return result


_cache: dict[int, dict[int, list[Similar]]] = {}


def all_similar() -> dict[int, list[Similar]]:
    """Every region's alike regions, computed once per data generation."""
    current = generation.current()
    found = _cache.get(current)
    if found is None:
        regions = list(
            Region.objects.order_by("name").values_list("pk", "slug", "name", "status")
        )
        found = compute(regions, _features())
        _cache.clear()
        _cache[current] = found
    return found


def for_region(region: Region) -> list[Similar]:
    return all_similar().get(region.pk, [])
