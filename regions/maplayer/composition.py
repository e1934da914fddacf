"""Which region each gemeente belonged to on any date, from GemeenteMove rows.

Loaded in three queries whatever the number of gemeenten or moves, then
answered in Python: start from today's composition (RegionGemeente) and undo,
newest first, every move made after the date. A move counts from the day it
was made on: GemeenteMove.created_at is a moment, its day is the local date
(Europe/Amsterdam), so a move at 00:30 on 1 June counts for 1 June.

A move from no region into a region is where the record of that gemeente
starts (the first import of the regions, or adding a gemeente by hand): it is
not undone, so a past date counts the gemeente in the region it first joined.
Otherwise every date before the first import would count no inhabitants at
all, while statuses are dated back to before it. A move out of a region into
none is undone like any other.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from geo.models import Gemeente

from ..models import GemeenteMove, RegionGemeente


@dataclass(frozen=True)
class Move:
    day: datetime.date  # the local date it was made on
    gemeente_id: int
    from_region_id: int | None
    to_region_id: int | None


@dataclass
class Composition:
    current: dict[int, int]  # gemeente pk -> region pk now (absent: no region)
    moves: list[Move]  # newest first
    inwoners: dict[int, int]  # gemeente pk -> CBS inwoners, every gemeente

    def regions_on(self, day: datetime.date) -> dict[int, int]:
        """gemeente pk -> region pk at the end of day, for gemeenten in a region."""
        regions = dict(self.current)
        for move in self.moves:
            if move.day <= day:
                break
            if move.from_region_id is not None:  # joining from none: kept
                regions[move.gemeente_id] = move.from_region_id
        return regions

    def inhabitants_on(self, day: datetime.date) -> dict[int, int]:
        """region pk -> inwoners of the gemeenten it had on day."""
        totals = defaultdict(int)
        for gemeente_id, region_id in self.regions_on(day).items():
            totals[region_id] += self.inwoners.get(gemeente_id, 0)
        return dict(totals)

    @property
    def total_inhabitants(self) -> int:
        """All inhabitants of the country: every gemeente, in a region or not."""
        return sum(self.inwoners.values())


def load_composition() -> Composition:
    """Today's composition, every move and every gemeente's inwoners: three
    queries."""
    current = dict(
        RegionGemeente.objects.order_by().values_list("gemeente_id", "region_id")
    )
    rows = GemeenteMove.objects.order_by("-created_at", "-pk").values_list(
        "created_at", "gemeente_id", "from_region_id", "to_region_id"
    )
    moves = [
        Move(timezone.localdate(moment), gemeente_id, from_id, to_id)
        for moment, gemeente_id, from_id, to_id in rows
    ]
    inwoners = {
        pk: n or 0
        for pk, n in Gemeente.objects.order_by().values_list("pk", "inwoners")
    }
    return Composition(current, moves, inwoners)
