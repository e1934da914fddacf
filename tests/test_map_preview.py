"""The map is in the page as SVG, so it shows before (and without) any script,
and Leaflet's map replaces it in the same place."""

import datetime
import json
import re

import pytest
from shapely.geometry import Polygon

from regions import services
from regions.maplayer import layer, preview
from regions.models import RegioplanStatus
from regions.services import record_status

from .factories import make_world

pytestmark = pytest.mark.django_db


def preview_paths(html: str) -> list[str]:
    svg = re.search(r'<svg class="map-preview"[^>]*>(.*?)</svg>', html, re.S)
    assert svg, "no map preview in the page"
    return re.findall(r'<path class="([^"]*)" d="[Ml0-9 z-]+"/>', svg.group(1))


def test_the_map_page_carries_every_region_coloured_by_its_status(client, world):
    classes = preview_paths(client.get("/").content.decode())
    assert sorted(classes) == sorted(f"status-{r.status}" for r in world.regions)


def test_the_embed_carries_the_preview_too(client, world):
    classes = preview_paths(client.get("/embed/").content.decode())
    assert len(classes) == len(world.regions)


def test_a_map_filter_dims_the_other_regions_in_the_preview(client, world):
    html = client.get("/", {"status": world.region_a.status}).content.decode()
    classes = preview_paths(html)
    assert sum("region-dimmed" in c for c in classes) == len(world.regions) - 1
    assert f"status-{world.region_a.status}" in [
        c for c in classes if "region-dimmed" not in c
    ]


def test_the_map_on_a_date_shows_the_status_of_that_date(client, world, curator):
    region = world.region_a
    old = region.status
    region.status = RegioplanStatus.GEEN
    region.save()
    record_status(region, old, user=curator, effective_date=datetime.date(2026, 1, 1))
    before = preview_paths(client.get("/", {"datum": "2025-06-01"}).content.decode())
    now = preview_paths(client.get("/").content.decode())
    assert "status-geen" in now
    assert f"status-{old}" in before and "status-geen" not in before


def test_neighbours_share_their_border_exactly():
    """Two squares side by side keep one common edge after simplification, so
    the preview has no slivers or gaps between regions."""
    left = Polygon([(5.0, 52.0), (5.1, 52.0), (5.1, 52.1), (5.0, 52.1)])
    right = Polygon([(5.1, 52.0), (5.2, 52.0), (5.2, 52.1), (5.1, 52.1)])
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"slug": slug},
                "geometry": json.loads(json.dumps(shape.__geo_interface__)),
            }
            for slug, shape in (("links", left), ("rechts", right))
        ],
    }
    built = preview.build_preview(json.dumps(collection))
    assert built.view_box.startswith("-30 -30 1060 ")  # a 30-unit margin all round
    height = int(built.view_box.split()[3]) - 2 * preview.MARGIN
    # Web Mercator at 52° stretches north-south by 1/cos(52°) ≈ 1.62
    assert 1.55 < height / 500 < 1.70
    corners = []
    for outline in built.outlines:
        x, y = map(int, re.match(r"M(-?\d+) (-?\d+)", outline.d).groups())
        steps = list(map(int, re.findall(r"-?\d+", outline.d)[2:]))
        points = [(x, y)]
        for dx, dy in zip(steps[::2], steps[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
        corners.append(set(points))
    shared = corners[0] & corners[1]
    assert shared == {(500, 0), (500, height)}


def test_the_preview_follows_the_stored_layer(client, world):
    first = preview.preview_of(layer.served_layer())
    world.region_c.delete()
    services.data_changed()
    second = preview.preview_of(layer.served_layer())
    assert len(first.outlines) == 3 and len(second.outlines) == 2


# -- In the browser -------------------------------------------------------------


@pytest.fixture
def live_world(transactional_db, live_server, media_root):
    return make_world()


def region_box(page, selector: str) -> list[float]:
    """The box around every region drawn by selector, relative to the map."""
    return page.evaluate(
        """(selector) => {
            const map = document.getElementById("kaart").getBoundingClientRect();
            const boxes = [...document.querySelectorAll(selector)]
                .map((path) => path.getBoundingClientRect());
            return [
                Math.min(...boxes.map((b) => b.left)) - map.left,
                Math.min(...boxes.map((b) => b.top)) - map.top,
                Math.max(...boxes.map((b) => b.right)) - map.left,
                Math.max(...boxes.map((b) => b.bottom)) - map.top,
            ];
        }""",
        selector,
    )


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 900)])
def test_without_scripts_the_map_is_painted_and_leaflet_takes_its_place(
    browser, live_server, live_world, width, height
):
    quiet = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=False
    )
    page = quiet.new_page()
    page.goto(live_server.url + "/")
    assert page.locator("#kaart .map-preview path").count() == 3
    fill = page.evaluate(
        "getComputedStyle(document.querySelector('.map-preview path')).fill"
    )
    assert fill.startswith("url(") and "voorbeeld-" in fill  # patterned
    painted = region_box(page, "#kaart .map-preview path")
    assert painted[2] - painted[0] > width / 3  # not a speck in a corner
    quiet.close()

    live = browser.new_context(viewport={"width": width, "height": height})
    page = live.new_page()
    page.goto(live_server.url + "/")
    page.wait_for_selector("#kaart[data-loaded]")
    assert page.locator("#kaart .map-preview").count() == 0
    drawn = region_box(page, "#kaart .leaflet-overlay-pane path")
    assert drawn == pytest.approx(painted, abs=2.5), (drawn, painted)
    live.close()
