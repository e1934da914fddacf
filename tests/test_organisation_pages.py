"""Organisation pages, the directory with its filters and download, the
duplicate warning for editors and the curators' merge."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.duplicates import likely_duplicates
from organisations.models import ContactPerson, Organisation
from regions.models import Activity, Region, RegionOrganisation

from .conftest import REGION_A, REGION_B, REGION_C
from .factories import make_organisation

pytestmark = pytest.mark.django_db


def names(response) -> set[str]:
    return {org.name for org in response.context["organisations"]}


def test_an_organisation_page_shows_type_contact_regions_and_activities(client, world):
    ros = world.ros
    ros.email = "info@ros-midden.example.org"
    ros.save()
    Activity.objects.create(region=world.region_b, title="Scholing", organisation=ros)
    response = client.get(f"/organisatie/{ros.slug}/")
    html = response.content.decode()
    assert "ROS (regionale ondersteuningsstructuur)" in html
    assert "info@ros-midden.example.org" in html
    for region in world.regions:
        assert f'href="{region.get_absolute_url()}"' in html
    assert "Actief in 3 regio&#x27;s" in html or "Actief in 3 regio's" in html
    assert "Scholing" in html
    assert 'id="organisatie-regios"' in html  # the small map's regions
    assert "Laatst bijgewerkt" in html
    assert client.get("/organisatie/bestaat-niet/").status_code == 404


def test_organisation_names_link_to_their_page(client, world):
    html = client.get(f"/regio/{REGION_A}/").content.decode()
    for org in (world.organisation_a, world.hds_a, world.lhv_kring, world.ros):
        assert f'href="/organisatie/{org.slug}/"' in html
    html = client.get("/organisaties/").content.decode()
    for org in world.organisations:
        assert f'href="/organisatie/{org.slug}/"' in html


@pytest.mark.parametrize(
    "params,expected",
    [
        ({}, None),  # all
        ({"soort": "hds"}, {"Huisartsenposten Aaland", "Huisartsenposten Beekdal"}),
        (
            {"regio": REGION_C},
            {"Eerstelijn Ceeland", "ROS Midden"},
        ),
        ({"regio": REGION_A, "soort": "lhv_kring"}, {"LHV-kring Aa en Beek"}),
        ({"q": "beekdal"}, {"Zorggroep Beekdal", "Huisartsenposten Beekdal"}),
        ({"q": "EERSTELIJN"}, {"Eerstelijn Ceeland"}),
        ({"provincie": "Utrecht", "soort": "ros"}, {"ROS Midden"}),
        ({"q": "bestaat niet"}, set()),
        ({"soort": "", "provincie": "", "regio": "", "q": ""}, None),  # the form
    ],
)
def test_directory_filters(client, world, params, expected):
    response = client.get("/organisaties/", params, follow=True)
    assert response.status_code == 200
    all_names = {org.name for org in world.organisations}
    assert names(response) == (all_names if expected is None else expected)


def test_an_unknown_filter_value_is_a_dutch_400_with_no_results(client, world):
    """Policy of core.filters; unknown values used to be ignored (the whole
    list)."""
    response = client.get("/organisaties/", {"soort": "onzin", "provincie": "<script>"})
    assert response.status_code == 400
    assert names(response) == set()
    html = response.content.decode()
    assert '<form class="filter-form" method="get" action="/organisaties/"' in html
    types = ", ".join(Organisation.Type.values)
    assert f"Onbekende soort ‘onzin’. Kies uit: {types}." in html
    assert "Onbekende provincie ‘&lt;script&gt;’. Kies uit: Utrecht." in html
    assert "<script>" not in html.split("<main")[1].split("</main>")[0]
    assert "selectie.csv" not in html  # no download of a bad selection
    response = client.get("/organisaties/", {"soort": "hds", "regio": "nergens"})
    assert response.status_code == 400
    assert names(response) == set()
    slugs = ", ".join(r.slug for r in Region.objects.order_by("name"))
    assert f"Onbekende regio ‘nergens’. Kies uit: {slugs}." in response.content.decode()
    too_long = client.get("/organisaties/", {"q": "x" * 101})
    assert too_long.status_code == 400
    assert "De zoektekst is te lang (101 tekens)" in too_long.content.decode()
    download = client.get("/organisaties/selectie.csv", {"soort": "onzin"})
    assert download.status_code == 404


def test_the_download_follows_the_filter(client, world):
    response = client.get("/organisaties/selectie.csv", {"soort": "hds"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["naam"] for row in rows} == {
        "Huisartsenposten Aaland",
        "Huisartsenposten Beekdal",
    }
    html = client.get("/organisaties/", {"soort": "hds"}).content.decode()
    assert 'href="/organisaties/selectie.csv?soort=hds"' in html
    assert client.get("/organisaties/selectie.pdf").status_code == 404


def test_the_directory_works_without_javascript(client, world):
    html = client.get("/organisaties/").content.decode()
    assert '<form class="filter-form" method="get" action="/organisaties/"' in html
    assert "<script" not in html.split("<main")[1].split("</main>")[0]


def test_the_directory_costs_the_same_queries_on_more_data(client, world):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get("/organisaties/", {"provincie": "Utrecht"})
        return len(ctx.captured_queries)

    small = count()
    for n in range(30):
        org = make_organisation(f"Extra {n}", f"extra-{n}", "ros")
        RegionOrganisation.objects.create(region=world.region_a, organisation=org)
        ContactPerson.objects.create(organisation=org, name="X", is_public=True)
    assert count() == small


# -- Duplicates ----------------------------------------------------------------


def test_a_likely_duplicate_is_warned_about_and_needs_confirming(as_person, world):
    client = as_person("editor_a")
    url = reverse("editing:new_organisation", args=[REGION_A])
    count = Organisation.objects.count()
    response = client.post(url, {"name": "huisartsen aaland B.V.", "type": "ros"})
    assert response.status_code == 200
    assert "lijkt al te bestaan: Huisartsen Aaland" in response.content.decode()
    assert Organisation.objects.count() == count
    world.ros.kvk_number = "12345678"
    world.ros.save()
    response = client.post(
        url, {"name": "Iets heel anders", "type": "ros", "kvk_number": "12345678"}
    )
    assert "lijkt al te bestaan: ROS Midden" in response.content.decode()
    response = client.post(
        url, {"name": "Huisartsen Aalandd", "type": "ros", "confirm_new": "on"}
    )
    assert response.status_code == 302
    assert Organisation.objects.count() == count + 1


def test_editors_pick_an_existing_organisation_from_a_datalist(as_person, world):
    client = as_person("editor_a")
    url = reverse("editing:organisations", args=[REGION_A])
    html = client.get(url).content.decode()
    assert '<datalist id="id_add-lijst">' in html
    assert '<option value="Zorggroep Beekdal (Huisartsenorganisatie)">' in html
    response = client.post(url, {"add": "Zorggroep Beekdal (Huisartsenorganisatie)"})
    assert response.status_code == 302
    assert world.organisation_b in world.region_a.organisations.all()
    response = client.post(url, {"add": "Bestaat niet"})
    assert "Kies een organisatie uit de lijst" in response.content.decode()


# -- Merge ---------------------------------------------------------------------


def test_curators_merge_two_organisations(curator_client, world):
    double = make_organisation("OCE", "oce-dubbel", "huisartsenorganisatie")
    double.kvk_number = "87654321"
    double.save()
    RegionOrganisation.objects.create(region=world.region_b, organisation=double)
    RegionOrganisation.objects.create(region=world.region_a, organisation=double)
    world.region_c.regional_organisation = double
    world.region_c.save()
    Activity.objects.create(region=world.region_b, title="Dubbel", organisation=double)
    ContactPerson.objects.create(organisation=double, name="Piet", is_public=True)
    keep = world.organisation_a
    url = reverse("admin:organisations_organisation_changelist")
    selected = {
        "action": "merge_organisations",
        "_selected_action": [keep.pk, double.pk],
    }
    confirm = curator_client.post(url, selected)
    assert "Kies welke organisatie blijft" in confirm.content.decode()
    response = curator_client.post(url, {**selected, "keep": keep.pk})
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=double.pk).exists()
    keep.refresh_from_db()
    assert keep.kvk_number == "87654321"  # empty fields filled in
    assert set(keep.regions.values_list("slug", flat=True)) == {REGION_A, REGION_B}
    assert Region.objects.get(slug=REGION_C).regional_organisation == keep
    assert Activity.objects.get(title="Dubbel").organisation == keep
    assert keep.contact_persons.get().name == "Piet"
    assert keep.history.count() >= 2  # history kept, and the merged one's too
    assert Organisation.history.filter(slug="oce-dubbel").exists()
    page = curator_client.get(f"/regio/{REGION_C}/").content.decode()
    assert keep.name in page


def test_the_merge_page_warns_when_the_two_do_not_look_alike(curator_client, world):
    """The merge asks the same duplicate rule as the form and the workbench."""
    url = reverse("admin:organisations_organisation_changelist")
    typo = make_organisation("Huisartsen Aalandd", "typo", "huisartsenorganisatie")
    same = curator_client.post(
        url,
        {
            "action": "merge_organisations",
            "_selected_action": [world.organisation_a.pk, typo.pk],
        },
    ).content.decode()
    assert "Kies welke organisatie blijft" in same and "Let op:" not in same
    other = curator_client.post(
        url,
        {
            "action": "merge_organisations",
            "_selected_action": [world.organisation_a.pk, world.ros.pk],
        },
    ).content.decode()
    assert "Let op: deze twee lijken niet op dezelfde organisatie" in other


def test_merge_needs_exactly_two(curator_client, world):
    url = reverse("admin:organisations_organisation_changelist")
    response = curator_client.post(
        url,
        {"action": "merge_organisations", "_selected_action": [world.ros.pk]},
        follow=True,
    )
    assert "Kies precies twee organisaties" in response.content.decode()
    assert Organisation.objects.filter(pk=world.ros.pk).exists()


@pytest.mark.parametrize(
    "name,duplicate",
    [
        ("Huisartsen Aaland", True),
        ("HUISARTSEN AALAND B.V.", True),
        ("Stichting Huisartsen Aaland", True),
        ("Huisartsen Aalnd", True),  # a typo
        ("Huisartsen Beekdal", False),  # another region's, not a duplicate
        ("Huisartsen Ceeland", False),
    ],
)
def test_likely_duplicates_by_name(world, name, duplicate):
    found = world.organisation_a in likely_duplicates(name)
    assert found is duplicate
