"""WCAG 2.1 A/AA in the browser: axe-core on every page, the map by keyboard.

Every public page (sitemap.xml and the pages it leaves out), every Mijn regio
page and the main admin pages, at 1366x900 and 390x844, in Dutch and English:
axe-core must report no violations. With A11Y_SHOTS_DIR set, a full-page
screenshot of each goes there.
"""

import os
from pathlib import Path

import pytest

from plans.models import Contract
from regions.models import Activity, Region, RegionMembership

from .a11y import (
    LANGUAGES,
    SIZES,
    axe_violations,
    editing_paths,
    in_language,
    open_and_settle,
    public_paths,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "een-lang-wachtwoord-42"


def shots_dir(tmp_path) -> Path:
    directory = Path(os.environ.get("A11Y_SHOTS_DIR") or tmp_path)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def page_shots_dir() -> Path | None:
    """Where check_pages puts a full-page screenshot of every page it checks,
    to look at them: only when A11Y_SHOTS_DIR is set (they cost a third of
    the time)."""
    return shots_dir(None) if os.environ.get("A11Y_SHOTS_DIR") else None


def shot_name(path: str, size: str) -> str:
    slug = path.strip("/").replace("/", "_").replace("?", "_").replace("=", "-")
    return f"{slug or 'nl'}-{size}.png"


@pytest.fixture
def a11y_context(browser, live_demo, request):
    """A browser context per viewport; CSP is bypassed only to inject axe."""
    width, height = SIZES[request.param]
    context = browser.new_context(
        viewport={"width": width, "height": height}, bypass_csp=True
    )
    context.size_name = request.param
    context.set_default_timeout(15_000)
    yield context
    context.close()


def log_in(page, base_url: str, username: str):
    page.goto(base_url + "/account/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit], main input[type=submit]")
    page.wait_for_load_state("networkidle")


def check_pages(page, base_url, paths, size, shots):
    """axe on each path; returns {path: [violation, ...]} for those with any."""
    found = {}
    for path in paths:
        if page.request.get(base_url + path).status == 405:  # POST only
            continue
        response = open_and_settle(page, base_url + path)
        assert response.ok, (path, response.status)
        violations = axe_violations(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > page.viewport_size["width"]:  # WCAG 1.4.10 Reflow
            violations.append({"id": "horizontal-scroll", "width": width})
        if shots:
            page.screenshot(path=shots / shot_name(path, size), full_page=True)
        print(f"axe {size} {path}: {len(violations)} violations")
        if violations:
            found[path] = violations
    return found


@pytest.mark.parametrize("a11y_context", list(SIZES), indirect=True)
def test_public_pages_have_no_axe_violations(a11y_context, live_demo):
    page = a11y_context.new_page()
    paths = public_paths()
    assert any(path.startswith("/en/") for path in paths)
    found = check_pages(
        page, live_demo.url, paths, a11y_context.size_name, page_shots_dir()
    )
    assert found == {}


@pytest.mark.parametrize("a11y_context", list(SIZES), indirect=True)
def test_filter_pages_with_a_bad_value_have_no_axe_violations(a11y_context, live_demo):
    """The 400 of core.filters: form, message and an empty result, in both sizes."""
    page = a11y_context.new_page()
    for path in (
        "/?status=onzin&verzekeraar=<b>",
        "/?kleur=onzin&indeling=<b>",
        "/organisaties/?soort=onzin&q=zorg",
        "/regioplannen/?met=onzin",
        "/activiteiten/?thema=onzin&jaar=twintig",
    ):
        response = open_and_settle(page, live_demo.url + path)
        assert response.status == 400, path
        assert page.locator(".form-errors[role=alert]").count() == 1, path
        assert axe_violations(page) == [], path


@pytest.mark.parametrize("a11y_context", list(SIZES), indirect=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_mijn_regio_pages_have_no_axe_violations(
    a11y_context, live_demo, django_user_model, language
):
    editor = django_user_model.objects.create_user(
        "redacteur", "redacteur@example.org", PASSWORD
    )
    region = Region.objects.get(slug="arnhem")  # has activities and a contract
    RegionMembership.objects.create(user=editor, region=region)
    values = {}
    activity = Activity.objects.filter(region=region).first()
    if activity:
        values["activiteiten/"] = {"pk": activity.pk}
    contract = Contract.objects.filter(region=region).first()
    if contract:
        values["contracten/"] = {"pk": contract.pk}
    page = a11y_context.new_page()
    log_in(page, live_demo.url, "redacteur")
    paths = [in_language(p, language) for p in editing_paths(region.slug, values)]
    assert len(paths) >= 5
    found = check_pages(
        page,
        live_demo.url,
        paths,
        a11y_context.size_name,
        page_shots_dir(),
    )
    assert found == {}


@pytest.mark.parametrize("a11y_context", list(SIZES), indirect=True)
def test_main_admin_pages_have_no_axe_violations(
    a11y_context, live_demo, django_user_model
):
    django_user_model.objects.create_superuser(
        "curator", "curator@example.org", PASSWORD
    )
    region = Region.objects.get(slug="drenthe")
    page = a11y_context.new_page()
    page.goto(live_demo.url + "/beheer/login/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/beheer/")
    paths = [
        "/beheer/",
        "/beheer/regions/region/",
        f"/beheer/regions/region/{region.pk}/change/",
        "/beheer/geo/gemeente/importeren/indelingen/",  # every import: one template
    ]
    found = check_pages(
        page, live_demo.url, paths, a11y_context.size_name, page_shots_dir()
    )
    # The import's preview (changes and a confirm button) and its error list.
    header = b"code,name,jaar,afstand_huisartsenpraktijk_km\n"
    for name, rows in [
        ("preview", b"GM0014,Groningen,2023,3.5\nGM0034,Almere,2023,2.5\n"),
        ("errors", b"GM0014,Groningen,2023,3\xc2\xb2\nGM9999,X,2023,1.0\n"),
    ]:
        page.goto(live_demo.url + "/beheer/geo/gemeente/importeren/afstand-huisarts/")
        page.set_input_files(
            "#id_file",
            {"name": f"{name}.csv", "mimeType": "text/csv", "buffer": header + rows},
        )
        page.click("#content-main input[type=submit]")
        page.wait_for_selector(".import-summary, .import-errors")
        assert page.locator(".import-errors").count() == (name == "errors")
        if violations := axe_violations(page):
            found[name] = violations
    assert found == {}


def test_axe_finds_what_it_should(browser):
    """The check bites: a page with a known fault has violations."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content(
        '<html lang="nl"><title>t</title><main><img src="x.png">'
        '<div role="img" aria-label="kaart"><a href="#">Zoom</a></div></main></html>'
    )
    found = {violation["id"] for violation in axe_violations(page)}
    context.close()
    assert {"image-alt", "nested-interactive"} <= found
