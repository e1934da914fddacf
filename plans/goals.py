"""Goals and milestones as visitors see them: only Goal.objects.public().

Every public reader goes through public_goals(), so a goal a region marks
private appears on no page, in no count and no download. Each reader costs a
fixed number of queries (goals with region, theme and owner; milestones).
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from regions.models import Theme

from .models import Goal, Milestone

REGION_DEFERRED = ("region__geometry", "region__display_geometry")


def public_goals():
    return (
        Goal.objects.public()
        .select_related("region", "theme", "owner")
        .defer(*REGION_DEFERRED)
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("due", "title"))
        )
    )


def region_goals_context(context) -> dict:
    """The region page's goals (regions.slots): two queries."""
    region = context["region"]
    return {"goals": list(public_goals().filter(region=region))}


@dataclass
class ThemeGoals:
    theme: Theme
    goals: list = field(default_factory=list)

    @property
    def region_count(self) -> int:
        return len({goal.region_id for goal in self.goals})


def by_theme(goals=None) -> list[ThemeGoals]:
    """Public goals grouped by theme, themes by name: "12 regio's werken aan …"."""
    goals = public_goals() if goals is None else goals
    grouped: OrderedDict[int, ThemeGoals] = OrderedDict()
    for goal in goals.order_by("theme__name", "region__name", "title"):
        grouped.setdefault(goal.theme_id, ThemeGoals(goal.theme)).goals.append(goal)
    return list(grouped.values())


def region_goals(region_pks) -> dict[int, list]:
    """Public goals of several regions (for /vergelijk/), by region pk."""
    result: dict[int, list] = {pk: [] for pk in region_pks}
    for goal in public_goals().filter(region__in=list(region_pks)):
        result[goal.region_id].append(goal)
    return result


def reached_by_month(months: list) -> list[tuple]:
    """(month start, public goals reached by the end of that month): one query."""
    dates = sorted(
        Goal.objects.public()
        .filter(reached_on__isnull=False)
        .values_list("reached_on", flat=True)
    )
    rows = []
    for month in months:
        rows.append((month, sum(1 for d in dates if d < _next_month(month))))
    return rows


def _next_month(day):
    return day.replace(year=day.year + day.month // 12, month=day.month % 12 + 1, day=1)
