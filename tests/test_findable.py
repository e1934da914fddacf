"""Findable, shareable and bilingual: sitemap, robots, meta tags, hreflang,
language switch, favicon, print stylesheet and the editors' link."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import translation

from .factories import REGION_A, REGION_B

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dutch_again_afterwards():
    """A request to /en/ leaves English active in this thread: restore Dutch
    so later tests are not affected."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def meta(html: str, attribute: str, name: str) -> str:
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    assert found, name
    return found.group(1)


def test_sitemap_lists_regions_and_pages_in_both_languages(client, world):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for path in ("/", "/regios/", "/toegankelijkheid/", f"/regio/{REGION_A}/"):
        assert f"<loc>http://testserver{path}</loc>" in xml
        assert f"<loc>http://testserver/en{path}</loc>" in xml
    assert 'hreflang="en" href="http://testserver/en/regio/' in xml
    assert "/mijn-regio/" not in xml and "/beheer/" not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /beheer/" in text


def test_region_page_has_description_and_open_graph_with_its_status(client, world):
    region = world.region_a
    html = client.get(region.get_absolute_url()).content.decode()
    status = str(region.status_choice.label)
    assert status in meta(html, "name", "description")
    assert meta(html, "property", "og:title") == f"{region.name} · {status}"
    assert status in meta(html, "property", "og:description")
    assert meta(html, "property", "og:url") == f"http://testserver/regio/{REGION_A}/"
    assert meta(html, "property", "og:locale") == "nl_NL"


def test_english_region_page_says_so_in_its_tags(client, world):
    html = client.get(f"/en/regio/{REGION_A}/").content.decode()
    assert '<html lang="en">' in html
    assert meta(html, "property", "og:locale") == "en_GB"
    assert "Regio " not in meta(html, "name", "description")


def test_every_page_links_its_other_language_and_both_hreflangs(client, world):
    html = client.get("/regios/?sorteer=status").content.decode()
    assert '<link rel="alternate" hreflang="nl" href="http://testserver/regios/' in html
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/regios/'
        "?sorteer=status"
    ) in html
    assert 'hreflang="x-default" href="http://testserver/regios/' in html
    assert re.search(
        r'<a href="/en/regios/\?sorteer=status" hreflang="en" lang="en">English</a>',
        html,
    )
    english = client.get("/en/regios/").content.decode()
    assert '<a href="/regios/" hreflang="nl" lang="nl">Nederlands</a>' in english


def test_dutch_stays_the_default_even_for_an_english_browser(client, world):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="nl">' in html
    admin_login = client.get("/beheer/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="nl"' in admin_login.content.decode()


def test_data_downloads_stay_where_they_are(client, world):
    assert client.get("/data/regios.geojson").status_code == 200
    html = client.get("/en/").content.decode()
    assert 'data-layer-url="/data/regios.geojson?v=' in html


def test_favicon_and_print_stylesheet_are_served_and_linked(client, world):
    html = client.get(world.region_a.get_absolute_url()).content.decode()
    assert 'rel="icon" href="/static/favicon.svg" type="image/svg+xml"' in html
    assert 'href="/static/css/print.css" media="print"' in html
    favicon = Path(finders.find("favicon.svg")).read_text()
    assert favicon.startswith("<svg") and "</svg>" in favicon
    print_css = Path(finders.find("css/print.css")).read_text()
    assert "size: A4" in print_css
    assert ".leaflet-control-container" in print_css and "display: none" in print_css


def test_accessibility_statement_is_linked_from_every_footer(client, world):
    for path in ("/", "/regios/", f"/regio/{REGION_A}/", "/en/"):
        html = client.get(path).content.decode()
        assert re.search(r'<a href="(/en)?/toegankelijkheid/">', html), path
    statement = client.get("/toegankelijkheid/").content.decode()
    assert "WCAG 2.1" in statement and "Wat nog niet (zeker) voldoet" in statement


@pytest.mark.parametrize(
    ("person", "sees_link"),
    [("visitor", False), ("editor_a", True), ("editor_b", False), ("curator", True)],
)
def test_edit_link_only_for_the_regions_own_editors_and_curators(
    as_person, person, sees_link
):
    client = as_person(person)
    html = client.get(f"/regio/{REGION_A}/").content.decode()
    assert (f'href="/mijn-regio/{REGION_A}/"' in html) is sees_link
    assert ("Bewerk deze regio" in html) is sees_link


def test_editor_b_sees_the_link_on_their_own_region(as_person):
    html = as_person("editor_b").get(f"/regio/{REGION_B}/").content.decode()
    assert "Bewerk deze regio" in html


def test_static_settings_keep_dutch_first():
    assert settings.LANGUAGE_CODE == "nl"
    assert [code for code, _name in settings.LANGUAGES] == ["nl", "en"]


def test_no_empty_nonce_on_map_pages(client, world):
    for path in ("/", f"/regio/{REGION_A}/", "/embed/", "/en/"):
        assert 'nonce="None"' not in client.get(path).content.decode(), path
