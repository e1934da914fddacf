"""Contact persons: editors maintain those of their own region's organisations,
curators all; a person shows on the public site only when published (AVG)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from organisations.models import ContactPerson, Organisation
from regions import contacts

from .conftest import REGION_A, REGION_B
from .factories import add_postcodes

pytestmark = pytest.mark.django_db

PEOPLE = ["visitor", "editor_a", "editor_b", "curator"]
EXPECTED_GET = {"visitor": 302, "editor_a": 200, "editor_b": 404, "curator": 200}


@pytest.fixture
def persons(world):
    """A published and an unpublished person at Aaland's regional organisation."""
    public = ContactPerson.objects.create(
        organisation=world.organisation_a,
        name="Petra Publiek",
        function="Coördinator",
        email="regio@huisartsen-aaland.example.org",
        is_public=True,
    )
    private = ContactPerson.objects.create(
        organisation=world.organisation_a,
        name="Geheime Gerrit",
        email="gerrit@huisartsen-aaland.example.org",
        phone="00-GEHEIM",
    )
    return public, private


def new_person_urls(world, person):
    return {
        "lijst": reverse("editing:contact_persons", args=[REGION_A]),
        "nieuw": reverse(
            "editing:new_contact_person", args=[REGION_A, world.organisation_a.slug]
        ),
        "wijzigen": reverse("editing:contact_person", args=[REGION_A, person.pk]),
    }


@pytest.mark.parametrize("person", PEOPLE)
def test_contact_person_pages_get(as_person, world, persons, person):
    client = as_person(person)
    for name, url in new_person_urls(world, persons[1]).items():
        response = client.get(url)
        assert response.status_code == EXPECTED_GET[person], (person, name)


def forged_posts(world, person):
    return [
        (
            reverse(
                "editing:new_contact_person",
                args=[REGION_A, world.organisation_a.slug],
            ),
            {"name": "Nep", "email": "nep@example.org"},
        ),
        (
            reverse("editing:contact_person", args=[REGION_A, person.pk]),
            {"name": "Overschreven", "edit_version": person.version},
        ),
        (reverse("editing:delete_contact_person", args=[REGION_A, person.pk]), {}),
    ]


def state():
    return list(ContactPerson.objects.order_by("pk").values())


@pytest.mark.parametrize("person,status", [("visitor", 302), ("editor_b", 404)])
def test_outsiders_change_nothing(as_person, world, persons, person, status):
    client = as_person(person)
    before = state()
    for url, data in forged_posts(world, persons[1]):
        assert client.post(url, data).status_code == status, url
    assert state() == before


def test_another_regions_url_with_our_organisation_is_a_404(as_person, world, persons):
    """Editor B cannot reach Aaland's organisation through Beekdal's URLs."""
    client = as_person("editor_b")
    slug = world.organisation_a.slug
    url = reverse("editing:new_contact_person", args=[REGION_B, slug])
    assert client.get(url).status_code == 404
    url = reverse("editing:contact_person", args=[REGION_B, persons[1].pk])
    assert client.post(url, {"name": "x"}).status_code == 404


@pytest.mark.parametrize("person", ["editor_a", "curator"])
def test_the_regions_editor_and_the_curator_maintain_persons(as_person, world, person):
    client = as_person(person)
    url = reverse(
        "editing:new_contact_person", args=[REGION_A, world.organisation_a.slug]
    )
    response = client.post(url, {"name": "Nieuwe Nina", "email": "nina@example.org"})
    assert response.status_code == 302
    nina = ContactPerson.objects.get(name="Nieuwe Nina")
    assert nina.is_public is False  # personal data is not published by default
    edit = reverse("editing:contact_person", args=[REGION_A, nina.pk])
    client.post(edit, {"name": "Nina", "is_public": "on", "edit_version": 1})
    nina.refresh_from_db()
    assert nina.name == "Nina" and nina.is_public
    stale = client.post(edit, {"name": "Oud", "edit_version": 1})
    assert "Iemand anders heeft deze gegevens gewijzigd" in stale.content.decode()
    client.post(reverse("editing:delete_contact_person", args=[REGION_A, nina.pk]))
    assert not ContactPerson.objects.filter(pk=nina.pk).exists()


def test_who_may_edit_an_organisation(world, cast):
    editable = contacts.editable_organisations
    assert set(editable(cast["editor_a"])) == {
        world.organisation_a,
        world.hds_a,
        world.lhv_kring,
        world.ros,
    }
    assert world.organisation_a not in editable(cast["editor_b"])
    assert world.lhv_kring in editable(cast["editor_b"])  # active in both
    assert set(editable(cast["curator"])) == set(Organisation.objects.all())
    assert not editable(AnonymousUser()).exists()


def test_an_unpublished_person_is_nowhere_public(client, world, persons):
    public, private = persons
    pages = {
        "organisatie": reverse(
            "regions:organisation", args=[world.organisation_a.slug]
        ),
        "regio": reverse("regions:detail", args=[REGION_A]),
        "zoeken": reverse("regions:search") + "?q=Huisartsen+Aaland",
        "overzicht": reverse("regions:organisations"),
        "csv": reverse("regions:organisations_selection", args=["csv"]),
        "open-data-csv": reverse("regions:organisations_download", args=["csv"]),
        "geojson": reverse("regions:geojson"),
        "embed": reverse("regions:embed"),
    }
    for name, url in pages.items():
        response = client.get(url, follow=True)
        assert response.status_code == 200, name
        text = response.content.decode("utf-8-sig")
        for secret in ("Geheime Gerrit", "gerrit@", "00-GEHEIM"):
            assert secret not in text, (name, secret)
    organisation_page = client.get(pages["organisatie"]).content.decode()
    assert "Petra Publiek" in organisation_page
    assert "Petra Publiek" in client.get(pages["csv"]).content.decode("utf-8-sig")
    # Published: now it shows; unpublished again: gone again.
    private.is_public = True
    private.save()
    assert "Geheime Gerrit" in client.get(pages["organisatie"]).content.decode()
    private.is_public = False
    private.save()
    assert "Geheime Gerrit" not in client.get(pages["organisatie"]).content.decode()
    assert "Geheime Gerrit" not in client.get(pages["csv"]).content.decode()


def test_the_postcode_answer_shows_only_published_persons(client, world, persons):
    add_postcodes(world)
    html = client.get("/zoek/", {"q": "1234"}).content.decode()
    assert "Petra Publiek" in html
    assert "Geheime Gerrit" not in html
