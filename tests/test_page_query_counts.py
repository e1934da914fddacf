"""The search page and the organisation directory do a fixed number of queries
however many organisations, contact persons and links there are: measured
with the synthetic world, then with more than a hundred rows more, cold (page
cache cleared: the page is rendered) and warm (the cached page: the data
generation only). The downloads are measured in tests/test_query_counts.py."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import generation
from organisations.models import ContactPerson, Organisation
from regions import services

from .factories import add_alias_gemeenten, add_postcodes, add_zones

pytestmark = pytest.mark.django_db

URLS = [
    "/zoek/?q=1234+AB",  # a postcode: the answer, the contacts and zones
    "/zoek/?q=Groei",  # a name: the organisations it matches
    "/organisaties/",
    "/organisaties/?pagina=2",
    "/organisaties/?soort=hds",
    "/organisaties/?q=groei",
    "/organisaties/?regio=aaland&q=groei",
]
TYPES = [Organisation.Type.HDS, Organisation.Type.ROS, Organisation.Type.LHV_KRING]


@pytest.fixture
def country(world, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    add_alias_gemeenten(world)
    add_postcodes(world)
    add_zones(world)
    cache.clear()
    generation._last_known.clear()
    yield world.refresh()
    cache.clear()


def grow(world, n: int) -> None:
    """n more organisations in regions A and B, two public persons each."""
    start = Organisation.objects.count()
    organisations = []
    for i in range(start, start + n):
        organisation = Organisation(
            name=f"Groei {i}", slug=f"groei-{i}", type=TYPES[i % len(TYPES)]
        )
        organisation.save()
        organisations.append(organisation)
    services.set_organisation_links(
        {org: [world.region_a, world.region_b] for org in organisations}
    )
    ContactPerson.objects.bulk_create(
        ContactPerson(organisation=org, name=f"Persoon {k}", is_public=True)
        for org in organisations
        for k in range(2)
    )
    services.data_changed()


def queries(url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = Client().get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def cold(urls) -> dict:
    counts = {}
    for url in urls:
        queries(url)  # per-process caches (content types, the map layer, ...)
        cache.clear()
        counts[url] = queries(url)
    return counts


def test_search_and_directory_queries_do_not_grow_with_the_data(country):
    grow(country, 55)  # two pages in the directory
    small = cold(URLS)
    grow(country, 150)
    assert Organisation.objects.count() > 100
    big = cold(URLS)
    assert big == small
    assert max(big.values()) <= 20


def test_a_cached_search_or_directory_page_costs_one_query(country):
    grow(country, 120)
    for url in URLS:
        queries(url)
        assert queries(url) == 1, url  # the data generation


def test_the_directory_search_reads_the_stored_plain_names(country):
    organisation = country.organisations[0]
    organisation.name = "Súdwest-Fryslân Zorg B.V."
    organisation.save()
    assert Organisation.objects.get(pk=organisation.pk).name_plain == (
        "sudwest fryslan zorg b v"
    )
    services.data_changed()
    html = Client().get("/organisaties/?q=fryslan+zorg").content.decode()
    assert "Súdwest-Fryslân Zorg B.V." in html
    # the SQL filters on the stored name: no name is normalised per request
    with CaptureQueriesContext(connection) as context:
        Client().get("/organisaties/?q=sudwest")
    assert any("name_plain" in q["sql"] for q in context.captured_queries)
