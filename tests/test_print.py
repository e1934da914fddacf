"""A region page prints on A4 without controls (static/css/print.css)."""

import pytest

from .test_accessibility import shots_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONTROLS = [
    ".site-header nav",
    ".language-switch",
    ".site-footer",
    ".breadcrumbs",
    ".leaflet-control-container",
]


def test_region_page_prints_on_a4_without_controls(page, live_demo, tmp_path):
    page.goto(live_demo.url + "/regio/arnhem/")
    page.wait_for_selector("#regiokaartje path")
    assert page.locator(".site-header nav").is_visible()
    page.emulate_media(media="print")
    for selector in CONTROLS:
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    assert page.locator("h1").is_visible()
    assert page.locator("#regiokaartje path").first.is_visible()
    page.screenshot(path=shots_dir(tmp_path) / "print-regio.png", full_page=True)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def pdf_pages_and_text(pdf: bytes, tmp_path):
    """Number of pages and the selectable text, with poppler's tools."""
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) is not installed")
    path = tmp_path / "factsheet.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(
        next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1]
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return pages, text


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_factsheet_is_one_or_two_a4_pages_of_selectable_text(
    page, live_demo, tmp_path, prefix
):
    page.goto(live_demo.url + prefix + "/regio/arnhem/")
    page.wait_for_selector("#regiokaartje path")
    button = page.locator("#afdrukken")
    assert button.is_visible()
    assert button.inner_text() == ("Print / PDF" if prefix else "Afdrukken / PDF")
    page.emulate_media(media="print")
    assert not button.is_visible()
    for hidden in ("#activiteiten-titel", "#organisaties-titel", "#gemeenten-titel"):
        assert not page.locator(hidden).is_visible(), hidden
    pdf = page.pdf(format="A4", print_background=True)
    (shots_dir(tmp_path) / f"factsheet{prefix.replace('/', '-')}.pdf").write_bytes(pdf)
    pages, text = pdf_pages_and_text(pdf, tmp_path)
    assert 1 <= pages <= 2, pages
    assert "Arnhem" in text
    assert "/regio/arnhem/" in text  # the short URL
    assert "CBS" in text and "2024" in text  # key figures with source and year
    assert "Onze Huisartsen" in text  # the regional organisation's contact
