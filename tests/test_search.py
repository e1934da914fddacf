import pytest

from regions import search, services

from .conftest import REGION_A, REGION_B, REGION_C
from .factories import centre

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query,slug",
    [
        ("aala", REGION_A),  # region name prefix
        ("AALA", REGION_A),  # case-insensitive
        ("walden", REGION_A),  # accent-insensitive, word prefix (Súdwest-Wâlden)
        ("Súdwest", REGION_A),
        ("heerenbeek", REGION_B),  # word inside "'s-Heerenbeek"
        ("Ceestad", REGION_C),  # gemeente name
    ],
)
def test_search_finds_the_region_and_goes_there(client, world, query, slug):
    response = client.get("/zoek/", {"q": query})
    assert response.status_code == 302
    assert response["Location"] == f"/regio/{slug}/"


def test_several_hits_are_listed_with_the_gemeente_that_matched(client, world):
    response = client.get("/zoek/", {"q": "berg"})
    html = response.content.decode()
    hits = response.context["hits"]
    assert len(hits) > 1
    slugs = {hit.region.slug for hit in hits}
    assert slugs == {REGION_A, REGION_B}  # Bergdorp, Berg en Beek
    assert "Berg en Beek" in html and "Bergdorp" in html
    for hit in hits:
        assert hit.region.get_status_display() in html


def test_no_hit_and_too_short_queries_say_so(client, world):
    assert (
        "Geen regio of gemeente gevonden"
        in client.get("/zoek/?q=xyzzy").content.decode()
    )
    assert "minstens twee letters" in client.get("/zoek/?q=a").content.decode()


def test_search_form_is_on_the_map_page_and_works_without_javascript(client, world):
    html = client.get("/").content.decode()
    assert (
        '<form class="search-form" role="search" action="/zoek/" method="get">' in html
    )


def test_point_lookup_uses_the_region_borders(client, world):
    lat, lon = centre(world.gemeente("Aastad"))
    response = client.get("/zoek/", {"lat": str(lat), "lon": str(lon)})
    assert response["Location"] == f"/regio/{REGION_A}/"
    assert search.region_at(*centre(world.gemeente("Ceestad"))).slug == REGION_C
    assert search.region_at(52.15, 5.35).slug == REGION_B  # Beekdorp
    assert search.region_at(52.0, 2.0) is None  # North Sea


def test_point_lookup_follows_composition_changes(world):
    berg_en_beek = world.gemeente("Berg en Beek")
    assert search.region_at(*centre(berg_en_beek)).slug == REGION_B
    services.move_gemeenten({berg_en_beek: world.region_c})
    assert search.region_at(*centre(berg_en_beek)).slug == REGION_C


def test_bad_coordinates_are_a_clear_400(client, world):
    response = client.get("/zoek/", {"lat": "abc", "lon": "5"})
    assert response.status_code == 400
    assert "geldige breedte- en lengtegraad" in response.content.decode()
    response = client.get("/zoek/", {"lat": "10", "lon": "10"})
    assert response.status_code == 200
    assert "ligt niet in een regio" in response.content.decode()


def test_normalise():
    assert search.normalise("Súdwest-Fryslân") == "sudwest fryslan"
    assert search.normalise("'s-Hertogenbosch") == "s hertogenbosch"
