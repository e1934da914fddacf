"""Every download costs a fixed number of queries, however large it is, and is
built once per data generation.

The downloads are found in the URLconf (download_urls()), so a new one is
measured without touching this file: every route under data/, every route
with a format (<fmt>) and every feed. Each is measured with more than one
export page of rows (django-import-export pages by 100), then with ten times
as many: cold (nothing cached) the counts must be equal; warm (the same
download again at the same generation) it must read the data generation and
nothing else.
"""

import csv
import io
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.models import DataGeneration
from organisations.models import ContactPerson, Organisation
from regions.maplayer import layer
from regions.models import Region
from selfscan.models import SelfScan

from .test_query_counts import grow_everything, make_plans_documents

pytestmark = pytest.mark.django_db

ROWS, TIMES = 110, 10  # more than one export page (100 rows), then ten times more
FORMATS = ("csv", "xlsx")
GENERATION_TABLE = DataGeneration._meta.db_table


def _patterns(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    """(route, namespaced name, converters) of every named URL pattern."""
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = entry.namespace or ""
            name = f"{namespace}:{inner}" if namespace and inner else namespace or inner
            yield from _patterns(entry, route, name)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield route, name, entry.pattern.converters


def is_download(route: str) -> bool:
    """A public data file: under data/, a route with a format, or a feed. (An
    editor's own exports, under mijn-regio/, are measured in test_query_counts.)"""
    route = route.removeprefix("^")
    if route.startswith(("mijn-regio/", "beheer/")):
        return False
    return route.startswith("data/") or "<str:fmt>" in route or route.endswith("feed/")


def download_urls(world) -> list[str]:
    """Every download of the URLconf, in each format, of region A when it is a
    region's own."""
    urls = []
    for route, name, converters in _patterns(get_resolver()):
        if not is_download(route):
            continue
        for fmt in FORMATS if "fmt" in converters else (None,):
            kwargs = {"fmt": fmt} if fmt else {}
            if "slug" in converters:
                kwargs["slug"] = world.region_a.slug
            urls.append(reverse(name, kwargs=kwargs))
    return urls


def test_every_download_on_the_open_data_page_is_measured(client, world):
    html = client.get("/open-data/").content.decode()
    linked = set(re.findall(r'href="(/data/[^"?#]+)"', html))
    assert len(linked) >= 5
    assert linked <= set(download_urls(world))


def grow(world, n: int) -> None:
    """n more rows of every model, with public and unpublished contact
    persons of organisations that are in the download, and public scans."""
    grow_everything(world, n)
    organisations = list(Organisation.objects.order_by("-pk")[:n])
    ContactPerson.objects.bulk_create(
        ContactPerson(organisation=org, name=f"Persoon {org.pk}", is_public=public)
        for org in organisations
        for public in (True, False)
    )
    SelfScan.objects.filter(is_public=False).update(is_public=True)


def measure(client, url: str) -> tuple[int, int, bytes]:
    """Queries of the request cold (nothing cached), then warm; the content."""
    client.get(url)  # per-process caches (content types, translations, ...)
    caches["default"].clear()
    layer._served.clear()
    layer._dated.clear()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(url)
    assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as warm:
        again = client.get(url)
    assert again.content == response.content, url
    for query in warm.captured_queries:
        assert GENERATION_TABLE in query["sql"], f"{url} warm: {query['sql']}"
    return len(cold), len(warm), response.content


def data_rows(url: str, content: bytes) -> int:
    if not url.endswith(".csv"):
        return -1
    return len(list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))) - 1


def test_every_download_in_a_fixed_number_of_queries(client, world, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    make_plans_documents(world)
    urls = download_urls(world)
    grow(world, ROWS)
    small = {url: measure(client, url) for url in urls}
    grow(world, ROWS * (TIMES - 1))
    large = {url: measure(client, url) for url in urls}
    for url in urls:
        if url.endswith(".csv"):  # several export pages, then ten times as many
            assert data_rows(url, small[url][2]) > 100, url
            assert data_rows(url, large[url][2]) > 5 * data_rows(url, small[url][2])
    assert {url: counts[:2] for url, counts in large.items()} == {
        url: counts[:2] for url, counts in small.items()
    }
    assert all(warm == 1 for _cold, warm, _content in large.values())
    assert Region.objects.count() > ROWS * TIMES
