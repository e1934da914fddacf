"""Demo history for the demo regions: a plausible path over the last few years
that ends at each region's current status, and for their plan elements (the
plans demo writes them in bulk, without history) one that ends at each
element's current state. Every row is marked is_demo and shown with the demo
notice; none of it is real, and real rows never get invented history."""

import datetime
import zlib
from collections import defaultdict

from django.utils import timezone

from plans.models import ElementState, PlanElement
from regions.models import Region, RegioplanStatus, StatusChange

S = RegioplanStatus
# The way to each status, after the first one a region appears with.
PATHS = {
    S.OPENBAAR: [S.ONBEKEND, S.IN_ONTWIKKELING, S.NIET_OPENBAAR, S.OPENBAAR],
    S.NIET_OPENBAAR: [S.ONBEKEND, S.IN_ONTWIKKELING, S.NIET_OPENBAAR],
    S.IN_ONTWIKKELING: [S.ONBEKEND, S.GEEN, S.IN_ONTWIKKELING],
    S.ONBEKEND: [S.ONBEKEND],
    S.GEEN: [S.ONBEKEND, S.GEEN],
}
START = datetime.date(2022, 1, 1)


def history_for(region: Region, today: datetime.date) -> list[StatusChange]:
    """A deterministic path for one region, from its slug."""
    seed = zlib.crc32(region.slug.encode())
    path = list(PATHS[RegioplanStatus(region.status)])
    if seed % 3 == 0 and len(path) == 4:
        path.remove(S.NIET_OPENBAAR)  # some publish straight away
    first = START + datetime.timedelta(days=seed % 240)
    # Each region reaches its present status somewhere in the second half.
    span = (today - first).days * (45 + (seed >> 8) % 53) // 100
    steps = max(len(path) - 1, 1)
    changes, previous = [], ""
    for i, status in enumerate(path):
        offset = 0 if i == 0 else span * i // steps - (seed >> (4 * i)) % 45
        day = first + datetime.timedelta(days=max(offset, i))
        changes.append(
            StatusChange(
                region=region,
                previous_status=previous,
                status=status,
                effective_date=day,
                is_demo=True,
            )
        )
        previous = status
    return changes


E = ElementState
# The way to each state, from the unknown state every element is created with.
ELEMENT_PATHS = {
    E.AANWEZIG: [E.ONBEKEND, E.DEELS, E.AANWEZIG],
    E.DEELS: [E.ONBEKEND, E.DEELS],
    E.AFWEZIG: [E.ONBEKEND, E.AFWEZIG],
    E.ONBEKEND: [E.ONBEKEND],
}


def _moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def element_history_for(element: PlanElement, slug: str, dates: list) -> list:
    """A deterministic path for one demo element, from its region's slug: created
    on the region's first demo date, reaching its present state by the date the
    region reached its present status. dates: the region's demo status dates,
    oldest first."""
    seed = zlib.crc32(f"{slug}:{element.element}".encode())
    first, last = dates[0], dates[-1]
    start = dates[1] if len(dates) > 1 else first  # work starts after a first step
    path = ELEMENT_PATHS[ElementState(element.state)]
    steps = max(len(path) - 1, 1)
    rows = []
    for i, state in enumerate(path):
        if i == 0:
            day = first
        else:
            share = i * (50 + (seed >> (4 * i)) % 50) // steps
            day = start + datetime.timedelta(days=(last - start).days * share // 100)
        rows.append(
            PlanElement.history.model(
                id=element.pk,
                region_id=element.region_id,
                element=element.element,
                state=state,
                note=element.note,
                page=element.page,
                is_demo=True,
                history_date=_moment(day),
                history_type="+" if i == 0 else "~",
                history_change_reason="demo",
            )
        )
    return rows


def element_history() -> int:
    """Demo history for the demo plan elements of demo regions that have none,
    dated along their region's demo status history."""
    regions = dict(Region.objects.filter(is_demo=True).values_list("pk", "slug"))
    dates = defaultdict(list)
    for region_id, day in (
        StatusChange.objects.filter(is_demo=True, region__is_demo=True)
        .order_by("effective_date", "pk")
        .values_list("region_id", "effective_date")
    ):
        dates[region_id].append(day)
    with_history = PlanElement.history.values("id")
    elements = PlanElement.objects.filter(
        is_demo=True, region__is_demo=True, region_id__in=list(dates)
    ).exclude(pk__in=with_history)
    rows = [
        row
        for element in elements
        for row in element_history_for(
            element, regions[element.region_id], dates[element.region_id]
        )
    ]
    PlanElement.history.model.objects.bulk_create(rows)
    return len(rows)


def load() -> dict:
    """Demo history for every demo region without recorded changes, then for
    their plan elements."""
    today = timezone.localdate()
    regions = Region.objects.filter(is_demo=True, status_changes__isnull=True)
    changes = [
        change
        for region in regions.without_borders()
        for change in history_for(region, today)
    ]
    StatusChange.objects.bulk_create(changes)
    return {
        "statuswijzigingen (demo)": len(changes),
        "historie van regioplanonderdelen (demo)": element_history(),
    }
