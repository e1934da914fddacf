"""Pages and downloads do a fixed number of queries, however much data there is:
measured with the synthetic world, then with ten times more rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.models import Organisation
from regions import services
from regions.models import Activity, RegionFigure

pytestmark = pytest.mark.django_db


def grow(world, n: int) -> None:
    """n more organisations, activities and figures in region A (and B)."""
    start = Organisation.objects.count()
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Groei {i}", slug=f"groei-{i}", type="ros")
        for i in range(start, start + n)
    )
    services.set_organisation_links(
        {org: [world.region_a, world.region_b] for org in organisations}
    )
    Activity.objects.bulk_create(
        Activity(region=world.region_a, title=f"Activiteit {i}", organisation=org)
        for i, org in enumerate(organisations)
    )
    RegionFigure.objects.bulk_create(
        RegionFigure(
            region=world.region_a, kind="huisartsen", value=i, year=2000 + i, source="x"
        )
        for i in range(start, start + n)
    )


def queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (content types, ...) first
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def counts(client, urls) -> dict:
    return {url: queries(client, url) for url in urls}


def test_public_pages_and_downloads(client, world):
    urls = [
        "/",
        "/regios/",
        world.region_a.get_absolute_url(),
        "/data/regios.csv",
        "/data/organisaties.csv",
        "/data/organisaties.xlsx",
        "/open-data/",
    ]
    grow(world, 3)
    small = counts(client, urls)
    grow(world, 30)
    assert counts(client, urls) == small


def test_editor_pages_and_exports(client, editor_a, world):
    client.force_login(editor_a)
    slug = world.region_a.slug
    urls = [
        reverse("editing:region", args=[slug]),
        reverse("editing:organisations", args=[slug]),
        reverse("editing:figures", args=[slug]),
        *(
            reverse("editing:export", args=[slug, kind, "csv"])
            for kind in ("regio", "organisaties", "activiteiten", "kerngetallen")
        ),
    ]
    grow(world, 3)
    small = counts(client, urls)
    grow(world, 30)
    assert counts(client, urls) == small


def test_admin_pages(curator_client, world):
    region = world.region_a
    urls = [
        reverse("admin:regions_region_changelist"),
        reverse("admin:regions_region_change", args=[region.pk]),
        reverse("admin:geo_gemeente_changelist"),
        reverse("admin:regions_activity_changelist"),
        reverse("admin:regions_regionfigure_changelist"),
        reverse("admin:organisations_organisation_changelist"),
        reverse("admin:organisations_organisation_change", args=[world.ros.pk]),
    ]
    grow(world, 3)
    small = counts(curator_client, urls)
    grow(world, 30)
    assert counts(curator_client, urls) == small
