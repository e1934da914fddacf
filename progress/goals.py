"""Public goals reached over time (plans.Goal.reached_on), for /voortgang/.

Only Goal.objects.public() counts: a private goal is in no count. One query,
whatever the number of goals; the chart is drawn by progress/_chart.html,
with a table twin."""

import bisect

from plans.models import Goal

from .charts import FULL, LEFT, PLOT_H, PLOT_W, TOP, Chart, _x_ticks, _y_ticks


def reached_counts(days) -> list[tuple]:
    """(day, public goals reached on or before it) per day, and the total."""
    reached = sorted(
        Goal.objects.public()
        .filter(reached_on__isnull=False)
        .values_list("reached_on", flat=True)
    )
    return [(day, bisect.bisect_right(reached, day)) for day in days]


def reached_chart(rows) -> Chart:
    """A line per month: goals reached by the end of that month."""
    n = len(rows)
    top = max([count for _day, count in rows] + [1])
    step = PLOT_W / max(n - 1, 1)
    coords = [
        (round(LEFT + i * step, 2), round(TOP + PLOT_H - PLOT_H * count / top, 2))
        for i, (_day, count) in enumerate(rows)
    ]
    if n == 1:
        coords.append((LEFT + PLOT_W, coords[0][1]))
    days = [day for day, _count in rows]
    return Chart(
        FULL.width,
        FULL.height,
        [],
        _x_ticks(days, step, 0),
        _y_ticks(top),
        line=" ".join(f"{x},{y}" for x, y in coords),
    )


def progress_context(points) -> dict:
    rows = reached_counts([point.day for point in points])
    return {
        "goal_rows": rows,
        "goal_chart": reached_chart(rows),
        "goals_total": Goal.objects.public().count(),
    }
