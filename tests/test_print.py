"""A region page prints on A4 without controls (static/css/print.css)."""

import pytest

from .test_accessibility import shots_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONTROLS = [
    ".site-header nav",
    ".language-switch",
    ".site-footer",
    ".breadcrumbs",
    ".leaflet-control-container",
]


def test_region_page_prints_on_a4_without_controls(page, live_demo, tmp_path):
    page.goto(live_demo.url + "/regio/arnhem/")
    page.wait_for_selector("#regiokaartje path")
    assert page.locator(".site-header nav").is_visible()
    page.emulate_media(media="print")
    for selector in CONTROLS:
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    assert page.locator("h1").is_visible()
    assert page.locator("#regiokaartje path").first.is_visible()
    page.screenshot(path=shots_dir(tmp_path) / "print-regio.png", full_page=True)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
