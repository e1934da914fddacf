"""The map by keyboard alone, in Chromium: from the top of the page Tab reaches
the regions, each one in turn with a visible focus, Enter opens one, and Tab
then leaves the map. The same on /embed/. Plus the tap card on a phone."""

import pytest
from django.utils import translation

from regions.models import Region

from .test_accessibility import shots_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVE = """() => {
  const el = document.activeElement;
  return {
    tag: el.tagName.toLowerCase(),
    inMap: !!el.closest('#kaart'),
    region: el.matches('#kaart path[role=link]') ? el.getAttribute('aria-label') : null,
    highlight: document.querySelectorAll('.leaflet-highlight-pane path').length
  };
}"""


def tab_to_first_region(page, limit=40) -> int:
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(ACTIVE)["region"]:
            return presses
    raise AssertionError(f"no region reached in {limit} Tab presses")


@pytest.mark.parametrize("path", ["/", "/embed/"])
def test_tab_reaches_every_region_with_visible_focus_and_then_leaves_the_map(
    page, live_demo, path, tmp_path
):
    page.goto(live_demo.url + path)
    page.wait_for_selector("#kaart[data-loaded]")
    presses = tab_to_first_region(page)
    first = page.evaluate(ACTIVE)
    names = list(Region.objects.order_by("name").values_list("name", flat=True))
    assert first["region"].startswith(names[0] + " — ")
    # The focused region is outlined (dark under light band) in its own pane.
    assert first["highlight"] == 2
    page.screenshot(
        path=shots_dir(tmp_path) / f"focus{path.strip('/') or '-kaart'}.png"
    )

    seen = [first["region"]]
    for _ in range(len(names) + 5):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        assert active["tag"] != "body", "focus was lost"
        if not active["region"]:
            break
        assert active["highlight"] == 2
        seen.append(active["region"])
    assert [label.split(" — ")[0] for label in seen] == names
    assert active["region"] is None  # Tab got out of the regions
    print(f"{path}: first region after {presses} Tab presses")


def test_enter_opens_the_focused_region(page, live_demo):
    page.goto(live_demo.url + "/")
    page.wait_for_selector("#kaart[data-loaded]")
    tab_to_first_region(page)
    first = Region.objects.order_by("name").first()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/regio/{first.slug}/")


def test_enter_on_the_embed_opens_the_region_in_a_new_tab(page, live_demo):
    page.goto(live_demo.url + "/embed/")
    page.wait_for_selector("#kaart[data-loaded]")
    tab_to_first_region(page)
    first = Region.objects.order_by("name").first()
    with page.context.expect_page() as opened:
        page.keyboard.press("Enter")
    opened.value.wait_for_url(f"**/regio/{first.slug}/")


def test_tap_on_a_phone_shows_a_card_instead_of_navigating(
    browser, live_demo, tmp_path
):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(live_demo.url + "/")
    page.wait_for_selector("#kaart[data-loaded]")
    assert page.locator("#kaart").bounding_box()["height"] >= 400
    search = page.locator(".search-form").bounding_box()
    assert search["y"] < page.locator("#kaart").bounding_box()["y"]
    page.locator('#kaart path[aria-label^="Zeeland —"]').tap()
    card = page.locator("#kaart-info.map-card")
    card.wait_for()
    name = card.locator("strong").inner_text()
    region = Region.objects.get(name=name)
    with translation.override("nl"):
        assert region.get_status_display() in card.inner_text()
    assert page.url == live_demo.url + "/"  # no navigation on the first tap
    page.screenshot(path=shots_dir(tmp_path) / "tap-card.png")
    card.get_by_role("link", name="Bekijk regio").click()
    page.wait_for_url(f"**/regio/{region.slug}/")
    context.close()
