"""Headless Chromium against a live server: what a visitor sees and clicks."""

import pytest

from regions.models import Region

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_sees_the_map_and_clicks_through_to_a_region(page, live_demo, tmp_path):
    page.goto(live_demo.url + "/")
    page.wait_for_selector("#kaart[data-loaded]")
    polygons = page.locator("#kaart path.leaflet-interactive")
    assert polygons.count() == Region.objects.count()
    fills = set(polygons.evaluate_all("els => els.map(e => e.getAttribute('fill'))"))
    assert "#ffffff" in fills and "#6a2c8e" in fills
    page.screenshot(path=tmp_path / "kaart.png", full_page=True)

    # Hovering names the region and its status in words.
    arnhem = page.locator('#kaart path[aria-label^="Arnhem —"]')
    arnhem.hover()
    assert page.locator("#kaart-info").inner_text() == "Arnhem — Regioplan openbaar"

    arnhem.click()
    page.wait_for_url("**/regio/arnhem/")
    assert page.locator("h1").inner_text().startswith("Arnhem")
    page.wait_for_selector("#regiokaartje path")
    page.screenshot(path=tmp_path / "regio.png", full_page=True)
    assert (tmp_path / "regio.png").stat().st_size > 10_000
    assert page.external_requests == []


def test_keyboard_reaches_a_region_from_the_map(page, live_demo):
    page.goto(live_demo.url + "/")
    page.wait_for_selector("#kaart[data-loaded]")
    page.locator('#kaart path[aria-label^="Zeeland —"]').focus()
    assert page.locator("#kaart-info").inner_text() == "Zeeland — Regioplan openbaar"
    page.keyboard.press("Enter")
    page.wait_for_url("**/regio/zeeland/")


def test_map_works_on_a_phone(page, live_demo, tmp_path):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_demo.url + "/")
    page.wait_for_selector("#kaart[data-loaded]")
    box = page.locator("#kaart").bounding_box()
    assert box["width"] <= 390 and box["height"] >= 300
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=tmp_path / "telefoon.png", full_page=True)
