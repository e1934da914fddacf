"""Progress in the browser (issue 11): the map on a date, /voortgang/ with
axe-core, and screenshots at both sizes. Uses the demo data (demo history)."""

from pathlib import Path

import pytest

from regions.models import RegioplanStatus

from .a11y import SIZES, axe_violations, open_and_settle

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC = RegioplanStatus.OPENBAAR.colour


def shots(tmp_path) -> Path:
    path = Path("/tmp/shots-issue11")
    path.mkdir(exist_ok=True)
    return path if path.is_dir() else tmp_path


def fills(page) -> list[str]:
    return page.locator("#kaart path.leaflet-interactive").evaluate_all(
        "els => els.map(e => e.getAttribute('fill'))"
    )


def test_date_control_moves_the_map_and_the_text_line(page, live_demo, tmp_path):
    out = shots(tmp_path)
    page.set_viewport_size({"width": 1366, "height": 900})
    open_and_settle(page, live_demo.url + "/")
    today = fills(page)
    assert page.locator("#kaartdatum-regel").count() == 0

    # A secondary control: folded away until asked for.
    assert not page.locator("#kaartdatum").is_visible()
    page.click("summary:has-text('Kaart op een eerdere datum')")
    page.fill("#kaartdatum", "2023-01-01")
    page.locator("#kaartdatum").press("Enter")  # a plain GET form, no JS needed
    page.wait_for_url("**/?datum=2023-01-01")
    page.wait_for_selector("#kaart[data-loaded]")
    line = page.locator("#kaartdatum-regel").inner_text()
    assert line.startswith("Op 1 januari 2023: ")
    then = fills(page)
    assert len(then) == len(today)
    assert then.count(PUBLIC) < today.count(PUBLIC)
    assert page.input_value("#kaartdatum") == "2023-01-01"
    page.screenshot(path=out / "kaart-op-datum-breed.png", full_page=True)

    page.fill("#kaartdatum", "2024-07-01")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url("**/?datum=2024-07-01")
    page.wait_for_selector("#kaart[data-loaded]")
    assert page.locator("#kaartdatum-regel").inner_text() != line
    assert fills(page) != then or fills(page).count(PUBLIC) >= then.count(PUBLIC)

    page.set_viewport_size({"width": 390, "height": 844})
    open_and_settle(page, live_demo.url + "/?datum=2023-01-01")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=out / "kaart-op-datum-telefoon.png", full_page=True)
    assert page.external_requests == []


@pytest.mark.parametrize("size", SIZES)
def test_progress_page_passes_axe_and_fits(browser, live_demo, tmp_path, size):
    out = shots(tmp_path)
    width, height = SIZES[size]
    # axe-core is injected as a script: the test browser bypasses our CSP.
    context = browser.new_context(
        viewport={"width": width, "height": height}, bypass_csp=True
    )
    page = context.new_page()
    outside = []
    page.on(
        "request",
        lambda r: None if r.url.startswith(live_demo.url) else outside.append(r.url),
    )
    try:
        response = open_and_settle(page, live_demo.url + "/voortgang/")
        assert response.status == 200
        # Statuses and inhabitants, one per plan element, one per obstacle of
        # the zelfscan, goals reached.
        assert page.locator("figure.chart svg").count() == 2 + 7 + 5 + 1
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=out / f"voortgang-{size}.png", full_page=True)
        assert axe_violations(page) == []
        assert outside == []
    finally:
        context.close()
