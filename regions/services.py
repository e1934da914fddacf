"""Every write that changes derived data calls one of these, explicitly.

No save signals: the admin, Mijn regio, spreadsheet imports, boundary imports,
reverts and the demo load each call the function for their change. Derived
data (region borders, the stored map layer) is recomputed once per change, not
once per row.
"""

from collections import defaultdict

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from geo import geometry
from geo.models import Gemeente

from . import layer
from .models import GemeenteMove, Region, RegionGemeente, RegionOrganisation


def data_changed() -> None:
    """Region fields, insurers or organisations changed: rebuild the map layer."""
    layer.refresh_regions_layer()


@transaction.atomic
def rebuild_region_geometries() -> None:
    """Recompute every region's border from its gemeenten, then the map layer.

    The display borders are simplified over the whole coverage at once, so a
    change in one region keeps the borders of its neighbours identical.
    """
    shapes_by_region = defaultdict(list)
    for region_id, geojson in RegionGemeente.objects.values_list(
        "region_id", "gemeente__geometry"
    ):
        shapes_by_region[region_id].append(geometry.to_shape(geojson))

    regions = list(Region.objects.without_borders())
    composed = [r for r in regions if shapes_by_region.get(r.pk)]
    unions = [geometry.union(shapes_by_region[r.pk]) for r in composed]
    simplified = geometry.simplify_coverage(unions)
    display = {
        r.pk: geometry.to_geojson(s, geometry.DISPLAY_DECIMALS)
        for r, s in zip(composed, simplified, strict=True)
    }
    full = {r.pk: geometry.to_geojson(u) for r, u in zip(composed, unions, strict=True)}
    for region in regions:
        region.geometry = full.get(region.pk)
        region.display_geometry = display.get(region.pk)
    Region.objects.bulk_update(regions, ["geometry", "display_geometry"])
    data_changed()


def region_of(gemeenten) -> dict[int, int]:
    """gemeente pk -> region pk, for the gemeenten that are in a region."""
    return dict(
        RegionGemeente.objects.filter(gemeente__in=gemeenten).values_list(
            "gemeente_id", "region_id"
        )
    )


def gemeente_codes_in_use() -> set[str]:
    """Gemeenten a region is made of: a boundary file without them keeps them."""
    return set(RegionGemeente.objects.values_list("gemeente__code", flat=True))


@transaction.atomic
def move_gemeenten(wanted: dict[Gemeente, Region | None], user=None) -> list:
    """Put each gemeente in its wanted region (None: in no region).

    Every real move is recorded (who, when, from, to); borders and the map
    layer are rebuilt once. Returns the moves made.
    """
    current = region_of(list(wanted))
    moves = []
    for gemeente, region in wanted.items():
        old = current.get(gemeente.pk)
        new = region.pk if region else None
        if old == new:
            continue
        if new is None:
            RegionGemeente.objects.filter(gemeente=gemeente).delete()
        else:
            RegionGemeente.objects.update_or_create(
                gemeente=gemeente, defaults={"region_id": new}
            )
        moves.append(
            GemeenteMove(
                gemeente=gemeente, from_region_id=old, to_region_id=new, user=user
            )
        )
    if moves:
        GemeenteMove.objects.bulk_create(moves)
        rebuild_region_geometries()
    return moves


def set_region_gemeenten(region: Region, gemeenten, user=None) -> list:
    """Make exactly these gemeenten the region's, taking them from any other."""
    chosen = {g.pk: g for g in gemeenten}
    wanted = {g: region for g in chosen.values()}
    for gemeente in region.gemeenten.exclude(pk__in=chosen):
        wanted[gemeente] = None
    return move_gemeenten(wanted, user)


def revert_move(move: GemeenteMove, user=None) -> list:
    """Undo a move: the gemeente goes back where it came from (a new move)."""
    return move_gemeenten({move.gemeente: move.from_region}, user)


@transaction.atomic
def set_organisation_links(wanted: dict, user=None) -> None:
    """organisation -> the regions it is active in. Each added or removed link
    is saved one by one or with history, so history records who changed it."""
    existing = defaultdict(set)
    for organisation_id, region_id in RegionOrganisation.objects.filter(
        organisation__in=list(wanted)
    ).values_list("organisation_id", "region_id"):
        existing[organisation_id].add(region_id)
    added, removed = [], []
    for organisation, regions in wanted.items():
        want = {region.pk for region in regions}
        have = existing[organisation.pk]
        added.extend(
            RegionOrganisation(organisation=organisation, region_id=region_id)
            for region_id in sorted(want - have)
        )
        removed.extend((organisation.pk, region_id) for region_id in have - want)
    for organisation_id, region_id in removed:
        link = RegionOrganisation.objects.get(
            organisation_id=organisation_id, region_id=region_id
        )
        link._history_user = user
        link.delete()
    if added:
        bulk_create_with_history(added, RegionOrganisation, default_user=user)


def add_organisation(region: Region, organisation) -> None:
    RegionOrganisation.objects.get_or_create(region=region, organisation=organisation)


def remove_organisations(region: Region, organisations) -> None:
    for link in RegionOrganisation.objects.filter(
        region=region, organisation__in=organisations
    ):
        link.delete()


@transaction.atomic
def commit_gemeente_import(job):
    """Write a boundary or CBS figure import, then what depends on it."""
    report = job.commit()
    if report.committed:
        rebuild_region_geometries()
    return report
