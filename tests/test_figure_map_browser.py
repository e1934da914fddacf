"""The figure map in Chromium, on the demo data (342 real gemeenten): axe finds
nothing at phone and desktop width, in Dutch and English; Leaflet paints the
same classes as the table; the keyboard alone changes the figure."""

import pytest

from .a11y import SIZES, axe_violations, open_and_settle
from .test_accessibility import shots_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GEMEENTE_MAP = "?kleur=aandeel_65plus&niveau=gemeente&indeling=natuurlijke_grenzen"
REGION_MAP = "?kleur=dichtheid"

PAINTED = """() => {
  const data = JSON.parse(document.getElementById('kaart-klassen').textContent);
  const paths = [...document.querySelectorAll('#kaart .leaflet-overlay-pane path')];
  const classes = paths.map(p => [...p.classList].find(c => c.startsWith('klasse-')));
  const rows = [...document.querySelectorAll('.figure-table tbody tr')];
  return {
    paths: paths.length,
    unclassed: classes.filter(c => !c).length,
    painted: classes.filter(Boolean).sort(),
    expected: Object.values(data).map(d => d.klasse).sort(),
    rows: rows.length,
    fill: paths.length ? getComputedStyle(paths[0]).fill : '',
    preview: document.querySelectorAll('#kaart .map-preview').length,
    tabStops: document.querySelectorAll('#kaart path[tabindex]').length
  };
}"""


@pytest.mark.parametrize("size", list(SIZES))
def test_axe_finds_nothing_on_the_figure_map(browser, live_demo, size, tmp_path):
    width, height = SIZES[size]
    context = browser.new_context(
        viewport={"width": width, "height": height}, bypass_csp=True
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    outside = []
    page.on(
        "request",
        lambda r: None if r.url.startswith(live_demo.url) else outside.append(r.url),
    )
    for language, prefix in (("nl", "/"), ("en", "/en/")):
        # the status map carries the figure form too
        open_and_settle(page, live_demo.url + prefix)
        assert page.locator("#kaart .figure-area").count() == 0
        assert axe_violations(page) == [], (language, "status map")
        for query in (GEMEENTE_MAP, REGION_MAP):
            response = open_and_settle(page, live_demo.url + prefix + query)
            assert response.status == 200
            state = page.evaluate(PAINTED)
            assert state["preview"] == 0  # Leaflet has replaced the SVG
            assert state["unclassed"] == 0
            assert state["painted"] == state["expected"]
            assert state["rows"] == len(state["expected"])
            if "gemeente" in query:
                assert state["paths"] == 342
                assert state["tabStops"] == 0  # the table is the twin
            assert state["fill"].startswith("rgb(")
            level = "gemeente" if "gemeente" in query else "regio"
            page.screenshot(
                path=shots_dir(tmp_path) / f"kerngetal-{level}-{language}-{size}.png",
                full_page=True,
            )
            assert axe_violations(page) == [], (language, query)
    assert outside == []
    context.close()


def test_the_keyboard_changes_the_figure(page, live_demo, tmp_path):
    open_and_settle(page, live_demo.url + "/")
    page.focus("#kerngetal-kleur")
    # a select changes by arrow keys; the form is sent by Enter on its button
    for _ in range(2):
        page.keyboard.press("ArrowDown")
    assert page.eval_on_selector("#kerngetal-kleur", "s => s.value") == "aandeel_0_15"
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # per gemeente
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the classification, to the button
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Kleuren"
    page.keyboard.press("Enter")
    page.wait_for_url("**/?*kleur=aandeel_0_15*")
    assert "niveau=gemeente" in page.url
    page.wait_for_selector("#kaart[data-loaded]")
    assert page.locator(".figure-table tbody tr").count() == 342
    assert page.eval_on_selector("#kerngetal-niveau", "s => s.value") == "gemeente"
    page.screenshot(path=shots_dir(tmp_path) / "kerngetal-toetsenbord.png")
