"""Progress over time, for /voortgang/, the feeds and the curator's dashboard.

Each function reads a fixed number of queries, however many regions, gemeenten,
status changes, gemeente moves or plan-element history rows there are: each
history is loaded once (regions.history, regions.composition,
progress.element_history) and answered in Python.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from plans.models import ElementKind
from regions.maplayer.composition import load_composition
from regions.maplayer.history import cached_timeline, counts_of
from regions.models import Region, RegioplanStatus, StatusChange
from selfscan.history import ObstacleCount, load_scan_timeline

from .element_history import ElementCount, load_element_timeline

MAX_MONTHS = 120  # ten years is as far back as the charts go


@dataclass(frozen=True)
class MonthPoint:
    day: datetime.date  # the last day of the month (today for this month)
    counts: dict[str, int]  # status -> regions with that status on day
    share_public: float  # percent of inhabitants in a region with a public plan
    elements: dict[str, ElementCount]  # element kind -> regions that had it

    @property
    def total(self) -> int:
        """The regions that existed on day."""
        return sum(self.counts.values())


def month_ends(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The last day of each month from first's month to last's; last itself
    for the last (unfinished) month."""
    days = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
        end = datetime.date(next_year, next_month, 1) - datetime.timedelta(days=1)
        days.append(min(end, last))
        year, month = next_year, next_month
    return days[-MAX_MONTHS:]


def public_share(
    statuses: dict[int, str | None], inhabitants: dict[int, int], total: int
) -> float:
    """Percent of all inhabitants living in a region whose plan was public.

    statuses and inhabitants are of the same day: a region that did not exist
    yet has no status, so its inhabitants count for none."""
    if not total:
        return 0.0
    public = sum(
        inhabitants.get(region_id, 0)
        for region_id, status in statuses.items()
        if status == RegioplanStatus.OPENBAAR
    )
    return 100 * public / total


def monthly(today: datetime.date | None = None) -> list[MonthPoint]:
    """Per month: regions per status, the public-plan inhabitant share (with
    the gemeenten each region had then) and the elements of the regions'
    plans. Seven queries, however long the history."""
    today = today or timezone.localdate()
    timeline = cached_timeline()
    composition = load_composition()
    elements = load_element_timeline()
    firsts = [d for d in (timeline.first_date(), elements.first_date()) if d]
    points = []
    for day in month_ends(min([*firsts, today]), today):
        statuses = timeline.statuses_on(day)
        existing = {pk for pk, status in statuses.items() if status}
        points.append(
            MonthPoint(
                day,
                counts_of(statuses),
                public_share(
                    statuses,
                    composition.inhabitants_on(day),
                    composition.total_inhabitants,
                ),
                elements.counts_on(day, existing),
            )
        )
    return points


def latest_changes(limit: int = 15):
    """The most recent status changes, for visitors: no one's name in it."""
    return StatusChange.objects.for_display().only(
        "region__name",
        "region__slug",
        "previous_status",
        "status",
        "effective_date",
        "is_demo",
        "created_at",
    )[:limit]


def has_demo() -> bool:
    """Whether any region or status change shown is demo data."""
    return (
        Region.objects.filter(is_demo=True).exists()
        or StatusChange.objects.filter(is_demo=True).exists()
    )


@dataclass(frozen=True)
class ElementRow:
    label: str
    present: int
    partly: int
    regions: int

    @property
    def percent(self) -> float:
        return 100 * self.present / self.regions if self.regions else 0.0

    @property
    def partly_percent(self) -> float:
        return 100 * self.partly / self.regions if self.regions else 0.0


def element_rows(point: MonthPoint) -> list[ElementRow]:
    """Per element of a good regioplan (plans app): in how many of the regions
    of that month the plan had it, or partly. No queries."""
    return [
        ElementRow(
            str(kind.label),
            point.elements[kind.value].present,
            point.elements[kind.value].partly,
            point.total,
        )
        for kind in ElementKind
    ]


@dataclass(frozen=True)
class ObstaclePoint:
    day: datetime.date
    counts: dict[str, ObstacleCount]  # obstacle key -> public scans then
    total: int  # regions that existed on day


def obstacles_monthly(points: list[MonthPoint]) -> list[ObstaclePoint]:
    """Per month of points: how many public zelfscans met each obstacle and how
    many had overcome it (selfscan app). Two queries, however long the history."""
    timeline = load_scan_timeline()
    return [
        ObstaclePoint(point.day, timeline.counts_on(point.day), point.total)
        for point in points
    ]
