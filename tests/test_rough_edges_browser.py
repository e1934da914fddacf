"""Rough edges a new visitor met (issue 22), in the browser."""

import pytest

from .test_accessibility import shots_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_plans_table_fits_a_laptop_and_signals_sideways_scrolling_on_a_phone(
    page, live_demo, tmp_path
):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_demo.url + "/regioplannen/")
    box = page.locator(".plans-scroll")
    widths = box.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert widths[0] <= widths[1], widths  # the last column ("Aanwezig") shows
    assert page.locator(".plans-table thead th").last.is_visible()
    assert not page.locator(".plans-scroll-hint").is_visible()
    page.screenshot(path=shots_dir(tmp_path) / "regioplannen-1366.png")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_demo.url + "/regioplannen/")
    widths = box.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert widths[0] > widths[1]  # the seven elements are off to the side...
    hint = page.locator(".plans-scroll-hint")
    assert hint.is_visible()  # ...and the page says so, above the table
    assert hint.bounding_box()["y"] < box.bounding_box()["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=shots_dir(tmp_path) / "regioplannen-390.png")
