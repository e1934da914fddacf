"""Headless Chromium against a live server: what a visitor sees and clicks."""

import pytest

from regions.models import Region, RegioplanStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_sees_the_map_and_clicks_through_to_a_region(page, live_demo, tmp_path):
    page.goto(live_demo.url + "/")
    page.wait_for_selector("#kaart[data-loaded]")
    polygons = page.locator("#kaart path.leaflet-interactive")
    assert polygons.count() == Region.objects.count()
    fills = set(polygons.evaluate_all("els => els.map(e => e.getAttribute('fill'))"))
    assert RegioplanStatus.GEEN.colour in fills
    assert RegioplanStatus.OPENBAAR.colour in fills
    page.screenshot(path=tmp_path / "kaart.png", full_page=True)

    # Hovering names the region and its status in words.
    arnhem = page.locator('#kaart path[aria-label^="Arnhem —"]')
    arnhem.hover()
    assert page.locator("#kaart-info").inner_text() == "Arnhem — Regioplan openbaar"

    arnhem.click()
    page.wait_for_url("**/regio/arnhem/")
    assert page.locator("h1").inner_text().startswith("Arnhem")
    page.wait_for_selector("#regiokaartje path")
    page.screenshot(path=tmp_path / "regio.png", full_page=True)
    assert (tmp_path / "regio.png").stat().st_size > 10_000
    assert page.external_requests == []


def test_keyboard_reaches_a_region_from_the_map(page, live_demo):
    page.goto(live_demo.url + "/")
    page.wait_for_selector("#kaart[data-loaded]")
    page.locator('#kaart path[aria-label^="Zeeland —"]').focus()
    assert page.locator("#kaart-info").inner_text() == "Zeeland — Regioplan openbaar"
    page.keyboard.press("Enter")
    page.wait_for_url("**/regio/zeeland/")


def test_map_works_on_a_phone(page, live_demo, tmp_path):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_demo.url + "/")
    page.wait_for_selector("#kaart[data-loaded]")
    box = page.locator("#kaart").bounding_box()
    assert box["width"] <= 390 and box["height"] >= 300
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=tmp_path / "telefoon.png", full_page=True)


def test_editor_logs_in_changes_status_and_sees_the_map_colour_change(
    page, live_demo, django_user_model, tmp_path
):
    from regions.models import RegionMembership, RegioplanStatus

    editor = django_user_model.objects.create_user(
        "redacteur", "redacteur@example.org", "een-lang-wachtwoord-42"
    )
    RegionMembership.objects.create(
        user=editor, region=Region.objects.get(slug="drenthe")
    )

    def drenthe_fill():
        page.goto(live_demo.url + "/")
        page.wait_for_selector("#kaart[data-loaded]")
        return page.locator('#kaart path[aria-label^="Drenthe —"]').get_attribute(
            "fill"
        )

    assert drenthe_fill() == RegioplanStatus.NIET_OPENBAAR.colour

    page.goto(live_demo.url + "/account/login/")
    page.fill("#id_username", "redacteur")
    page.fill("#id_password", "een-lang-wachtwoord-42")
    page.click("button[type=submit]")
    page.wait_for_url("**/mijn-regio/drenthe/")
    page.click("text=Regioplan bewerken")
    page.check("input[name=status][value=in_ontwikkeling]")
    page.screenshot(path=tmp_path / "bewerken.png", full_page=True)
    page.click("button:text('Opslaan')")
    page.wait_for_url("**/mijn-regio/drenthe/")
    assert "Regioplan opgeslagen" in page.locator(".messages").inner_text()

    assert drenthe_fill() == RegioplanStatus.IN_ONTWIKKELING.colour
    page.screenshot(path=tmp_path / "kaart-na.png")
    assert page.external_requests == []


def test_curator_uploads_a_csv_in_the_admin_sees_the_preview_and_confirms(
    page, live_demo, django_user_model, tmp_path
):
    django_user_model.objects.create_superuser(
        "curator", "curator@example.org", "een-lang-wachtwoord-42"
    )
    csv_file = tmp_path / "statussen.csv"
    csv_file.write_text("sleutel,naam,status\ndrenthe,Drenthe,geen\n", encoding="utf-8")

    page.goto(live_demo.url + "/beheer/login/?next=/beheer/regions/region/import/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", "een-lang-wachtwoord-42")
    page.click("input[type=submit]")
    page.wait_for_url("**/beheer/regions/region/import/")
    page.set_input_files("#id_import_file", str(csv_file))
    page.select_option("#id_format", label="csv")
    page.click("input[type=submit]")
    page.wait_for_selector("input[name=confirm]")
    preview = page.locator("table.import-preview").inner_text()
    assert "Drenthe" in preview and "geen" in preview
    page.screenshot(path=tmp_path / "voorbeeld.png", full_page=True)
    assert Region.objects.get(slug="drenthe").status == "niet_openbaar"

    page.click("input[name=confirm]")
    page.wait_for_url("**/beheer/regions/region/")
    assert Region.objects.get(slug="drenthe").status == "geen"
    page.screenshot(path=tmp_path / "na-import.png")
