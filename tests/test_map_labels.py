"""Names on the map, a real margin, tooltips inside the map, and a dimming
that is not white (issue 22), in the SVG preview and in Leaflet."""

import pytest

from .test_accessibility import shots_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OVERLAP = """els => {
  const boxes = els.filter(e => e.getClientRects().length && !e.hidden)
    .map(e => e.getBoundingClientRect());
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const apart = a.right <= b.left || b.right <= a.left
        || a.bottom <= b.top || b.bottom <= a.top;
      if (!apart) {
        return true;
      }
    }
  }
  return false;
}"""


def visible_names(page, selector):
    return page.locator(selector).evaluate_all(
        "els => els.filter(e => e.getClientRects().length && !e.hidden)"
        ".map(e => e.textContent)"
    )


@pytest.mark.parametrize("width, height", [(1366, 900), (390, 844)])
def test_names_on_the_preview_and_on_leaflet(
    browser, live_demo, width, height, tmp_path
):
    context = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(live_demo.url + "/")
    svg_names = visible_names(page, ".map-preview text")
    assert len(svg_names) >= 6 and "Den Haag" in svg_names
    assert not page.locator(".map-preview text").evaluate_all(OVERLAP)
    page.screenshot(path=shots_dir(tmp_path) / f"kaart-namen-svg-{width}.png")
    context.close()

    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(live_demo.url + "/")
    page.wait_for_selector("#kaart[data-loaded]")
    names = visible_names(page, ".map-label")
    assert len(names) >= 6, names
    assert "Den Haag" in names
    shown = page.locator(".map-label:not([hidden])")
    assert not shown.evaluate_all(OVERLAP)
    assert page.locator(".leaflet-label-pane").get_attribute("aria-hidden") == "true"
    # A real margin: no region touches the frame.
    frame = page.locator("#kaart").bounding_box()
    regions = page.locator("#kaart path.leaflet-interactive").evaluate_all(
        """els => { const r = els.map(e => e.getBoundingClientRect());
          return {left: Math.min(...r.map(b => b.left)),
                  right: Math.max(...r.map(b => b.right)),
                  top: Math.min(...r.map(b => b.top)),
                  bottom: Math.max(...r.map(b => b.bottom))}; }"""
    )
    margin = min(
        regions["left"] - frame["x"],
        frame["x"] + frame["width"] - regions["right"],
        regions["top"] - frame["y"],
        frame["y"] + frame["height"] - regions["bottom"],
    )
    assert margin >= 8, margin
    # Zooming in shows more names.
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(400)
    assert set(visible_names(page, ".map-label")) - set(names)  # smaller regions
    page.locator(".leaflet-control-zoom-out").click()
    page.wait_for_timeout(400)
    page.screenshot(path=shots_dir(tmp_path) / f"kaart-namen-{width}.png")

    assert page.external_requests == [] if hasattr(page, "external_requests") else True
    context.close()


def test_tooltip_stays_inside_the_map_on_a_phone(page, live_demo):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_demo.url + "/")
    page.wait_for_selector("#kaart[data-loaded]")
    frame = page.locator("#kaart").bounding_box()
    for x_share in (0.1, 0.5, 0.92):
        page.mouse.move(
            frame["x"] + frame["width"] * x_share, frame["y"] + frame["height"] * 0.5
        )
        page.wait_for_timeout(100)
        tooltip = page.locator(".leaflet-tooltip")
        if tooltip.count():
            box = tooltip.bounding_box()
            assert box["x"] >= frame["x"] - 1
            assert box["x"] + box["width"] <= frame["x"] + frame["width"] + 1, x_share


def test_dimmed_regions_are_not_white(page, live_demo, tmp_path):
    page.goto(live_demo.url + "/?status=geen")
    page.wait_for_selector("#kaart[data-loaded]")
    white = page.locator("#kaart path.status-geen:not(.region-dimmed)").first
    dimmed = page.locator("#kaart path.region-dimmed").first
    style = "e => { const s = getComputedStyle(e); return [s.fill, s.fillOpacity]; }"
    white_fill = white.evaluate(style)
    dimmed_fill = dimmed.evaluate(style)
    assert white_fill[0] == "rgb(255, 255, 255)"
    assert dimmed_fill[0] != white_fill[0]
    # What the eye sees: the grey at its opacity over the map's background.
    fill = [int(v) for v in dimmed_fill[0][4:-1].split(",")]
    sea, opacity = (230, 237, 244), float(dimmed_fill[1])
    seen = [
        round(opacity * f + (1 - opacity) * s) for f, s in zip(fill, sea, strict=True)
    ]

    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        channels = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in channels
        ]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    assert (1.05) / (luminance(seen) + 0.05) >= 1.5, seen
    page.screenshot(path=shots_dir(tmp_path) / "kaart-gedimd.png")
