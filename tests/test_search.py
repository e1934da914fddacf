import pytest

from geo.models import Gemeente
from regions import search, services
from regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query,slug",
    [
        ("nijmegen", "nijmegen-e-o"),  # region name prefix
        ("NIJM", "nijmegen-e-o"),  # case-insensitive
        ("fryslan", "friesland"),  # accent-insensitive, word prefix (Súdwest-Fryslân)
        ("Súdwest", "friesland"),
        ("hertogenbosch", "noordoost-brabant"),  # word inside "'s-Hertogenbosch"
        ("Lelystad", "flevoland-zwolle-vechtdal"),  # gemeente name
    ],
)
def test_search_finds_the_region_and_goes_there(client, demo, query, slug):
    response = client.get("/zoek/", {"q": query})
    assert response.status_code == 302
    assert response["Location"] == f"/regio/{slug}/"


def test_several_hits_are_listed_with_the_gemeente_that_matched(client, demo):
    response = client.get("/zoek/", {"q": "berg"})
    html = response.content.decode()
    hits = response.context["hits"]
    assert len(hits) > 1
    slugs = {hit.region.slug for hit in hits}
    assert "nijmegen-e-o" in slugs  # Berg en Dal
    assert "Berg en Dal" in html
    for hit in hits:
        assert hit.region.get_status_display() in html


def test_no_hit_and_too_short_queries_say_so(client, demo):
    assert (
        "Geen regio of gemeente gevonden"
        in client.get("/zoek/?q=xyzzy").content.decode()
    )
    assert "minstens twee letters" in client.get("/zoek/?q=a").content.decode()


def test_search_form_is_on_the_map_page_and_works_without_javascript(client, demo):
    html = client.get("/").content.decode()
    assert (
        '<form class="search-form" role="search" action="/zoek/" method="get">' in html
    )


def test_point_lookup_uses_the_region_borders(client, demo):
    # The Valkhof in Nijmegen.
    response = client.get("/zoek/", {"lat": "51.8475", "lon": "5.8699"})
    assert response["Location"] == "/regio/nijmegen-e-o/"
    assert search.region_at(52.3728, 4.8936).slug == "amsterdam"  # Dam square
    assert search.region_at(52.0, 2.0) is None  # North Sea


def test_point_lookup_follows_composition_changes(demo):
    assert (
        search.region_at(52.5185, 5.4714).slug == "flevoland-zwolle-vechtdal"
    )  # Lelystad
    lelystad = Gemeente.objects.get(name="Lelystad")
    services.move_gemeenten({lelystad: Region.objects.get(slug="almere")})
    assert search.region_at(52.5185, 5.4714).slug == "almere"


def test_bad_coordinates_are_a_clear_400(client, demo):
    response = client.get("/zoek/", {"lat": "abc", "lon": "5"})
    assert response.status_code == 400
    assert "geldige breedte- en lengtegraad" in response.content.decode()
    response = client.get("/zoek/", {"lat": "10", "lon": "10"})
    assert response.status_code == 200
    assert "ligt niet in een regio" in response.content.decode()


def test_normalise():
    assert search.normalise("Súdwest-Fryslân") == "sudwest fryslan"
    assert search.normalise("'s-Hertogenbosch") == "s hertogenbosch"
