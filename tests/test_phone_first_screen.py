"""The phone's first screen (390×844) shows the search box and the map."""

import pytest

from .test_accessibility import shots_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_map_starts_within_the_first_screen_of_a_phone(
    page, live_demo, prefix, tmp_path
):
    page.set_viewport_size(PHONE)
    page.goto(live_demo.url + prefix + "/")
    top = page.locator("#kaart").bounding_box()["y"]
    print(f"map top at 390x844 ({prefix or '/'}): {top:.0f} px")
    page.screenshot(
        path=shots_dir(tmp_path)
        / f"telefoon-eerste-scherm{prefix.replace('/', '-')}.png"
    )
    assert top < 844 - 300, top  # at least 300 px of map in the first screen
    assert page.locator("#zoekveld").bounding_box()["y"] < top
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
