"""A GP who knows only the practice's postcode finds who to call, on a phone."""

import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/shots-9")


def test_a_postcode_typed_on_a_phone_reaches_the_contacts(page, live_demo, tmp_path):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_demo.url + "/")
    field = page.get_by_label("Zoek een regio of gemeente")
    field.fill("6511 ab")
    field.press("Enter")
    page.wait_for_url(re.compile(r"/zoek/\?q=6511"))
    answer = page.locator(".answer").inner_text()
    assert "Postcode 6511 (Nijmegen) ligt in gemeente Nijmegen" in answer
    assert "Nijmegen e.o." in answer
    heading = page.get_by_role("heading", name=re.compile("Contact in regio Nijmegen"))
    heading.scroll_into_view_if_needed()
    assert heading.is_visible()
    for label in ("Regionale organisatie", "Preferente zorgverzekeraar"):
        assert page.get_by_role("heading", name=label).count() == 1
    mail = page.locator('.answer-contacts a[href^="mailto:"]').first
    assert mail.inner_text().endswith("@example.org")  # demo contacts only
    mail.scroll_into_view_if_needed()
    assert mail.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for path in (tmp_path, SHOTS if SHOTS.is_dir() else tmp_path):
        page.screenshot(path=path / "zoek-postcode-telefoon.png", full_page=True)
    # The organisation's own page is one tap away.
    page.locator(".answer-contacts a.org-name").first.click()
    page.wait_for_url(re.compile(r"/organisatie/"))
    assert page.locator("h1").is_visible()
    assert page.external_requests == []


PLAN_SHOTS = Path("/tmp/psearch/shots")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_plan_search_works_after_load_demo_by_keyboard_on_a_phone(
    page, browser, live_demo, tmp_path, language
):
    """The demo's plans are searchable at once; keyboard only, at 390 px."""
    from tests.a11y import axe_violations

    page.set_viewport_size({"width": 390, "height": 844})
    prefix = "/en" if language == "en" else ""
    page.goto(live_demo.url + prefix + "/regioplannen/zoeken/")
    field = page.locator("#plan-q")
    for _ in range(40):  # from the top of the page, by Tab only
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "plan-q":
            break
    assert page.evaluate("document.activeElement.id") == "plan-q"
    page.keyboard.type('huisartsenposten "acute zorg"')
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"zoeken/\?q="))
    assert field.input_value() == 'huisartsenposten "acute zorg"'
    hits = page.locator(".plan-hits > li")
    assert hits.count() >= 1
    assert hits.first.locator("mark").count() >= 1
    link = hits.first.locator(".plan-snippets a").first
    assert re.search(r"\.pdf#page=\d+$", link.get_attribute("href"))
    link.focus()
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith(
        link.get_attribute("href")
    )
    # axe in a context of its own: CSP is bypassed only to inject axe
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, bypass_csp=True
    )
    checked = context.new_page()
    checked.goto(page.url)
    assert checked.locator(".plan-hits mark").count() >= 1
    assert axe_violations(checked) == []
    context.close()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    PLAN_SHOTS.mkdir(parents=True, exist_ok=True)
    for folder in (tmp_path, PLAN_SHOTS):
        page.screenshot(path=folder / f"plan-search-{language}.png", full_page=True)
    assert page.external_requests == []
