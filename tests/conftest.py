import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from core import generation
from regions import search, similar
from regions.maplayer import choropleth, history, labels, layer, preview

from .factories import (
    REGION_A,
    REGION_B,
    REGION_C,
    make_curator,
    make_editor,
    make_world,
)

__all__ = ["REGION_A", "REGION_B", "REGION_C"]


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploads in tests go to a throw-away folder, never to ./media."""
    path = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=str(path)):
        yield path


@pytest.fixture(scope="session", autouse=True)
def fast_password_hasher():
    """Hashing a password the production way takes a third of a second here; the
    tests create a few users each, and no test is about the hash itself."""
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(PASSWORD_HASHERS=hashers):
        yield


@pytest.fixture(autouse=True)
def dutch(settings):
    """Every test starts in Dutch: a request to /en/ leaves English active in the
    test's thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fresh_process_caches():
    """The map layer, the search index and the data generation are cached in
    the process, keyed on a counter that only grows in a real database; every
    test's database starts the counter afresh, so every test starts empty."""
    for cache in (
        layer._served,
        layer._dated,
        preview._previews,
        labels._labels,
        search._index,
        search._tree_cache,
        generation._last_known,
        similar._cache,
        choropleth._maps,
        choropleth._gemeente_layers,
        history._cached,
    ):
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Pages are rendered afresh in tests (tests/test_page_cache.py turns the
    cache per data generation back on), so a test may change rows directly."""
    settings.PAGE_CACHE_SECONDS = 0


# -- The synthetic world (tests/factories.py) ------------------------------------


@pytest.fixture
def world(db):
    """Eight square gemeenten in three regions, organisations, insurers,
    activities: see tests/factories.py. Regions: world.region_a (Aaland, plan
    public), world.region_b (Beekdal, plan not public), world.region_c (Ceeland,
    in development, marked demo)."""
    return make_world()


@pytest.fixture
def curator(db):
    return make_curator()


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


# -- Browser -----------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists() or shutil.which("chromium") is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("Chromium is required here (REQUIRE_BROWSER is set).")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop on this thread; the ORM calls
    # the tests make here are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def live_demo(transactional_db, live_server, media_root):
    """A live server with the demo data set (real gemeenten, demo regions); only
    the browser tests use it. Transactional tests start empty."""
    call_command("load_demo", verbosity=0)
    return live_server


@pytest.fixture
def page(browser, live_demo):
    """A browser page that records every request that would leave the machine."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.external_requests = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((live_demo.url, "data:"))
            else page.external_requests.append(request.url)
        ),
    )
    page.set_default_timeout(15_000)
    yield page
    context.close()


# -- The cast of every permission test ------------------------------------------


@pytest.fixture
def editor_a(world):
    """redacteur-a, editor of world.region_a (REGION_A)."""
    return make_editor("redacteur-a", world.region_a)


@pytest.fixture
def editor_b(world):
    """redacteur-b, editor of world.region_b (REGION_B)."""
    return make_editor("redacteur-b", world.region_b)


@pytest.fixture
def cast(world, editor_a, editor_b, curator):
    """The four people: visitor, editor of region A, editor of region B, curator."""
    return {
        "visitor": None,
        "editor_a": editor_a,
        "editor_b": editor_b,
        "curator": curator,
    }


@pytest.fixture
def as_person(client, cast):
    def login(person):
        client.logout()
        if cast[person] is not None:
            client.force_login(cast[person])
        return client

    return login
