import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from regions.models import Region


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploads in tests go to a throw-away folder, never to ./media."""
    path = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=str(path)):
        yield path


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, media_root):
    """Load the demo data set once; every test runs in a rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture
def demo(db):
    """The demo database (real gemeenten, demo regions)."""
    return Region.objects.all()


@pytest.fixture
def curator(django_user_model):
    return django_user_model.objects.create_superuser(
        "curator", "curator@example.org", "een-lang-wachtwoord-42"
    )


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
    """A live server with the demo data; transactional tests start empty."""
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

REGION_A = "arnhem"
REGION_B = "twente"


def make_editor(django_user_model, username, slug):
    from regions.models import RegionMembership

    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "een-lang-wachtwoord-42"
    )
    RegionMembership.objects.create(user=user, region=Region.objects.get(slug=slug))
    return user


@pytest.fixture
def editor_a(demo, django_user_model):
    return make_editor(django_user_model, "redacteur-a", REGION_A)


@pytest.fixture
def editor_b(demo, django_user_model):
    return make_editor(django_user_model, "redacteur-b", REGION_B)


@pytest.fixture
def cast(demo, editor_a, editor_b, curator):
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
