"""Status colours: distinguishable, also with colour blindness, and visible borders.

Contrast is the WCAG relative-luminance ratio. Colour blindness is simulated
with the matrices of Machado, Oliveira & Fernandes (2009) at full severity,
applied in linear RGB. The thresholds (README, "Status colours"):

- every two statuses differ by >= 1.6:1, in normal vision and under simulated
  protanopia, deuteranopia and tritanopia (any two may be neighbours on the map);
- the region border differs by >= 3:1 from the map background and from the
  white and light-blue fills (WCAG 1.4.11 for the shapes' outline);
- the text colour of a status on its fill reaches 4.5:1.
"""

import itertools
import re
from pathlib import Path

import pytest
from django.conf import settings

from regions.maplayer import on_date
from regions.models import RegioplanStatus

SIMULATIONS = {
    "normaal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopie": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopie": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopie": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
MIN_BETWEEN_STATUSES = 1.6
MIN_BORDER = 3.0
MIN_TEXT = 4.5


def linear(hex_colour: str) -> tuple[float, ...]:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    return tuple(
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    )


def simulate(rgb: tuple[float, ...], matrix) -> tuple[float, ...]:
    return tuple(
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
        for row in matrix
    )


def luminance(rgb: tuple[float, ...]) -> float:
    r, g, b = rgb
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str, matrix=SIMULATIONS["normaal"]) -> float:
    la, lb = sorted(luminance(simulate(linear(c), matrix)) for c in (a, b))
    return (lb + 0.05) / (la + 0.05)


def css_variable(name: str, css: str) -> str:
    return re.search(rf"--{name}:\s*(#[0-9a-f]{{6}})", css).group(1)


def contrast_table() -> list[tuple[str, str, str, float]]:
    """(vision, status, status, ratio) for every pair: the README's table."""
    return [
        (vision, a.value, b.value, contrast(a.colour, b.colour, matrix))
        for vision, matrix in SIMULATIONS.items()
        for a, b in itertools.combinations(RegioplanStatus, 2)
    ]


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_every_two_statuses_differ_clearly_also_with_colour_blindness(vision):
    matrix = SIMULATIONS[vision]
    too_close = [
        (a.value, b.value, round(contrast(a.colour, b.colour, matrix), 2))
        for a, b in itertools.combinations(RegioplanStatus, 2)
        if contrast(a.colour, b.colour, matrix) < MIN_BETWEEN_STATUSES
    ]
    assert too_close == []


def test_region_border_stands_out_from_background_and_light_fills():
    status_css = (Path(settings.BASE_DIR) / "static/css/status.css").read_text()
    site_css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()
    border = css_variable("region-border", status_css)
    background = css_variable("sea", site_css)
    assert contrast(border, background) >= MIN_BORDER
    for status in (RegioplanStatus.GEEN, RegioplanStatus.ONBEKEND):
        assert contrast(border, status.colour) >= MIN_BORDER, status


def test_status_text_colour_is_readable_on_its_fill():
    for status in RegioplanStatus:
        assert contrast(status.style.text_colour, status.colour) >= MIN_TEXT, status


def test_the_old_purple_and_dark_blue_would_fail():
    """The check itself bites: the shades before issue 12 were 1.4:1 apart."""
    assert contrast("#6a2c8e", "#1b2f6b") < MIN_BETWEEN_STATUSES
    assert contrast("#6a2c8e", "#1b2f6b", SIMULATIONS["protanopie"]) < 1.35


def test_every_status_has_its_own_pattern_on_the_map_and_in_the_legend():
    status_css = (Path(settings.BASE_DIR) / "static/css/status.css").read_text()
    patterns = (
        Path(settings.BASE_DIR) / "templates/regions/_map_patterns.html"
    ).read_text()
    marks = []
    for status in RegioplanStatus:
        rule = re.search(rf"\.status-{status.value} {{([^}}]*)}}", status_css)
        marks.append(re.search(r"--marks: ([^;]*);", rule.group(1)).group(1))
        if status != RegioplanStatus.GEEN:
            assert f"fill: url(#patroon-{status.value})" in status_css
            assert f"fill: url(#voorbeeld-{status.value}) var(--fill)" in status_css
            assert f'id="{{{{ prefix }}}}-{status.value}"' in patterns
    assert len(set(marks)) == len(RegioplanStatus)


def test_a_region_that_did_not_exist_yet_has_its_own_pale_fill():
    status_css = (Path(settings.BASE_DIR) / "static/css/status.css").read_text()
    rule = re.search(rf"\.status-{on_date.NOT_YET} {{([^}}]*)}}", status_css)
    assert f"--fill: {on_date.NOT_YET_COLOUR};" in rule.group(1)
    border = css_variable("region-border", status_css)
    assert contrast(border, on_date.NOT_YET_COLOUR) >= MIN_BORDER
    for status in RegioplanStatus:
        assert contrast(status.colour, on_date.NOT_YET_COLOUR) > 1.05, status
