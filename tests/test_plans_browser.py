"""Headless Chromium: a visitor compares three regions, on a desktop and a phone."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REGIONS = ["Arnhem", "Nijmegen e.o.", "Groningen"]


def test_compare_three_regions_from_the_table_on_desktop_and_phone(
    page, live_demo, tmp_path
):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_demo.url + "/regios/")
    for name in REGIONS:
        page.get_by_label(f"Vergelijk {name}").check()
    page.get_by_role("button", name="Vergelijk").first.click()
    page.wait_for_url("**/vergelijk/?regio=*")
    assert page.url.count("regio=") == 3  # the shareable URL

    cards = page.locator(".compare-card")
    assert cards.count() == 3
    names = cards.locator("h2").all_inner_texts()
    assert {n.replace("DEMO", "").strip() for n in names} == set(REGIONS)
    boxes = [cards.nth(i).bounding_box() for i in range(3)]
    # Desktop: three columns side by side, the same height (parts line up).
    assert boxes[0]["y"] == boxes[1]["y"] == boxes[2]["y"]
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
    assert abs(boxes[0]["height"] - boxes[2]["height"]) < 1
    text = cards.nth(0).inner_text()
    assert "Regiobeeld" in text and "Contractafspraken" in text and "NL" in text
    assert "van 7 onderdelen aanwezig" in text
    page.screenshot(path=tmp_path / "vergelijk-desktop.png", full_page=True)

    # The same URL on a phone: cards under each other, no sideways scrolling.
    shared = page.url
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(shared)
    cards = page.locator(".compare-card")
    boxes = [cards.nth(i).bounding_box() for i in range(3)]
    assert boxes[0]["x"] == boxes[1]["x"] == boxes[2]["x"]
    assert boxes[1]["y"] >= boxes[0]["y"] + boxes[0]["height"]
    assert boxes[0]["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=tmp_path / "vergelijk-telefoon.png", full_page=True)
    assert (tmp_path / "vergelijk-telefoon.png").stat().st_size > 10_000
    assert page.external_requests == []


def test_region_page_shows_the_chain_and_leads_to_compare(page, live_demo):
    page.goto(live_demo.url + "/regio/arnhem/")
    chain = page.locator("section.chain")
    assert "1. Regiobeeld" in chain.inner_text()
    assert "3. Contractafspraken" in chain.inner_text()
    page.get_by_role("link", name="Vergelijk met andere regio's").click()
    page.wait_for_url("**/vergelijk/?basis=arnhem")
    assert page.locator("#regio-1").input_value() == "arnhem"
    page.locator("#regio-2").select_option("zeeland")
    page.get_by_role("button", name="Vergelijk", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/vergelijk/?regio=arnhem&regio=zeeland*")
    assert page.locator(".compare-card").count() == 2
