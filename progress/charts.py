"""Charts as server-rendered SVG: geometry computed here, drawn by templates
(templates/progress/_*_chart.html) with a title, a description and a table
twin. No JavaScript, nothing loaded from elsewhere; a viewBox and width 100%
let them shrink on a phone."""

from dataclasses import dataclass

from django.utils import formats

from regions.models import RegioplanStatus

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 10, 34
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    css_class: str
    label: str  # for a <title> tooltip


@dataclass(frozen=True)
class Tick:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    rects: list[Rect]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    line: str = ""  # polyline points, for a line chart
    baseline: float = TOP + PLOT_H


def _month_label(day) -> str:
    return formats.date_format(day, "M Y")


def _x_ticks(days, step: float, offset: float) -> list[Tick]:
    """A label under the first month and each January; at most eight."""
    marks = [i for i, day in enumerate(days) if i == 0 or day.month == 1]
    if len(marks) > 1 and marks[1] < 4:
        marks.pop(0)  # the first month sits too close to the next January
    every = -(-len(marks) // 8)
    return [
        Tick(round(LEFT + offset + i * step, 2), HEIGHT - 12, _month_label(days[i]))
        for i in marks[::every]
    ]


def stacked_status_chart(points) -> Chart:
    """One column per month, stacked by status in legend order."""
    n = len(points) or 1
    top = max([p.total for p in points] + [1])
    step = PLOT_W / n
    bar_w = max(step * 0.8, 1)
    rects = []
    for i, point in enumerate(points):
        y = TOP + PLOT_H
        for status in reversed(RegioplanStatus):
            count = point.counts.get(status.value, 0)
            if not count:
                continue
            h = PLOT_H * count / top
            y -= h
            rects.append(
                Rect(
                    round(LEFT + i * step + (step - bar_w) / 2, 2),
                    round(y, 2),
                    round(bar_w, 2),
                    round(h, 2),
                    f"bar status-{status.value}",
                    f"{_month_label(point.day)}: {count} × {status.label}",
                )
            )
    y_ticks = [
        Tick(LEFT - 6, round(TOP + PLOT_H - PLOT_H * v / top, 2), str(v))
        for v in sorted({0, top // 2, top})
    ]
    days = [p.day for p in points]
    return Chart(WIDTH, HEIGHT, rects, _x_ticks(days, step, step / 2), y_ticks)


def share_chart(points) -> Chart:
    """The public-plan inhabitant share per month as a line, 0–100%."""
    n = len(points)
    step = PLOT_W / max(n - 1, 1)
    coords = [
        (
            round(LEFT + i * step, 2),
            round(TOP + PLOT_H - PLOT_H * p.share_public / 100, 2),
        )
        for i, p in enumerate(points)
    ]
    if n == 1:  # one month: a short flat line, so it can be seen
        coords.append((LEFT + PLOT_W, coords[0][1]))
    y_ticks = [
        Tick(LEFT - 6, round(TOP + PLOT_H - PLOT_H * v / 100, 2), f"{v}%")
        for v in (0, 25, 50, 75, 100)
    ]
    days = [p.day for p in points]
    return Chart(
        WIDTH,
        HEIGHT,
        [],
        _x_ticks(days, step, 0),
        y_ticks,
        line=" ".join(f"{x},{y}" for x, y in coords),
    )
