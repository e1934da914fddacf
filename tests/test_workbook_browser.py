"""The workbook page in Chromium: the upload form, the preview over all sheets
and the error list have no axe violations (WCAG 2.1 AA), wide and at 390 px
(nothing wider than the screen), and a curator gets from upload to
confirmation by keyboard alone. The admin is Dutch only (regiokaart/urls.py):
a browser asking for English still gets Dutch."""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from openpyxl import load_workbook

from organisations.models import Organisation
from regions import workbook

from .a11y import SIZES, axe_violations

pytestmark = pytest.mark.browser

PASSWORD = "een-lang-wachtwoord-42"
SHOTS = Path(os.environ.get("WORKBOOK_SHOTS", "/tmp/workbook-shots"))


def edited(change) -> bytes:
    book = load_workbook(io.BytesIO(workbook.export_workbook()))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def set_cell(book, sheet: str, column: str, value) -> None:
    ws = book[sheet]
    index = [c.value for c in ws[1]].index(column)
    ws.cell(2, index + 1).value = value


def upload(page, url: str, name: str, data: bytes) -> None:
    page.goto(url)
    page.set_input_files(
        "#id_werkboek",
        {"name": name, "mimeType": "application/octet-stream", "buffer": data},
    )
    page.click("#content-main form[enctype] input[type=submit]")
    page.wait_for_selector("#workbook-counts-caption")


def fits(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= window.innerWidth"
    )


def test_the_workbook_pages_are_accessible_at_both_sizes(
    browser, live_demo, django_user_model
):
    django_user_model.objects.create_superuser("curator", "c@example.org", PASSWORD)
    SHOTS.mkdir(parents=True, exist_ok=True)
    preview = edited(lambda b: set_cell(b, "organisaties", "plaats", "Nieuwstad"))
    broken = edited(lambda b: set_cell(b, "regio's", "status", "half"))
    url = live_demo.url + "/beheer/regions/region/werkboek/"
    found, wide = {}, {}
    for language in ("en",):  # asked for English, served Dutch
        for size_name, (width, height) in SIZES.items():
            context = browser.new_context(
                viewport={"width": width, "height": height}, bypass_csp=True
            )
            context.add_cookies(
                [
                    {
                        "name": settings.LANGUAGE_COOKIE_NAME,
                        "value": language,
                        "url": live_demo.url,
                    }
                ]
            )
            page = context.new_page()
            page.goto(live_demo.url + "/beheer/login/?next=/beheer/")
            page.fill("#id_username", "curator")
            page.fill("#id_password", PASSWORD)
            page.click("input[type=submit]")
            page.wait_for_url("**/beheer/")
            page.goto(url)
            assert page.locator("html").get_attribute("lang") == "nl"
            for step, data in (
                ("form", None),
                ("preview", preview),
                ("fouten", broken),
            ):
                if data is not None:
                    upload(page, url, f"{step}.xlsx", data)
                key = f"{size_name}-{step}"
                page.screenshot(path=str(SHOTS / f"{key}.png"), full_page=True)
                if violations := axe_violations(page):
                    found[key] = violations
                if not fits(page):
                    wide[key] = page.evaluate("document.documentElement.scrollWidth")
            context.close()
    assert found == {}
    assert wide == {}


def test_a_curator_imports_the_workbook_by_keyboard_alone(
    browser, live_demo, django_user_model
):
    django_user_model.objects.create_superuser("curator", "c@example.org", PASSWORD)
    data = edited(lambda b: set_cell(b, "organisaties", "plaats", "Toetsenbord"))
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_demo.url + "/beheer/login/?next=/beheer/regions/region/werkboek/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/werkboek/")
    page.set_input_files(
        "#id_werkboek",
        {"name": "w.xlsx", "mimeType": "application/octet-stream", "buffer": data},
    )

    def tab_to(selector: str, limit: int = 300) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(
                "(s) => document.activeElement && document.activeElement.matches(s)",
                selector,
            ):
                return
        raise AssertionError(f"{selector} is not reachable by Tab")

    tab_to("#content-main form[enctype] input[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#workbook-counts-caption")
    tab_to("details.workbook-all-rows summary")
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('details.workbook-all-rows').open")
    tab_to("input[name=confirm]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/beheer/regions/region/")
    page.screenshot(path=str(SHOTS / "keyboard-done.png"))
    assert "Werkboek geïmporteerd" in page.content()
    context.close()
    assert Organisation.objects.filter(city="Toetsenbord").count() == 1
