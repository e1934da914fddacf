"""Charts as server-rendered SVG: geometry computed here, drawn by a template
(templates/progress/_chart.html) with a title, a description and a table
twin. No JavaScript, nothing loaded from elsewhere; a viewBox and width 100%
let them shrink on a phone.

Each series of a bar chart is one <path> whose data is built here as one
string (a closed rectangle per month): a few elements per chart however many
months there are, so the page renders in milliseconds. The numbers per month
are in the table twin."""

from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from plans.models import ElementKind
from regions.models import RegioplanStatus
from selfscan.models import OBSTACLES

from .element_history import ElementCount

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 10, 34
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


@dataclass(frozen=True)
class Frame:
    """A chart's viewBox and the margins around its plot area."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int

    @property
    def plot_w(self) -> int:
        return self.width - self.left - self.right

    @property
    def plot_h(self) -> int:
        return self.height - self.top - self.bottom


FULL = Frame(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM)
# One of a row of small charts: half the width, so its 12px text stays 12px
# on a phone, where it fills the screen, and two fit side by side on a desktop.
SMALL = Frame(320, 150, 30, 8, 8, 26)


@dataclass(frozen=True)
class Series:
    """One series of a bar chart: all its bars as one SVG path."""

    css_class: str
    label: str  # for a <title> tooltip
    d: str  # path data: a closed rectangle per bar


def _num(value: float) -> str:
    """A coordinate with at most two decimals, as SVG reads it."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


class _Bars:
    """Collects rectangles per series, in the order series first appear."""

    def __init__(self):
        self._parts: dict[str, list[str]] = {}
        self._labels: dict[str, str] = {}

    def add(self, css_class, label, x, y, width, height) -> None:
        self._labels.setdefault(css_class, str(label))
        self._parts.setdefault(css_class, []).append(
            f"M{_num(x)} {_num(y)}h{_num(width)}v{_num(height)}h-{_num(width)}Z"
        )

    def series(self) -> list[Series]:
        return [
            Series(css_class, self._labels[css_class], "".join(parts))
            for css_class, parts in self._parts.items()
        ]


@dataclass(frozen=True)
class Tick:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    series: list[Series]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    line: str = ""  # polyline points, for a line chart
    baseline: float = TOP + PLOT_H
    left: int = LEFT  # where the grid lines start


def _month_label(day) -> str:
    return formats.date_format(day, "M Y")


def _x_ticks(days, step: float, offset: float, frame: Frame = FULL) -> list[Tick]:
    """A label under the first month and each January; at most eight (six on a
    small chart, which names Januaries by their year only)."""
    small = frame.width < WIDTH
    if small:
        marks = [i for i, day in enumerate(days) if day.month == 1] or [0]
    else:
        marks = [i for i, day in enumerate(days) if i == 0 or day.month == 1]
        if len(marks) > 1 and marks[1] < 4:
            marks.pop(0)  # the first month sits too close to the next January
    every = -(-len(marks) // (6 if small else 8))

    def label(day) -> str:
        return str(day.year) if small and day.month == 1 else _month_label(day)

    return [
        Tick(
            round(frame.left + offset + i * step, 2),
            frame.height - 8 if small else frame.height - 12,
            label(days[i]),
        )
        for i in marks[::every]
    ]


def _y_ticks(top: int, frame: Frame = FULL) -> list[Tick]:
    return [
        Tick(
            frame.left - 6,
            round(frame.top + frame.plot_h - frame.plot_h * v / top, 2),
            str(v),
        )
        for v in sorted({0, top // 2, top})
    ]


def stacked_status_chart(points) -> Chart:
    """One column per month, stacked by status in legend order."""
    n = len(points) or 1
    top = max([p.total for p in points] + [1])
    step = PLOT_W / n
    bar_w = max(step * 0.8, 1)
    bars = _Bars()
    for i, point in enumerate(points):
        y = TOP + PLOT_H
        for status in reversed(RegioplanStatus):
            count = point.counts.get(status.value, 0)
            if not count:
                continue
            h = PLOT_H * count / top
            y -= h
            x = LEFT + i * step + (step - bar_w) / 2
            bars.add(f"bar status-{status.value}", status.label, x, y, bar_w, h)
    days = [p.day for p in points]
    return Chart(
        WIDTH, HEIGHT, bars.series(), _x_ticks(days, step, step / 2), _y_ticks(top)
    )


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


@dataclass(frozen=True)
class ElementChart:
    """One small chart of the row: one element of a good regioplan."""

    kind: str
    label: str
    chart: Chart
    first: ElementCount  # in the first month
    last: ElementCount  # in the last


def small_stacked_chart(points, stacks) -> Chart:
    """One small chart of a row: a column per month, the values that
    stacks(point) gives (value, css class, state; bottom first) stacked. Every
    chart of a row shares one scale: the most regions there were in any
    month (point.total). points: at least one."""
    n = len(points)
    top = max([p.total for p in points] + [1])
    frame = SMALL
    step = frame.plot_w / n
    bar_w = max(step * 0.8, 1)
    baseline = frame.top + frame.plot_h
    bars = _Bars()
    for i, point in enumerate(points):
        x = frame.left + i * step + (step - bar_w) / 2
        y = baseline
        for value, css_class, state in stacks(point):
            if not value:
                continue
            h = frame.plot_h * value / top
            y -= h
            bars.add(css_class, state, x, y, bar_w, h)
    return Chart(
        frame.width,
        frame.height,
        bars.series(),
        _x_ticks([p.day for p in points], step, step / 2, frame),
        _y_ticks(top, frame),
        baseline=baseline,
        left=frame.left,
    )


def element_charts(points) -> list[ElementChart]:
    """Per element of a good regioplan, a small chart with one column per
    month: the regions whose plan had it (present), partly stacked on top."""

    def stacks_of(kind):
        return lambda point: (
            (point.elements[kind].present, "bar element-present", _("aanwezig")),
            (point.elements[kind].partly, "bar element-partly", _("deels")),
        )

    return [
        ElementChart(
            kind.value,
            str(kind.label),
            small_stacked_chart(points, stacks_of(kind.value)),
            points[0].elements[kind.value],
            points[-1].elements[kind.value],
        )
        for kind in ElementKind
    ]


@dataclass(frozen=True)
class ObstacleChart:
    """One small chart of the row: one obstacle of the zelfscan."""

    key: str
    label: str
    chart: Chart
    last: object  # selfscan.history.ObstacleCount in the last month


def obstacle_charts(points) -> list[ObstacleChart]:
    """Per obstacle, a small chart with one column per month: the public scans
    that met it, those that had overcome it stacked on top. points: stats'
    ObstaclePoint, at least one."""

    def stacks_of(key):
        return lambda point: (
            (point.counts[key].meeting, "bar obstacle-meeting", _("speelt")),
            (point.counts[key].overcame, "bar obstacle-overcame", _("overwonnen")),
        )

    return [
        ObstacleChart(
            obstacle.key,
            str(obstacle.label),
            small_stacked_chart(points, stacks_of(obstacle.key)),
            points[-1].counts[obstacle.key],
        )
        for obstacle in OBSTACLES
    ]
