"""Map filters on /: by regioplan status and preferred insurer, in the URL,
server-side for the list and the legend, dimming on the map."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisations.models import Insurer
from regions.models import Region, RegioplanStatus

from .conftest import REGION_A, REGION_B, REGION_C
from .factories import make_region

pytestmark = pytest.mark.django_db


def listed(response) -> set[str]:
    return {region.slug for region in response.context["regions"]}


def counts(response) -> dict[str, int]:
    return {row["status"]: row["count"] for row in response.context["legend"]}


@pytest.mark.parametrize(
    "params,expected",
    [
        ({}, {REGION_A, REGION_B, REGION_C}),
        ({"status": "openbaar"}, {REGION_A}),
        ({"verzekeraar": "noord"}, {REGION_A, REGION_C}),
        ({"verzekeraar": "zuid"}, {REGION_B}),
        ({"status": "in_ontwikkeling", "verzekeraar": "noord"}, {REGION_C}),
        ({"status": "openbaar", "verzekeraar": "zuid"}, set()),
    ],
)
def test_the_list_and_the_legend_follow_the_filter(client, world, params, expected):
    response = client.get("/", params)
    assert response.status_code == 200
    assert listed(response) == expected
    assert sum(counts(response).values()) == len(expected)


def test_an_unknown_value_is_a_dutch_400_that_names_it_and_shows_no_regions(
    client, world
):
    """Policy of core.filters (it used to be ignored, showing every region)."""
    response = client.get("/", {"status": "onzin", "verzekeraar": "<b>"})
    assert response.status_code == 400
    assert listed(response) == set()
    assert sum(counts(response).values()) == 0
    html = response.content.decode()
    assert '<form class="map-filter filter-form"' in html
    statuses = ", ".join(RegioplanStatus.values)
    assert f"Onbekende status ‘onzin’. Kies uit: {statuses}." in html
    insurers = ", ".join(
        Insurer.objects.order_by("name").values_list("slug", flat=True)
    )
    assert f"Onbekende verzekeraar ‘&lt;b&gt;’. Kies uit: {insurers}." in html
    assert "<b>" not in html.split("<main")[1].split("</main>")[0]
    # one bad value is enough; the good one does not rescue it
    response = client.get("/", {"status": "openbaar", "verzekeraar": "nergens"})
    assert response.status_code == 400
    assert listed(response) == set()


def test_empty_values_are_no_filter(client, world):
    response = client.get("/", {"status": "", "verzekeraar": ""}, follow=True)
    assert response.status_code == 200
    assert listed(response) == {REGION_A, REGION_B, REGION_C}


def test_without_javascript_the_url_shows_the_filtered_list(client, world):
    html = client.get("/?status=openbaar&verzekeraar=noord").content.decode()
    assert '<ul id="regiolijst" data-filtered>' in html
    assert 'href="/regio/aaland/"' in html
    assert 'data-slug="beekdal"' not in html
    assert '<option value="openbaar" selected>' in html
    assert '<option value="noord" selected>' in html
    assert "1 regio past bij het filter" in html
    # without a filter the map marks nothing dimmed
    assert "data-filtered" not in client.get("/").content.decode()


def test_the_map_page_costs_the_same_queries_with_more_regions(client, world):
    def count():
        client.get("/")  # the map layer is read once per version, then kept
        with CaptureQueriesContext(connection) as ctx:
            client.get("/", {"verzekeraar": "noord"})
        return len(ctx.captured_queries)

    small = count()
    for n in range(20):
        make_region(f"Extra {n}", f"extra-{n}", preferred_insurer=world.insurer)
    assert count() == small
    assert Region.objects.count() == 23
