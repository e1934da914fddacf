"""The map on a past date shows a region that did not exist yet as such:
not as one of the five statuses, and not counted in them."""

import datetime
import json
import re

import pytest

from regions.models import StatusChange

pytestmark = pytest.mark.django_db

D = datetime.date


def created_on(region, day: datetime.date) -> None:
    """Record that the region came into being on day, with its status."""
    StatusChange.objects.create(
        region=region, effective_date=day, previous_status="", status=region.status
    )


def test_a_region_created_later_is_shown_as_not_there_yet(client, world):
    created_on(world.region_c, D(2025, 3, 1))
    html = client.get("/", {"datum": "2025-02-28"}).content.decode()

    item = re.search(r'<li><a href="/regio/ceeland/".*?</li>', html, re.S).group(0)
    assert "bestond nog niet" in item and "status-nog_niet" in item
    line = re.search(r'id="kaartdatum-regel"[^>]*>(.*?)<a', html, re.S).group(1)
    assert "1 regio bestond nog niet" in line
    assert "0 onbekend" in line  # not counted as an unknown status
    legend = re.search(r'<li data-status="nog_niet">.*?</li>', html, re.S).group(0)
    assert "1 regio" in legend
    svg = re.search(r'<svg class="map-preview".*?</svg>', html, re.S).group(0)
    assert svg.count("status-nog_niet") == 1

    layer = client.get("/data/regios.geojson", {"datum": "2025-02-28"}).json()
    shown = {f["properties"]["slug"]: f["properties"] for f in layer["features"]}
    assert shown["ceeland"]["status"] == "nog_niet"
    assert shown["ceeland"]["status_label"] == "bestond nog niet"
    assert shown["aaland"]["status"] == world.region_a.status


def test_from_its_first_day_it_has_its_status(client, world):
    created_on(world.region_c, D(2025, 3, 1))
    html = client.get("/", {"datum": "2025-03-01"}).content.decode()
    item = re.search(r'<li><a href="/regio/ceeland/".*?</li>', html, re.S).group(0)
    assert f"status-{world.region_c.status}" in item
    assert "bestond nog niet" not in item
    assert 'data-status="nog_niet"' not in html  # no legend row


def test_the_english_map_names_it_in_english(client, world):
    created_on(world.region_c, D(2025, 3, 1))
    html = client.get("/en/", {"datum": "2025-02-28"}).content.decode()
    labels = json.loads(
        re.search(r'id="status-labels"[^>]*>(.*?)</script>', html, re.S).group(1)
    )
    assert labels["nog_niet"] == "did not exist yet"
    assert "did not exist yet" in html
