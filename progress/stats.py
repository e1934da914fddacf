"""Progress over time, for /voortgang/, the feeds and the curator's dashboard.

Each function reads a fixed number of queries, however many regions, gemeenten
or status changes there are: the history is loaded once (regions.history) and
answered in Python.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone

from geo.models import Gemeente
from plans.models import ElementKind, ElementState, PlanElement
from regions.history import Timeline, load_timeline
from regions.models import Region, RegionGemeente, RegioplanStatus, StatusChange

MAX_MONTHS = 120  # ten years is as far back as the charts go


@dataclass(frozen=True)
class MonthPoint:
    day: datetime.date  # the last day of the month (today for this month)
    counts: dict[str, int]  # status -> regions with that status on day
    share_public: float  # percent of inhabitants in a region with a public plan

    @property
    def total(self) -> int:
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


def inhabitants_by_region() -> dict[int, int]:
    """CBS inwoners per region, summed over its gemeenten (now)."""
    rows = (
        RegionGemeente.objects.order_by()
        .values("region_id")
        .annotate(n=Sum("gemeente__inwoners"))
        .values_list("region_id", "n")
    )
    return {region_id: n or 0 for region_id, n in rows}


def total_inhabitants() -> int:
    """All inhabitants of the Netherlands: every gemeente, in a region or not."""
    return Gemeente.objects.aggregate(n=Sum("inwoners"))["n"] or 0


def public_share(
    timeline: Timeline, day: datetime.date, inhabitants: dict[int, int], total: int
) -> float:
    """Percent of all inhabitants living in a region whose plan was public."""
    if not total:
        return 0.0
    public = sum(
        inhabitants.get(region_id, 0)
        for region_id, status in timeline.statuses_on(day).items()
        if status == RegioplanStatus.OPENBAAR
    )
    return 100 * public / total


def monthly(today: datetime.date | None = None) -> list[MonthPoint]:
    """Per month: regions per status and the public-plan inhabitant share."""
    today = today or timezone.localdate()
    timeline = load_timeline()
    inhabitants, total = inhabitants_by_region(), total_inhabitants()
    first = timeline.first_date() or today
    return [
        MonthPoint(
            day,
            timeline.counts_on(day),
            public_share(timeline, day, inhabitants, total),
        )
        for day in month_ends(min(first, today), today)
    ]


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


def plan_elements() -> list[ElementRow]:
    """Per element of a good regioplan (plans app): in how many regions' plans
    it is present or partly present, now. Two queries."""
    regions = Region.objects.count()
    counts = {
        row["element"]: row
        for row in PlanElement.objects.order_by()
        .values("element")
        .annotate(
            present=Count("pk", filter=Q(state=ElementState.AANWEZIG)),
            partly=Count("pk", filter=Q(state=ElementState.DEELS)),
        )
    }
    return [
        ElementRow(
            str(kind.label),
            counts.get(kind.value, {}).get("present", 0),
            counts.get(kind.value, {}).get("partly", 0),
            regions,
        )
        for kind in ElementKind
    ]
