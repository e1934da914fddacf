"""The regioplan status of every region on any date, from StatusChange rows.

Loaded in two queries whatever the number of regions or changes, then answered
in Python, so a chart of sixty months costs no more queries than one date.

Before a region's first recorded change its status is that change's previous
status; a region whose first change is its creation did not exist yet (None).
A region without any recorded change has always had its current status.
A region that no longer exists (a pk not in the table) has no status (None).
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max

from core import generation

from ..models import Region, RegioplanStatus, StatusChange


@dataclass(frozen=True)
class Step:
    date: datetime.date
    previous: str
    status: str


@dataclass
class Timeline:
    current: dict[int, str]  # region pk -> status now
    steps: dict[int, list[Step]]  # region pk -> its changes, oldest first

    def status_on(self, region_id: int, day: datetime.date) -> str | None:
        steps = self.steps.get(region_id)
        if not steps:
            return self.current.get(region_id)
        status = steps[0].previous or None
        for step in steps:
            if step.date > day:
                break
            status = step.status
        return status

    def statuses_on(self, day: datetime.date) -> dict[int, str | None]:
        return {pk: self.status_on(pk, day) for pk in self.current}

    def first_date(self) -> datetime.date | None:
        dates = [steps[0].date for steps in self.steps.values() if steps]
        return min(dates) if dates else None


def counts_of(statuses: dict[int, str | None]) -> dict[str, int]:
    """Regions per status, from statuses_on(); a region that did not exist
    yet (None) counts in none."""
    counts = Counter(status for status in statuses.values() if status)
    return {status: counts.get(status, 0) for status in RegioplanStatus.values}


def load_timeline() -> Timeline:
    """Every region's status history, in two queries."""
    current = dict(Region.objects.order_by().values_list("pk", "status"))
    steps = defaultdict(list)
    rows = StatusChange.objects.order_by(
        "region_id", "effective_date", "created_at", "pk"
    ).values_list("region_id", "effective_date", "previous_status", "status")
    for region_id, day, previous, status in rows:
        steps[region_id].append(Step(day, previous, status))
    return Timeline(current, dict(steps))


# One timeline per process, for the data generation and history stamp it was
# loaded at: the map on a date and /voortgang/ read it without loading every
# status change again (an explicit write bumps the generation; the stamp also
# sees a change written without one).
_cached: dict[str, tuple[tuple, Timeline]] = {}


def cached_timeline() -> Timeline:
    """load_timeline(), kept while nothing changed: two small queries."""
    key = (generation.current(), history_stamp())
    kept = _cached.get("timeline")
    if kept is None or kept[0] != key:
        kept = (key, load_timeline())
        _cached["timeline"] = kept
    return kept[1]


def history_stamp() -> str:
    """Changes whenever a status change is added, edited or deleted."""
    stamp = StatusChange.objects.aggregate(n=Count("pk"), last=Max("updated_at"))
    last = stamp["last"].isoformat() if stamp["last"] else "-"
    return f"{stamp['n']}-{last}"
