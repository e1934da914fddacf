"""The zelfscans read for visitors: the region page, /belemmeringen/, the
download. Only public scans (SelfScan.objects.public()); every function reads
a fixed number of queries, however many regions there are.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from organisations.models import Organisation
from regions.contacts import with_public_persons
from regions.models import Region

from .models import (
    CHARACTERISTIC_KEYS,
    CHARACTERISTICS,
    OBSTACLES,
    CharacteristicState,
    Obstacle,
    ObstacleState,
    SelfScan,
)

STATE_RANK = {state: rank for rank, state in enumerate(CharacteristicState.values)}


def public_scans():
    """Public scans with their region (no borders) and its organisation."""
    return (
        SelfScan.objects.public()
        .select_related("region", "region__regional_organisation")
        .defer("region__geometry", "region__display_geometry")
    )


@dataclass
class Peer:
    """A region that overcame an obstacle: how, since when, whom to ask."""

    region: Region
    how: str
    since: int | None
    is_demo: bool
    organisation: Organisation | None = None
    persons: list = field(default_factory=list)  # published contact persons


def _peers_by_obstacle(scans: list[SelfScan], with_contacts: bool) -> dict:
    """obstacle key -> [Peer] of the scans that overcame it, by region name.
    With contacts: one query more for the organisations and their published
    persons (two with the prefetch)."""
    organisations = {}
    if with_contacts:
        ids = {
            s.region.regional_organisation_id
            for s in scans
            if s.region.regional_organisation_id
        }
        organisations = with_public_persons(
            Organisation.objects.filter(pk__in=ids)
        ).in_bulk()
    result = {o.key: [] for o in OBSTACLES}
    for scan in sorted(scans, key=lambda s: s.region.name):
        organisation = organisations.get(scan.region.regional_organisation_id)
        for obstacle in OBSTACLES:
            if getattr(scan, obstacle.state_field) != ObstacleState.OVERWONNEN:
                continue
            result[obstacle.key].append(
                Peer(
                    scan.region,
                    getattr(scan, obstacle.how_field),
                    getattr(scan, obstacle.since_field),
                    scan.is_demo,
                    organisation,
                    list(organisation.public_persons) if organisation else [],
                )
            )
    return result


def overcome_any() -> Q:
    q = Q()
    for obstacle in OBSTACLES:
        q |= Q(**{obstacle.state_field: ObstacleState.OVERWONNEN})
    return q


# -- The region page -----------------------------------------------------------


@dataclass
class MetObstacle:
    obstacle: Obstacle
    peers: list[Peer]


def region_scan_context(context) -> dict:
    """The region page's "Zelfscan" (regions.slots): the region's public scan
    in words and, for each obstacle it meets, the regions that overcame it.
    Four queries at most, however many regions."""
    region = context["region"]
    scan = public_scans().filter(region_id=region.pk).first()
    if scan is None:
        return {"scan": None, "region": region}
    met = [o for o in OBSTACLES if getattr(scan, o.state_field) == ObstacleState.SPEELT]
    peers = {}
    if met:
        others = list(
            public_scans()
            .exclude(region_id=region.pk)
            .filter(
                Q.create(
                    [(o.state_field, ObstacleState.OVERWONNEN) for o in met],
                    connector=Q.OR,
                )
            )
        )
        peers = _peers_by_obstacle(others, with_contacts=True)
    return {
        "scan": scan,
        "region": region,
        "met": [MetObstacle(o, peers.get(o.key, [])) for o in met],
        "overcome": [
            row for row in scan.obstacles() if row[1] == ObstacleState.OVERWONNEN
        ],
        "not_met": [
            row for row in scan.obstacles() if row[1] == ObstacleState.SPEELT_NIET
        ],
    }


# -- /belemmeringen/ -------------------------------------------------------------


@dataclass
class ObstacleSummary:
    obstacle: Obstacle
    meeting: list[Region]  # regions that meet it now
    overcame: list[Peer]

    @property
    def sentence(self) -> str:
        return _(
            "%(meet)s regio's lopen hier nu tegenaan; %(over)s regio's hebben het "
            "overwonnen."
        ) % {"meet": len(self.meeting), "over": len(self.overcame)}


def obstacle_summaries(scans: list[SelfScan]) -> list[ObstacleSummary]:
    """Per obstacle: the regions meeting it and those that overcame it, from
    public scans already read. No queries."""
    peers = _peers_by_obstacle(scans, with_contacts=False)
    ordered = sorted(scans, key=lambda s: s.region.name)
    return [
        ObstacleSummary(
            o,
            [
                s.region
                for s in ordered
                if getattr(s, o.state_field) == ObstacleState.SPEELT
            ],
            peers[o.key],
        )
        for o in OBSTACLES
    ]


class FilterError(ValueError):
    pass


FILTER_PARAMS = ("op_orde", "niet_op_orde")
SORT_KEYS = ["naam", "aantal", *CHARACTERISTIC_KEYS]


def parse_filters(params) -> dict[str, list[str]]:
    """?op_orde=governance&niet_op_orde=mandate: characteristics a region's
    scan must (not) have in order. An unknown value is a FilterError whose
    message names it and the values allowed (the site's filter policy)."""
    chosen = {name: [v for v in params.getlist(name) if v] for name in FILTER_PARAMS}
    unknown = sorted(
        {v for values in chosen.values() for v in values} - set(CHARACTERISTIC_KEYS)
    )
    if unknown:
        raise FilterError(
            _("Onbekend kenmerk: %(unknown)s. Kies uit: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(CHARACTERISTIC_KEYS)}
        )
    return chosen


def filter_scans(scans, chosen: dict[str, list[str]]):
    for key in chosen.get("op_orde", []):
        scans = scans.filter(**{f"{key}_state": CharacteristicState.OP_ORDE})
    for key in chosen.get("niet_op_orde", []):
        scans = scans.exclude(**{f"{key}_state": CharacteristicState.OP_ORDE})
    return scans


def sort_scans(scans: list[SelfScan], key: str, descending: bool) -> list[SelfScan]:
    """By name, by the number of characteristics in order, or by one
    characteristic's state (in order first)."""
    if key == "aantal":
        ordered = sorted(scans, key=lambda s: (-s.in_order, s.region.name))
    elif key in CHARACTERISTIC_KEYS:
        ordered = sorted(
            scans, key=lambda s: (STATE_RANK[s.state_of(key)], s.region.name)
        )
    else:
        ordered = sorted(scans, key=lambda s: s.region.name)
    return list(reversed(ordered)) if descending else ordered


def characteristic_counts(scans: list[SelfScan]) -> list[dict]:
    """Per characteristic: how many public scans have it in order, or partly."""
    return [
        {
            "key": c.key,
            "label": c.label,
            "in_order": sum(
                1 for s in scans if s.state_of(c.key) == CharacteristicState.OP_ORDE
            ),
            "partly": sum(
                1 for s in scans if s.state_of(c.key) == CharacteristicState.DEELS
            ),
        }
        for c in CHARACTERISTICS
    ]
