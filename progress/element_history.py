"""Which elements of a good regioplan each region's plan had on any date, from
PlanElement's history (django-simple-history).

Loaded in two queries whatever the number of regions or history rows (the
elements now and every history row), then answered in Python, like
regions.history does for statuses. A history row counts from its local date on.

For one region's element on a day:
- with no history row after that day, it had the state it has now (also when
  it has no history at all: rows written in bulk leave none);
- otherwise, the state of its last history row on or before that day; none if
  that row records its deletion;
- before its first history row: none if that row is its creation, else (its
  history started while it existed) the state of that first row.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from plans.models import ElementKind, ElementState, PlanElement

Key = tuple[int, str]  # (region pk, element kind)
DELETED = "-"
CREATED = "+"


@dataclass(frozen=True)
class Step:
    date: datetime.date
    state: str | None  # None: deleted


@dataclass(frozen=True)
class ElementCount:
    present: int  # regions whose plan had it (aanwezig)
    partly: int  # regions whose plan partly had it (deels)


@dataclass
class ElementTimeline:
    current: dict[Key, str]  # state now, of every stored element
    initial: dict[Key, str | None]  # state before the first history row
    steps: dict[Key, list[Step]]  # history rows, oldest first

    def state_on(self, key: Key, day: datetime.date) -> str | None:
        steps = self.steps.get(key)
        if not steps or steps[-1].date <= day:
            return self.current.get(key)
        state = self.initial[key]
        for step in steps:
            if step.date > day:
                break
            state = step.state
        return state

    def counts_on(
        self, day: datetime.date, regions: set[int]
    ) -> dict[str, ElementCount]:
        """element kind -> how many of these regions had it on day."""
        present, partly = defaultdict(int), defaultdict(int)
        for key in self.current.keys() | self.steps.keys():
            region_id, kind = key
            if region_id not in regions:
                continue
            state = self.state_on(key, day)
            if state == ElementState.AANWEZIG:
                present[kind] += 1
            elif state == ElementState.DEELS:
                partly[kind] += 1
        return {
            kind: ElementCount(present[kind], partly[kind])
            for kind in ElementKind.values
        }

    def first_date(self) -> datetime.date | None:
        dates = [steps[0].date for steps in self.steps.values()]
        return min(dates) if dates else None


def load_element_timeline() -> ElementTimeline:
    """Every region's plan elements now and their history, in two queries."""
    current = {
        (region_id, kind): state
        for region_id, kind, state in PlanElement.objects.order_by().values_list(
            "region_id", "element", "state"
        )
    }
    initial, steps = {}, defaultdict(list)
    rows = PlanElement.history.order_by("history_date", "history_id").values_list(
        "region_id", "element", "state", "history_type", "history_date"
    )
    for region_id, kind, state, history_type, moment in rows:
        key = (region_id, kind)
        if key not in initial:
            initial[key] = None if history_type == CREATED else state
        steps[key].append(
            Step(
                timezone.localdate(moment),
                None if history_type == DELETED else state,
            )
        )
    return ElementTimeline(current, initial, dict(steps))
