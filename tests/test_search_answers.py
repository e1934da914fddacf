"""One search box that understands people: postcodes, places, everyday names
of gemeenten, regions and organisations; odd input gets a Dutch message."""

import csv
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geo.models import Gemeente, PostcodeArea
from geo.reference_imports import PostcodeImport
from regions import search, services

from .conftest import REGION_A, REGION_B, REGION_C
from .factories import add_alias_gemeenten, add_postcodes, add_zones, make_gemeente

pytestmark = pytest.mark.django_db


@pytest.fixture
def country(world):
    add_alias_gemeenten(world)
    add_postcodes(world)
    add_zones(world)
    return world.refresh()


def found(response) -> set[str] | str:
    """The regions a visitor reaches: a redirect to a region or organisation,
    or the regions the answer page names."""
    if response.status_code == 302:
        return response["Location"]
    answer = response.context.get("answer")
    return {region.slug for region in answer.regions} if answer else set()


A, B, C = (f"/regio/{slug}/" for slug in (REGION_A, REGION_B, REGION_C))


@pytest.mark.parametrize(
    "query,expected",
    [
        # region and gemeente names, any case or accents
        ("Aaland", A),
        ("BEEKDAL", B),
        ("ceeland", C),
        ("Aastad", A),
        ("Súdwest-Wâlden", A),
        ("sudwest walden", A),
        ("'s-Heerenbeek", B),
        ("s heerenbeek", B),
        ("Zeedorp", B),
        ("Ceestad", C),
        # everyday names (aliases): an answer that says which gemeente it means
        ("Den Haag", {REGION_B}),
        ("den haag", {REGION_B}),
        ("DEN HAAG", {REGION_B}),
        ("'s-Gravenhage", B),
        ("The Hague", {REGION_B}),
        ("Ljouwert", {REGION_C}),
        ("Leeuwarden", C),
        # places (woonplaatsen) that are not gemeenten
        ("Klein Aas", {REGION_A}),
        ("klein aas", {REGION_A}),
        ("Beekhoven", {REGION_B}),
        ("Grensdorp", {REGION_A}),  # the place of 3456 lies mainly in Bergdorp
        # postcodes, with or without letters and spaces
        ("1234", {REGION_A}),
        ("1234AB", {REGION_A}),
        ("1234 ab", {REGION_A}),
        ("  1234  AB ", {REGION_A}),
        ("2345", {REGION_B}),
        ("4567", {REGION_B}),  # two gemeenten, one region
        ("3456", {REGION_A, REGION_C}),  # split over two regions
        ("3456 XY", {REGION_A, REGION_C}),
        # organisations go to their page
        ("ROS Midden", "/organisatie/ros-midden/"),
        # odd input: nothing found, never an error page
        ("0000", set()),
        ("12345", set()),
        ("9999", set()),
        ("abcd", set()),
        ("<script>alert(1)</script>", set()),
        ("' OR 1=1; --", set()),
        ("Robert'); DROP TABLE geo_gemeente;--", set()),
        ("😀🏥", set()),
    ],
)
def test_search_table(client, country, query, expected):
    response = client.get("/zoek/", {"q": query})
    if response.status_code == 301:  # untrimmed: to the canonical URL first
        response = client.get(response.url)
    assert response.status_code in (200, 302)
    assert found(response) == expected


def test_a_postcode_answer_explains_itself_and_shows_the_contacts(client, country):
    world = country
    world.organisation_a.email = "info@huisartsen-aaland.example.org"
    world.organisation_a.save()
    html = client.get("/zoek/", {"q": "1234 AB"}).content.decode()
    text = re.sub(r"\s+", " ", html)
    assert (
        "Postcode 1234 (Aastad) ligt in gemeente Aastad, die hoort bij regio "
        "<strong>Aaland</strong>." in text
    )
    assert "info@huisartsen-aaland.example.org" in html
    for name in ("Huisartsenposten Aaland", "ROS Midden", "LHV-kring Aa en Beek"):
        assert name in html
    assert "Verzekeraar Noord" in html  # the preferred insurer
    assert "Zorgkantoor West" in html and "GGD Aaland" in html


def test_a_split_postcode_lists_each_gemeente_with_its_share(client, country):
    html = client.get("/zoek/", {"q": "3456"}).content.decode()
    text = re.sub(r"\s+", " ", html)
    assert "Postcode 3456 ligt in meer dan één gemeente" in text
    assert "60% van het gebied in gemeente Bergdorp" in text
    assert "40% van het gebied in gemeente Ceestad" in text
    assert "Contact in regio Aaland" in text and "Contact in regio Ceeland" in text


@pytest.mark.parametrize(
    "query,status,message",
    [
        ("0000", 200, "geen geldige postcode"),
        ("12345", 200, "geen geldige postcode"),
        ("9999", 200, "komt niet voor in de postcodetabel"),
        ("abcd", 200, "Geen regio of gemeente gevonden"),
        ("x" * 300, 400, "te lang"),
        ("😀", 200, "minstens twee letters"),
    ],
)
def test_bad_input_gets_a_dutch_message(client, country, query, status, message):
    response = client.get("/zoek/", {"q": query})
    assert response.status_code == status
    assert message in response.content.decode()


def test_html_in_the_query_is_shown_as_text(client, country):
    html = client.get("/zoek/", {"q": "<b>vet</b>"}).content.decode()
    assert "<b>vet</b>" not in html
    assert "&lt;b&gt;vet&lt;/b&gt;" in html


def test_the_index_follows_changes(client, country):
    assert found(client.get("/zoek/", {"q": "1234"})) == {REGION_A}
    services.move_gemeenten({country.gemeente("Aastad"): country.region_c})
    assert found(client.get("/zoek/", {"q": "1234"})) == {REGION_C}
    country.region_b.name = "Beekland"
    country.region_b.save()
    services.data_changed()
    assert found(client.get("/zoek/", {"q": "beekland"})) == B


def test_a_search_costs_the_same_queries_on_more_data(country):
    def queries(query):
        search.lookup(query)  # builds the index
        with CaptureQueriesContext(connection) as ctx:
            search.lookup(query)
        return len(ctx.captured_queries)

    small = queries("3456"), queries("Klein Aas"), queries("berg")
    for n in range(40):
        gemeente = make_gemeente(f"GM8{n:03d}", f"Grensplaats {n}", 6.0, 52.0)
        PostcodeArea.objects.create(postcode4="3456", gemeente=gemeente, share=0)
        PostcodeArea.objects.create(
            postcode4=f"{5000 + n}", place=f"Klein Aas {n}", gemeente=gemeente
        )
    services.data_changed()
    assert (queries("3456"), queries("Klein Aas"), queries("berg")) == small


def test_every_real_postcode_resolves_to_a_gemeente(db):
    """Over the real CBS file: every postcode finds its gemeente(n)."""
    path = Path(settings.BASE_DIR) / "fixtures" / "postcode4_gemeenten.csv"
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    Gemeente.objects.bulk_create(
        Gemeente(code=code, name=name, geometry={}, area_km2=1)
        for code, name in sorted(
            {(r["gemeente_code"], r["gemeente_naam"]) for r in rows}
        )
    )
    report = PostcodeImport(path.read_bytes()).commit()
    assert report.ok, report.errors
    services.data_changed()
    postcodes = {r["postcode4"] for r in rows}
    assert len(postcodes) == 4067
    for postcode in postcodes:
        answer = search.lookup(postcode)
        assert answer.parts and not answer.error, postcode
    assert [p.gemeente for p in search.lookup("6511 AB").parts] == ["Nijmegen"]
