import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from regions.models import Region, RegioplanStatus

pytestmark = pytest.mark.django_db


def test_map_page_lists_every_region_with_its_status_in_words(client, world):
    html = client.get("/").content.decode()
    for region in world.regions:
        item = re.search(
            rf'<li><a href="{region.get_absolute_url()}"[^>]*>{re.escape(region.name)}'
            r"</a>.*?</li>",
            html,
            re.S,
        )
        assert item, region.name
        assert region.get_status_display() in item.group(0)


def test_legend_shows_every_status_with_colour_label_and_count(client, world):
    Region.objects.create(name="Nieuw", slug="nieuw", status=RegioplanStatus.GEEN)
    response = client.get("/")
    legend = response.context["legend"]
    assert [row["status"] for row in legend] == RegioplanStatus.values
    html = response.content.decode()
    counts = {row["status"]: row["count"] for row in legend}
    assert counts == {
        "openbaar": 1,
        "niet_openbaar": 1,
        "in_ontwikkeling": 1,
        "onbekend": 0,
        "geen": 1,
    }
    for row in legend:
        expected = Region.objects.filter(status=row["status"]).count()
        assert row["count"] == expected
        assert f'class="swatch status-{row["status"]}"' in html
        assert str(row["label"]) in html
        item = re.search(rf'<li data-status="{row["status"]}">.*?</li>', html, re.S)
        noun = "regio" if expected == 1 else "regio's"
        assert f'<span class="legend-count">{expected} {noun}</span>' in item.group(0)
    # The demo data set shows every status several times: tests/test_load_demo.py.


def test_status_colours_are_the_agreed_ones():
    names = {s.value: str(s.style.colour_name) for s in RegioplanStatus}
    assert names == {
        "openbaar": "paars",
        "niet_openbaar": "donkerblauw",
        "in_ontwikkeling": "middenblauw",
        "onbekend": "lichtblauw",
        "geen": "wit",
    }
    assert RegioplanStatus.GEEN.colour == "#ffffff"


def test_the_stylesheet_colours_each_status_as_the_map_does():
    """Templates colour a status by class; status.css must match the layer."""
    css = (Path(settings.BASE_DIR) / "static/css/status.css").read_text()
    for status in RegioplanStatus:
        rule = re.search(rf"\.status-{status.value} {{([^}}]*)}}", css)
        assert rule, status
        assert f"--fill: {status.colour};" in rule.group(1)
        assert f"--fill-ink: {status.style.text_colour};" in rule.group(1)


def test_map_page_loads_nothing_from_other_sites(client, world):
    html = client.get("/").content.decode()
    # hreflang alternates name this site's own pages in full; nothing loads them.
    loaded = re.sub(r'<link rel="alternate"[^>]*>', "", html)
    sources = re.findall(r'(?:src|href)="([^"]+)"', loaded)
    assert sources
    assert not [s for s in sources if re.match(r"(https?:)?//", s)]
    assert "fonts.googleapis" not in html


def test_map_page_uses_a_versioned_layer_url(client, world):
    response = client.get("/")
    etag = client.get(reverse("regions:geojson"))["ETag"].strip('"')
    assert (
        f'data-layer-url="/data/regios.geojson?v={etag}"' in response.content.decode()
    )


def test_demo_notice_is_visible(client, world):
    assert world.region_c.is_demo
    assert "Demogegevens." in client.get("/").content.decode()
    Region.objects.filter(is_demo=True).update(is_demo=False)
    assert "Demogegevens." not in client.get("/").content.decode()


def test_footer_carries_cbs_attribution(client, world):
    html = client.get("/regios/").content.decode()
    assert "Bron: CBS, Kadaster/PDOK – CBS Gebiedsindelingen 2024" in html
    assert "CC BY 4.0" in html
