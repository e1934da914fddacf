"""The curator's workbench on the admin index (issue 11)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import ImportLog
from organisations.duplicates import duplicate_groups
from organisations.duplicates import name_key as normalised
from organisations.models import Organisation
from regions.models import Region

from .conftest import REGION_A, REGION_B

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def panels(response):
    return {panel.url.split("?")[-1]: panel for panel in response.context["panels"]}


def test_dashboard_counts_and_links(curator_client, world):
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Region.objects.update(created_at=long_ago)
    Region.objects.filter(slug=REGION_A).update(confirmed_at=timezone.now())
    Region.objects.filter(slug=REGION_B).update(plan_end_year=2020)
    Organisation.objects.filter(pk=world.organisation_a.pk).update(
        email="info@example.org"
    )
    Organisation.objects.create(
        name="Stichting Huisartsen Aaland", slug="huisartsen-aaland-2", type="ros"
    )
    ImportLog.objects.create(model="regio's", file_name="regios.csv", updated=2)
    response = curator_client.get(INDEX)
    assert response.status_code == 200
    found = panels(response)
    assert found["contact=ontbreekt"].count == 2  # B and C have no phone or e-mail
    assert found["bevestigd=verouderd"].count == 2  # A was confirmed just now
    assert found["looptijd=verlopen"].count == 1
    [duplicates] = [p for p in response.context["panels"] if p.items]
    assert duplicates.count == 1 and "Huisartsen Aaland" in duplicates.items[0][0]
    statuses = {row["status"]: row["count"] for row in response.context["status_rows"]}
    assert statuses["openbaar"] == 1 and statuses["niet_openbaar"] == 1
    html = response.content.decode()
    assert "regios.csv" in html
    # Each link opens the admin list, filtered the same way.
    changelist = reverse("admin:regions_region_changelist")
    for query, count in (
        ("contact=ontbreekt", 2),
        ("bevestigd=verouderd", 2),
        ("looptijd=verlopen", 1),
        ("status=openbaar", 1),
    ):
        listing = curator_client.get(f"{changelist}?{query}")
        assert listing.status_code == 200
        assert listing.context["cl"].result_count == count, query
    dup_list = curator_client.get(duplicates.items[0][1])
    assert dup_list.status_code == 200 and dup_list.context["cl"].result_count == 2


def test_dashboard_is_for_curators_only(client, editor_a):
    client.force_login(editor_a)
    assert client.get(INDEX).status_code == 302


def test_normalised_names_and_duplicates():
    assert normalised("Stichting Huisartsen-Aaland B.V.") == "huisartsen aaland"
    assert normalised("Coöperatie Eerstelijn U.A.") == "eerstelijn"
    groups = duplicate_groups(
        [
            (1, "Huisartsen Aaland", ""),
            (2, "Huisartsen Aalandd", ""),  # a typo
            (3, "Zorggroep Beekdal", "123"),
            (4, "Beekdal Zorg", "123"),  # the same KvK number
            (5, "ROS Midden", ""),
        ]
    )
    assert [[pk for pk, _ in g] for g in groups] == [[1, 2], [3, 4]]


def test_dashboard_query_count_does_not_grow(
    curator_client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(60) as small:
        curator_client.get(INDEX)
    for i in range(20):
        Region.objects.create(name=f"Extra {i}", slug=f"extra-{i}", plan_end_year=2001)
        Organisation.objects.create(
            name=f"Organisatie {i}", slug=f"org-{i}", type="ros"
        )
        ImportLog.objects.create(model="regio's", file_name=f"{i}.csv")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = curator_client.get(INDEX)
    assert panels(response)["looptijd=verlopen"].count == 20


def test_names_that_differ_by_place_are_not_duplicates():
    groups = duplicate_groups(
        [
            (1, "Huisartsenorganisatie Eemland", ""),
            (2, "Huisartsenorganisatie Friesland", ""),
            (3, "Huisartsenposten Arnhem", ""),
            (4, "Huisartsenposten Drenthe", ""),
        ]
    )
    assert groups == []
