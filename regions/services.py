"""Every write that changes derived data calls one of these, explicitly.

No save signals: the admin, Mijn regio, spreadsheet imports, boundary imports,
reverts and the demo load each call the function for their change. Derived
data (region borders, the stored map layer) is recomputed once per change, not
once per row.
"""

import datetime
import threading
from collections import defaultdict
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from core import generation
from core.models import ImportLog
from geo import geometry
from geo.importers import Action, ImportReport
from geo.models import Gemeente
from organisations.models import CONTACT_FIELDS, ContactPerson

from .maplayer import layer
from .models import (
    Activity,
    GemeenteMove,
    Region,
    RegionGemeente,
    RegionOrganisation,
    StatusChange,
)

_collecting = threading.local()


def data_changed() -> None:
    """Region fields, insurers or organisations changed: rebuild the map layer
    and let the search index know it is out of date. Inside
    data_changes_collected() the call is only noted."""
    if getattr(_collecting, "active", False):
        _collecting.asked = True
        return
    layer.refresh_regions_layer()
    generation.bump()  # cached pages, downloads and the search index are stale


@contextmanager
def data_changes_collected():
    """Several writes, one rebuild: inside, data_changed() is only noted; the
    caller calls data_changed() once afterwards, if the writes were kept (the
    workbook import: every sheet asks, the map is rebuilt once)."""
    _collecting.active, _collecting.asked = True, False
    try:
        yield _collecting
    finally:
        _collecting.active = False


@transaction.atomic
def commit_import(
    job, *, borders: bool, what: str, file_name: str = "", user=None
) -> ImportReport:
    """Write a reference import (boundaries, CBS figures, postcodes, zones, GP
    distance) in one transaction, rebuild what depends on it once, and log it.

    job is one of geo's imports (`commit()` validates the whole file again and
    writes only a file without errors); borders: the region borders follow the
    gemeenten (boundaries, figures), else only the map layer, the search index
    and cached pages (data_changed). what: the log's "gegevens", in Dutch."""
    report = job.commit()
    if report.committed:
        if borders:
            rebuild_region_geometries()
        else:
            data_changed()
        ImportLog.objects.create(
            user=user,
            model=str(what)[:100],
            file_name=file_name[:255],
            new=report.count(Action.NEW),
            updated=report.count(Action.CHANGED),
            unchanged=report.count(Action.UNCHANGED),
            deleted=report.count(Action.REMOVED),
        )
    return report


# Data derived from a region's documents (the search inside public plans,
# in plans) is kept by a higher app; it registers here from its ready(), and
# every path that saves a region's plan or status calls documents_changed().
_document_listeners: list = []


def on_documents_changed(listener) -> None:
    if listener not in _document_listeners:
        _document_listeners.append(listener)


def documents_changed(region: Region) -> None:
    """The region's plan document or status was saved: a plan that became
    private or was replaced leaves the search index at once."""
    for listener in _document_listeners:
        listener(region)


def record_status(
    region: Region,
    old_status: str | None,
    user=None,
    effective_date: datetime.date | None = None,
    note: str = "",
) -> StatusChange | None:
    """Record the region's status if it differs from old_status (None: a new
    region). The one writer of StatusChange; every path that changes a status
    calls it after saving. Returns the change, or None if nothing changed."""
    if old_status == region.status:
        return None
    return StatusChange.objects.create(
        region=region,
        previous_status=old_status or "",
        status=region.status,
        effective_date=effective_date or timezone.localdate(),
        recorded_by=user if user is not None and user.is_authenticated else None,
        note=note,
        # A person's edit is real, even in a demo region: no demo tag on it.
        is_demo=region.is_demo and not (user is not None and user.is_authenticated),
    )


def confirm(region: Region) -> None:
    """An editor says the entry is still right (or just changed it). Not a
    change of the entry itself: no new version, no history row."""
    region.confirmed_at = timezone.now()
    Region.objects.filter(pk=region.pk).update(confirmed_at=region.confirmed_at)


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


MERGE_FILL_FIELDS = ["kvk_number", "agb_number", *CONTACT_FIELDS]


@transaction.atomic
def merge_organisations(keep, other, user=None) -> dict[str, int]:
    """Fold `other` into `keep`: region links, regions led, activities and
    contact persons move over (each saved one by one, so history records who),
    empty contact fields of `keep` are filled from `other`, `other` is deleted
    (its history stays). Returns what moved."""
    moved = {"regio's": 0, "geleid": 0, "activiteiten": 0, "contactpersonen": 0}
    have = set(
        RegionOrganisation.objects.filter(organisation=keep).values_list(
            "region_id", flat=True
        )
    )
    for link in RegionOrganisation.objects.filter(organisation=other):
        link._history_user = user
        if link.region_id in have:
            link.delete()
            continue
        link.organisation = keep
        link.save()
        moved["regio's"] += 1
    for region in Region.objects.without_borders().filter(regional_organisation=other):
        region.regional_organisation = keep
        region._history_user = user
        region.save()
        moved["geleid"] += 1
    for activity in Activity.objects.filter(organisation=other):
        activity.organisation = keep
        activity._history_user = user
        activity.save()
        moved["activiteiten"] += 1
    for person in ContactPerson.objects.filter(organisation=other):
        person.organisation = keep
        person._history_user = user
        person.save()
        moved["contactpersonen"] += 1
    filled = [
        f for f in MERGE_FILL_FIELDS if not getattr(keep, f) and getattr(other, f)
    ]
    values = {f: getattr(other, f) for f in filled}
    other._history_user = user
    other.delete()  # first: KvK and AGB numbers are unique
    if filled:
        for field_name, value in values.items():
            setattr(keep, field_name, value)
        keep._history_user = user
        keep.save()
    data_changed()
    return moved


def document_replaced(old_name: str, new_name: str) -> None:
    """A region's plan document was replaced or removed: once the change is
    committed, the old file goes (it is served to nobody any more)."""
    if old_name and old_name != new_name:
        storage = Region._meta.get_field("plan_document").storage
        transaction.on_commit(lambda: storage.delete(old_name))
