"""In Chromium: no script from data ever runs, and no page breaks its CSP.

A region named like an attack is shown as text on the map and the embed; every
public, editor and admin page loads without a single Content Security Policy
violation (the browser reports each one as a securitypolicyviolation event).
"""

import pytest
from django.urls import reverse

from regions import services
from regions.models import Region

from .factories import PASSWORD, make_curator, make_editor, make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE = '<img src=x onerror="window.__xss=1">Regio <b>vet</b></script>'

# Collects CSP violations and console errors before any page script runs.
RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(
    e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile +
    ":" + e.lineNumber
  );
});
"""


@pytest.fixture
def live_world(transactional_db, live_server, media_root):
    return make_world()


@pytest.fixture
def tab(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD)
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda m: page.console_errors.append(m.text) if m.type == "error" else None,
    )
    page.set_default_timeout(15_000)
    yield page
    context.close()


def visit(tab, url: str) -> list[str]:
    tab.console_errors.clear()
    tab.goto(url)
    tab.wait_for_load_state("load")
    if tab.locator("#kaart, #regiokaartje").count():
        tab.wait_for_selector("#kaart path, #regiokaartje path", state="attached")
    violations = tab.evaluate("window.__violations")
    refused = [e for e in tab.console_errors if "Content Security Policy" in e]
    return violations + refused


def login(tab, base: str, username: str, path: str = "/account/login/") -> None:
    tab.goto(base + path)
    tab.fill("#id_username", username)
    tab.fill("#id_password", PASSWORD)
    tab.locator("form [type=submit]").first.click()
    tab.wait_for_load_state("load")


def test_a_hostile_region_name_is_only_text_on_the_map_and_the_embed(
    tab, live_server, live_world
):
    region = live_world.region_a
    region.name = HOSTILE
    region.save()
    services.data_changed()
    for path in ("/", "/embed/"):
        tab.goto(live_server.url + path)
        tab.wait_for_selector("#kaart[data-loaded]")
        shape = tab.locator("#kaart path.leaflet-interactive").first
        for i in range(tab.locator("#kaart path.leaflet-interactive").count()):
            shape = tab.locator("#kaart path.leaflet-interactive").nth(i)
            if HOSTILE in (shape.get_attribute("aria-label") or ""):
                break
        # low on its left side: the region is L-shaped (the middle of its
        # bounding box may lie on a neighbour), the zoom buttons are top left
        box = shape.bounding_box()
        shape.hover(position={"x": box["width"] / 8, "y": box["height"] * 0.8})
        shape.focus()
        tooltip = tab.locator(".leaflet-tooltip").filter(has_text="onerror")
        tooltip.wait_for()
        assert HOSTILE in tooltip.inner_text()
        assert tooltip.locator("img, b").count() == 0
        assert tab.evaluate("window.__xss") is None, path
        assert tab.locator("img[src=x]").count() == 0


def test_public_pages_keep_their_content_security_policy(tab, live_server, live_world):
    base = live_server.url
    region = live_world.region_a
    pages = [
        "/",
        "/regios/",
        region.get_absolute_url(),
        "/zoek/?q=aa",
        "/open-data/",
        "/embed/",
        "/account/login/",
        "/account/password_reset/",
        "/bestaat-niet/",
    ]
    found = {path: visit(tab, base + path) for path in pages}
    assert found == {path: [] for path in pages}


def test_editor_pages_keep_their_content_security_policy(tab, live_server, live_world):
    make_editor("redacteur", live_world.region_a)
    login(tab, live_server.url, "redacteur")
    slug = live_world.region_a.slug
    activity = live_world.activity_a
    pages = [
        reverse("editing:region", args=[slug]),
        reverse("editing:regioplan", args=[slug]),
        reverse("editing:contact", args=[slug]),
        reverse("editing:organisations", args=[slug]),
        reverse("editing:new_organisation", args=[slug]),
        reverse("editing:new_activity", args=[slug]),
        reverse("editing:activity", args=[slug, activity.pk]),
        reverse("editing:figures", args=[slug]),
    ]
    found = {path: visit(tab, live_server.url + path) for path in pages}
    assert found == {path: [] for path in pages}


def test_admin_pages_keep_their_content_security_policy(tab, live_server, live_world):
    make_curator("beheerder")
    login(tab, live_server.url, "beheerder", "/beheer/login/")
    region = Region.objects.get(slug=live_world.region_a.slug)
    history = region.history.first()
    pages = [
        reverse("admin:index"),
        reverse("admin:regions_region_changelist"),
        reverse("admin:regions_region_change", args=[region.pk]),
        reverse("admin:regions_region_history", args=[region.pk]),
        reverse("admin:regions_region_simple_history", args=[region.pk, history.pk]),
        reverse("admin:regions_region_import"),
        reverse("admin:regions_region_export"),
        reverse("admin:geo_gemeente_changelist"),
        reverse("admin:geo_gemeente_import", args=["grenzen"]),
        reverse("admin:organisations_organisation_change", args=[live_world.ros.pk]),
        reverse("admin:regions_activity_add"),
        reverse("admin:regions_regionmembership_invite"),
        reverse("admin:auth_user_changelist"),
    ]
    found = {path: visit(tab, live_server.url + path) for path in pages}
    assert found == {path: [] for path in pages}
