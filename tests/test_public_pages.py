"""The one rule for public pages (core/pagecache.py): every anonymous GET view
of the URLconf is @public_page, or an exception listed here with its reason.
A public page declares its query parameters once; a query string that is not
canonical (unknown, repeated or empty parameters, another order, untrimmed
text) is redirected to the canonical URL, so only URLs the page understands
fill the cache; an unknown value of a known filter is still a Dutch 400."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import URLResolver, get_resolver

from core import generation
from core.pagecache import Param, Query
from plans.filters import PlanFilterSet
from regions.filters import DirectoryFilterSet

pytestmark = pytest.mark.django_db

# URL names (or prefixes of routes) that are not @public_page, and why.
EXCEPTIONS = {
    # Not for visitors: logins, editors, curators, the language switch (POST).
    "account/": "login, logout, password reset: per user, with CSRF",
    "beheer/": "the admin",
    "taal/": "set_language: a POST that sets a cookie",
    "editing:": "Mijn regio: per logged-in editor",
    "follow:": "forms with CSRF, double opt-in and unsubscribe tokens",
    "health": "says whether the database answers now; never cached",
    # Files with their own caching or none.
    "regions:regioplan_document": "an uploaded PDF, streamed from storage",
    "plans:regiobeeld_document": "an uploaded PDF, streamed from storage",
    "organisations:vcard": "one small file per published person",
}


def views():
    """(route, URL name, view) of every pattern of the URLconf."""

    def walk(patterns, route, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}{pattern.namespace}:"
                yield from walk(pattern.url_patterns, route + str(pattern.pattern), ns)
            else:
                name = f"{namespace}{pattern.name or ''}"
                yield route + str(pattern.pattern), name, pattern.callback

    return list(walk(get_resolver().url_patterns, "", ""))


def ruled(view) -> bool:
    """A public page, or a download kept per data generation (core.downloads)."""
    return hasattr(view, "public_query") or getattr(view, "stored_download", False)


def exception_for(route: str, name: str) -> str:
    for key, reason in EXCEPTIONS.items():
        if name == key or (key.endswith(":") and name.startswith(key)):
            return reason
        if key.endswith("/") and route.startswith(key):
            return reason
    return ""


def test_every_view_is_a_public_page_or_a_listed_exception():
    unruled = [
        f"{route} ({name})"
        for route, name, view in views()
        if not ruled(view) and not exception_for(route, name)
    ]
    assert unruled == []


def test_no_exception_is_also_a_public_page_or_stale():
    names = {name for _route, name, _view in views()}
    routes = [route for route, _name, _view in views()]
    for key in EXCEPTIONS:
        assert (
            key in names
            or any(name.startswith(key) for name in names)
            or any(route.startswith(key) for route in routes)
        ), key
    both = [
        name
        for route, name, view in views()
        if ruled(view) and exception_for(route, name)
    ]
    assert both == []


def test_the_pages_that_were_missing_are_public_pages():
    public = {name for _r, name, view in views() if hasattr(view, "public_query")}
    for name in (
        "progress:index",
        "regions:organisations",
        "regions:search",
        "plans:overview",
        "django.contrib.sitemaps.views.sitemap",
    ):
        assert name in public


def test_a_filter_page_declares_the_parameters_of_its_filterset():
    query = Query.of(DirectoryFilterSet, Param("pagina", kind="page"))
    assert query.names == ["soort", "provincie", "regio", "q", "pagina"]
    kinds = {p.name: p.kind for p in Query.of(PlanFilterSet).params}
    assert kinds == {"met": "set", "zonder": "set"}


@pytest.mark.parametrize(
    "url,canonical",
    [
        ("/organisaties/?utm_source=x&q=zorg", "/organisaties/?q=zorg"),
        ("/organisaties/?q=a&q=b", "/organisaties/?q=a"),
        ("/organisaties/?q=Zorg+&soort=hds", "/organisaties/?soort=hds&q=zorg"),
        ("/organisaties/?soort=&provincie=&regio=&q=", "/organisaties/"),
        ("/organisaties/?pagina=1", "/organisaties/"),
        ("/organisaties/?pagina=x", "/organisaties/"),
        ("/zoek/?q=+6511+&fbclid=1", "/zoek/?q=6511"),
        ("/?verzekeraar=noord&status=openbaar", "/?status=openbaar&verzekeraar=noord"),
        ("/?datum=2025-01-01&datum=2024-01-01", "/?datum=2025-01-01"),
        (
            "/?status=openbaar&datum=2025-01-01",  # the form sends datum first
            "/?datum=2025-01-01&status=openbaar",
        ),
        (
            "/regioplannen/?zonder=a&met=c&met=b&met=c",
            "/regioplannen/?met=b&met=c&zonder=a",
        ),
        ("/voortgang/?x=1", "/voortgang/"),
        ("/en/voortgang/?x=1", "/en/voortgang/"),
        ("/sitemap.xml?p=1", "/sitemap.xml"),
        ("/vergelijk/?regio=b&x=1&regio=a", "/vergelijk/?regio=b&regio=a"),
    ],
)
def test_a_query_that_is_not_canonical_is_redirected(client, world, url, canonical):
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == canonical
    again = client.get(canonical)
    assert again.status_code in (200, 400)  # and never a second redirect


def test_a_canonical_url_is_served_and_cached_per_canonical_query(world, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()
    generation._last_known.clear()
    first = Client().get("/organisaties/?soort=hds&q=zorg")
    assert first.status_code == 200
    assert "ETag" in first
    assert Client().get("/organisaties/?q=zorg&soort=hds").status_code == 301
    cache.clear()


def test_an_unknown_value_of_a_known_filter_is_still_a_dutch_400(client, world):
    response = client.get("/organisaties/?soort=onzin")
    assert response.status_code == 400
    assert "Onbekende soort" in response.content.decode()
    assert client.get("/?status=onzin").status_code == 400
