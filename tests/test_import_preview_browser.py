"""The import preview in Chromium: no axe violations (WCAG 2.1 AA) at both
sizes, and its column headers are readable, never broken inside a word
("Gew ijzig d")."""

import pytest

from .a11y import axe_violations

pytestmark = pytest.mark.browser

PASSWORD = "een-lang-wachtwoord-42"


@pytest.mark.parametrize("size", [(1366, 900), (390, 844)])
def test_the_import_preview_is_accessible_and_its_headers_do_not_wrap(
    browser, live_demo, django_user_model, tmp_path, size
):
    django_user_model.objects.create_superuser("curator", "c@example.org", PASSWORD)
    csv_file = tmp_path / "regios.csv"
    csv_file.write_text(
        "sleutel,naam,status,patienten_betrokken,niet_praktijkhouders_doen_mee\n"
        "drenthe,Drenthe,geen,ja,nee\n",
        encoding="utf-8",
    )
    context = browser.new_context(
        viewport={"width": size[0], "height": size[1]},
        bypass_csp=True,  # for axe
    )
    page = context.new_page()
    page.goto(live_demo.url + "/beheer/login/?next=/beheer/regions/region/import/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/beheer/regions/region/import/")
    page.set_input_files("#id_import_file", str(csv_file))
    page.select_option("#id_format", label="csv")
    page.click("input[type=submit]")
    page.wait_for_selector("input[name=confirm]")
    lines = page.evaluate(
        """() => [...document.querySelectorAll(
              'table.import-preview thead th, table.import-preview td.import-type')]
            .map(el => {
              const range = document.createRange();
              range.selectNodeContents(el);
              const tops = [...range.getClientRects()].map(r => Math.round(r.top));
              return [el.textContent.trim(), new Set(tops).size];
            })"""
    )
    context_violations = axe_violations(page)
    context.close()
    assert lines and all(n <= 1 for _text, n in lines), [x for x in lines if x[1] > 1]
    assert context_violations == []
