"""Visitors' pages are rendered once per data generation and served from the
cache, with ETag/304; any change starts a new generation; a logged-in user is
never served a cached page; a database outage is a Dutch 503, while cached
pages and the map layer keep being served."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client
from django.urls import reverse

from core import generation
from regions import services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()
    generation._last_known.clear()
    yield
    cache.clear()


def test_a_second_visitor_gets_the_cached_page_with_one_query(
    client, world, django_assert_max_num_queries
):
    first = client.get("/regios/")
    assert first.status_code == 200
    with django_assert_max_num_queries(1):  # the data generation
        second = Client().get("/regios/")
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert "Cookie" in second["Vary"]


def test_a_browser_that_has_the_page_gets_a_304(client, world):
    etag = client.get("/").headers["ETag"]
    assert client.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/", HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    assert client.get("/", HTTP_IF_NONE_MATCH='"iets-anders"').status_code == 200


def test_a_change_through_the_admin_shows_on_the_next_request(
    client, curator_client, world
):
    region = world.region_a
    assert "Hernoemd" not in client.get("/regios/").content.decode()
    url = reverse("admin:organisations_insurer_change", args=[world.insurer.pk])
    response = curator_client.post(url, {"name": "Hernoemd", "slug": "noord"})
    assert response.status_code == 302
    html = Client().get("/regios/").content.decode()
    assert "Hernoemd" in html, region


def test_a_change_through_a_service_shows_on_the_next_request(client, world):
    before = client.get("/regios/").content
    region = world.region_b
    region.name = "Beekdal-Noord"
    region.save()
    assert client.get("/regios/").content == before  # a direct save: no signal
    services.data_changed()  # what every path that writes calls
    assert "Beekdal-Noord" in client.get("/regios/").content.decode()


def test_a_logged_in_editor_is_never_served_a_cached_page(
    client, editor_a, world, django_assert_max_num_queries
):
    Client().get(world.region_a.get_absolute_url())  # cached for visitors
    client.force_login(editor_a)
    response = client.get(world.region_a.get_absolute_url())
    assert response.status_code == 200
    assert "ETag" not in response
    assert "Cookie" in response["Vary"]


def test_downloads_are_built_once_per_generation(
    client, world, django_assert_max_num_queries
):
    first = client.get("/data/regios.csv")
    with django_assert_max_num_queries(1):
        second = Client().get("/data/regios.csv")
    assert second.content == first.content
    assert second["Content-Disposition"] == first["Content-Disposition"]


def database_down():
    return mock.patch.object(
        CursorWrapper, "execute", side_effect=OperationalError("verbinding geweigerd")
    )


def test_a_database_outage_is_a_dutch_503_and_cached_pages_keep_working(world):
    visitor = Client(raise_request_exception=False)
    assert visitor.get("/").status_code == 200  # cached, with the layer
    layer = visitor.get("/data/regios.geojson")
    with database_down():
        assert visitor.get("/").status_code == 200
        assert visitor.get("/data/regios.geojson").content == layer.content
        response = visitor.get("/open-data/")
        assert response.status_code == 503
        assert "Even niet bereikbaar" in response.content.decode()
        assert response["Retry-After"] == "60"
        assert visitor.get("/gezond").status_code == 503
    assert visitor.get("/gezond").json() == {"status": "ok"}


def test_other_errors_are_still_a_500(world):
    visitor = Client(raise_request_exception=False)
    with mock.patch("regions.views.pages.render", side_effect=RuntimeError("kapot")):
        response = visitor.get("/open-data/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
